// A customer's chat session: everything of the base session, plus leaving the chat.
import type { ParticipantServiceResponse } from '../types.js';
import { ChatSessionBase } from './chatSessionBase.js';

export class CustomerChatSession extends ChatSessionBase {
  /**
   * Leaves the chat (DisconnectParticipant). As upstream 4.x/5.x, handlers stay subscribed until the
   * service's chat.ended arrives, so `onEnded` still fires; the websocket is no longer re-established.
   */
  async disconnectParticipant<M = unknown>(args: { metadata?: M } = {}): Promise<ParticipantServiceResponse<object, M>> {
    const result = await this.call('disconnectParticipant', args?.metadata, (token) => this.controller.client.disconnectParticipant(token));
    this.controller.markParticipantLeft();
    return result;
  }
}
