// A customer's chat session: everything of the base session, plus leaving the chat.
import type { ParticipantServiceResponse } from '../types.js';
import { ChatSessionBase } from './chatSessionBase.js';
import { customerController, type CustomerChatController } from './controllerFacade.js';

export class CustomerChatSession extends ChatSessionBase {
  readonly controller: CustomerChatController = customerController(this, this.core);

  /**
   * Leaves the chat (DisconnectParticipant). As upstream 4.x/5.x, handlers stay subscribed until the
   * service's chat.ended arrives, so `onEnded` still fires; the websocket is no longer re-established.
   */
  async disconnectParticipant<M = null>(args: { metadata?: M } = {}): Promise<ParticipantServiceResponse<object, M>> {
    const result = await this.call('disconnectParticipant', args?.metadata, (token) => this.core.client.disconnectParticipant(token));
    this.core.markParticipantLeft();
    return result;
  }
}
