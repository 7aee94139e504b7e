// One session's end of its chat's BroadcastChannel: posts this session's messages (stamped with its id),
// hands the others' messages to its listeners, and knows which other sessions of the chat are open
// (they say hello when they start and bye when they end or their page goes away).
import type { Logger } from '../../log/logger.js';
import type { Unsubscribe } from '../../types.js';
import { FanOut } from '../../util/fanOut.js';
import type { TabChannelPort } from './tabEnvironment.js';
import { asTabMessage, type TabMessage } from './tabMessages.js';

/** A message before it is stamped with the sender's id. */
export type OutgoingTabMessage = TabMessage extends infer M ? (M extends TabMessage ? Omit<M, 'from'> : never) : never;

export class TabChannel {
  private listeners = new FanOut<(message: TabMessage) => void>(() => undefined);
  /** Ids of the other open sessions of this chat (any tab, any frame of this origin). */
  private readonly peers = new Set<string>();
  private open = true;

  constructor(
    private readonly port: TabChannelPort,
    /** This session's id on the channel. */
    readonly id: string,
    private readonly logger: Logger,
  ) {
    port.onmessage = (event) => this.receive(event.data);
    this.post({ kind: 'hello' });
  }

  /** How many other sessions of this chat are open. */
  get otherSessions(): number {
    return this.peers.size;
  }

  /** Posts to the other sessions; false when the channel is closed or the message cannot be cloned. */
  post(message: OutgoingTabMessage): boolean {
    if (!this.open) return false;
    try {
      this.port.postMessage({ ...message, from: this.id });
      return true;
    } catch (error) {
      this.logger.warn(`Posting a ${message.kind} message to the other tabs failed`, error);
      return false;
    }
  }

  on(listener: (message: TabMessage) => void): Unsubscribe {
    return this.listeners.add(listener);
  }

  /** Says bye and closes the channel (safe to call twice). */
  close(): void {
    if (!this.open) return;
    this.post({ kind: 'bye' });
    this.open = false;
    this.port.onmessage = null;
    this.port.close();
    this.listeners = new FanOut(() => undefined);
  }

  private receive(data: unknown): void {
    const message = asTabMessage(data);
    if (!message || !this.open) return;
    this.trackPeer(message);
    if ('to' in message && message.to !== this.id) return;
    this.listeners.each(
      (listener) => listener(message),
      (error) => this.logger.error(`Handling a ${message.kind} message from another tab failed`, error),
    );
  }

  private trackPeer(message: TabMessage): void {
    if (message.kind === 'bye') {
      this.peers.delete(message.from);
      return;
    }
    this.peers.add(message.from);
    if (message.kind === 'hello') this.post({ kind: 'present', to: message.from });
  }
}
