// An agent's chat session: everything of the base session. Agents end chats through Streams
// (`contact.destroy()`), so there is no disconnectParticipant here.
import { ChatSessionBase } from './chatSessionBase.js';
import { agentController, type AgentChatController } from './controllerFacade.js';

export class AgentChatSession extends ChatSessionBase {
  readonly controller: AgentChatController = agentController(this, this.core);

  /** Removes every handler of this session (upstream runs this after onEnded, and so do we). */
  cleanUpOnParticipantDisconnect(): void {
    this.core.removeAllHandlers();
  }
}
