// Which tab holds the chat's websocket. With the Web Locks API the holder is whoever holds the chat's lock:
// the browser grants it to one tab, hands it to the next waiting tab the moment the holder's page goes away
// (closed, crashed, navigated), and lets a tab take it from a holder that stopped answering (`steal`).
// Without Web Locks the tabs do not share (./tabShare.ts): each keeps its own websocket.
import type { Logger } from '../../log/logger.js';
import type { TabLocks } from './tabEnvironment.js';

export type ElectionRole = 'hold' | 'follow';

export interface HolderElection {
  /** Starts competing; `onRole` hears every change of role, the first one included. */
  start(onRole: (role: ElectionRole) => void): void;
  /** The holder stopped answering: take the websocket from it. */
  seize(): void;
  /** Stops holding or waiting (the session's link ended). Safe to call twice. */
  stop(): void;
}

/** The holder is whoever holds the chat's Web Lock. */
export class LockElection implements HolderElection {
  private role: ElectionRole | 'idle' | 'stopped' = 'idle';
  private onRole: (role: ElectionRole) => void = () => undefined;
  /** Counts lock requests: the outcome of a request that is no longer the latest is ignored. */
  private ticket = 0;
  /** Ends the held lock's callback, which releases the lock. */
  private release: (() => void) | null = null;
  /** Cancels the queued request of a waiting tab. */
  private waiting: AbortController | null = null;

  constructor(
    private readonly locks: TabLocks,
    private readonly name: string,
    private readonly logger: Logger,
  ) {}

  start(onRole: (role: ElectionRole) => void): void {
    this.onRole = onRole;
    const ticket = ++this.ticket;
    this.request(ticket, { ifAvailable: true }, (lock) => {
      if (lock !== null) return this.hold(ticket);
      this.wait();
      return undefined;
    });
  }

  seize(): void {
    if (this.role !== 'follow') return;
    this.logger.warn('The tab holding the chat websocket stopped answering: taking it over');
    this.cancelWait();
    const ticket = ++this.ticket;
    this.request(ticket, { steal: true }, () => this.hold(ticket));
  }

  stop(): void {
    this.role = 'stopped';
    this.ticket += 1;
    this.cancelWait();
    this.release?.();
    this.release = null;
  }

  /** Queues for the lock; the browser grants it when the holder's page goes away. */
  private wait(): void {
    this.setRole('follow');
    const ticket = ++this.ticket;
    this.waiting = new AbortController();
    this.request(ticket, { signal: this.waiting.signal }, () => this.hold(ticket));
  }

  private hold(ticket: number): Promise<void> | undefined {
    if (ticket !== this.ticket || this.role === 'stopped') return undefined;
    this.waiting = null;
    const held = new Promise<void>((resolve) => {
      this.release = resolve;
    });
    this.setRole('hold');
    return held;
  }

  private request(ticket: number, options: { ifAvailable?: boolean; steal?: boolean; signal?: AbortSignal }, granted: (lock: unknown) => unknown): void {
    let outcome: Promise<unknown>;
    try {
      outcome = this.locks.request(this.name, options, granted);
    } catch (error) {
      outcome = Promise.reject(error);
    }
    outcome.catch((error: unknown) => this.requestFailed(ticket, error));
  }

  /** A request failed: ours was cancelled (ignored), or another tab stole the lock we held. */
  private requestFailed(ticket: number, error: unknown): void {
    if (ticket !== this.ticket || this.role === 'stopped') return;
    if (this.role === 'hold') {
      this.logger.warn('Another tab took the chat websocket over; following it');
      this.release = null;
      this.wait();
      return;
    }
    if (this.role === 'idle') {
      // The browser refuses locks here (storage blocked in a way detection missed): hold alone, as without tabs.
      this.logger.warn('The browser refused the chat lock: this tab keeps its own websocket', error);
      this.setRole('hold');
      return;
    }
    this.logger.error('Requesting the chat lock failed', error);
  }

  private cancelWait(): void {
    this.waiting?.abort();
    this.waiting = null;
  }

  private setRole(role: ElectionRole): void {
    if (this.role === role || this.role === 'stopped') return;
    this.role = role;
    this.onRole(role);
  }
}
