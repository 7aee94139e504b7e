// A session's link to the service: its membership of a manager hub and, when the session owns its
// manager, the transport function that feeds the manager fresh websocket URLs.
import { TIMINGS } from '../../constants.js';
import { isChatServiceError } from '../../errors.js';
import type { Logger } from '../../log/logger.js';
import type { ConnectionDetails, Unsubscribe, WebSocketManagerLike, WebSocketTransportResult } from '../../types.js';
import type { NormalizedChatDetails } from '../args/chatArgs.js';
import type { ConnectionDetailsProvider } from './connectionDetails.js';
import type { LinkListener } from './linkListener.js';
import { ManagerHub } from './managerHub.js';
import { TerminalTransportError } from '../../transport/errors.js';

export interface SessionConnectionOptions {
  manager: WebSocketManagerLike;
  /** True when the session created the manager: it then inits it and closes it on end. */
  ownsManager: boolean;
  provider: ConnectionDetailsProvider;
  chatDetails: NormalizedChatDetails;
  listener: LinkListener;
  logger: Logger;
}

export class SessionConnection {
  private leaveHub: Unsubscribe | null = null;
  private initialDetailsUsed = false;

  constructor(private readonly options: SessionConnectionOptions) {}

  get ownsManager(): boolean {
    return this.options.ownsManager;
  }

  start(): void {
    const { manager, chatDetails, listener, logger } = this.options;
    this.leaveHub = ManagerHub.of(manager, logger).join({
      contactId: chatDetails.contactId,
      initialContactId: chatDetails.initialContactId,
      listener,
    });
    if (this.options.ownsManager) {
      if (typeof manager.init !== 'function') throw new Error('the session websocket manager has no init()');
      manager.init(() => this.nextTransport());
    }
  }

  /** Stops listening; closes the socket when the session owns it. Safe to call twice. */
  end(): void {
    this.leaveHub?.();
    this.leaveHub = null;
    if (this.options.ownsManager) this.options.manager.closeWebSocket?.();
  }

  /** The transport function of our own manager: the details from connect() first, then fresh ones. */
  private async nextTransport(): Promise<WebSocketTransportResult> {
    const { provider } = this.options;
    const reuse = !this.initialDetailsUsed && provider.details?.url && provider.ageMs() < TIMINGS.websocketUrlUsableMs;
    this.initialDetailsUsed = true;
    const details = reuse ? provider.details : await this.refetch();
    if (!details?.url) throw new TerminalTransportError('CreateParticipantConnection returned no websocket URL', null);
    return {
      webSocketTransport: { url: details.url, expiry: details.expiry, transportLifeTimeInSeconds: details.transportLifeTimeInSeconds },
    };
  }

  private async refetch(): Promise<ConnectionDetails> {
    try {
      return await this.options.provider.fetch('reconnect');
    } catch (error) {
      if (isChatServiceError(error) && error.statusCode === 403) {
        this.options.listener.chatOver();
        throw new TerminalTransportError('The service refused a new connection (403): the chat is over', error, 403);
      }
      throw error;
    }
  }
}
