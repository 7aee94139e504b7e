// The ordered outbox of one chat's messages. One message is in flight at a time, so the service receives
// them in the order the app sent them. Each is sent the way retryThroughOutage.ts sends a step: nothing
// goes out while the link is down (the websocket manager's reconnect schedule is the probe, the link coming
// back the signal), what waiting can fix (throttling, network, 500/502/503/504) is tried again with the same
// ClientToken at the reconnect schedule's pace, anything else fails the message at once.
import { ChatServiceError } from '../../../errors.js';
import { retryScheduleDelayMs } from '../../../timing/backoff.js';
import { MANAGER_DEFAULTS } from '../../../transport/environment.js';
import { FanOut } from '../../../util/fanOut.js';
import { retryThroughOutage, type OutboxLink } from './retryThroughOutage.js';

export { isWorthWaiting, type OutboxLink } from './retryThroughOutage.js';
import type { OutboxAnswer, OutboxRequest, OutboxStore, PendingMessage, PendingMessageError, PendingMessagesChangedEvent } from './outboxTypes.js';

/** How long a message may wait for the service by default: long enough for a long outage. */
export const DEFAULT_OUTBOX_MAX_WAIT_MS = 15 * 60_000;

/** Sends one message with one request; rejects with what the service (or the network) said. */
export type OutboxSend = (request: OutboxRequest) => Promise<OutboxAnswer>;

export interface OutboxOptions {
  key: string;
  store: OutboxStore;
  send: OutboxSend;
  link: OutboxLink;
  maxWaitMs?: number;
  /** The pause before try `attempt` (1-based) after failing for `failingForMs`; default: the reconnect schedule. */
  retryDelayMs?: (attempt: number, failingForMs: number) => number;
}

/** The reconnect schedule's pace (transport defaults), used between tries while the service fails. */
export const outboxRetryDelayMs = (attempt: number, failingForMs: number): number =>
  retryScheduleDelayMs(attempt, failingForMs, {
    baseMs: MANAGER_DEFAULTS.backoffBaseMs,
    fastIntervalMs: MANAGER_DEFAULTS.backoffFastIntervalMs,
    fastWindowMs: MANAGER_DEFAULTS.backoffFastWindowMs,
    slowIntervalMs: MANAGER_DEFAULTS.backoffMaxMs,
    jitter: MANAGER_DEFAULTS.backoffJitter,
  });

function describe(error: unknown): PendingMessageError {
  const { type, name, message, statusCode } = error as ChatServiceError;
  return { type: type ?? name, message, statusCode };
}

interface Entry {
  request: OutboxRequest;
  failed: boolean;
  /** Paused after a passing failure (until the next try). */
  paused: boolean;
  /** A request for it is out now. */
  inFlight: boolean;
  attempts: number;
  lastError: PendingMessageError | null;
  /** Aborted by discard(). */
  abort: AbortController;
  /** The sendMessage promise; none for a message restored after a reload. */
  settle: { resolve(answer: OutboxAnswer): void; reject(error: Error): void } | null;
}

const endedError = (): ChatServiceError => new ChatServiceError({ type: 'ChatEnded', message: 'The chat ended before the message was sent' });
const closedError = (): ChatServiceError =>
  new ChatServiceError({ type: 'SessionClosed', message: 'The session was closed before the message was sent; it stays stored for the next session of this chat' });

export class Outbox {
  private readonly entries: Entry[] = [];
  /** The drain loop runs (one at a time). */
  private draining = false;
  /** Set once the outbox stopped for good: the error each later or pending message rejects with. */
  private stoppedBy: (() => ChatServiceError) | null = null;
  /** The app's change listeners; one that throws must not stop the outbox or the others. */
  private readonly listeners = new FanOut<(event: PendingMessagesChangedEvent) => void>(() => undefined);
  private readonly unsubscribeLink: () => void;
  private lastSignature = '';

  constructor(private readonly options: OutboxOptions) {
    for (const { failed, ...request } of options.store.load(options.key)) this.add(request, failed, null);
    this.unsubscribeLink = options.link.onChange(() => {
      if (options.link.hasEnded) this.stop();
      else if (options.link.isClosed) this.halt();
      else this.changed();
    });
    this.changed();
    void this.drain();
  }

  /** Queues a message; resolves with the service's answer, rejects only when waiting cannot help. */
  enqueue(request: OutboxRequest): Promise<OutboxAnswer> {
    if (this.stoppedBy) return Promise.reject(this.stoppedBy());
    return new Promise((resolve, reject) => {
      this.add({ ...request }, false, { resolve, reject });
      this.changed();
      void this.drain();
    });
  }

  /** The pending messages in send order. */
  list(): PendingMessage[] {
    const up = this.options.link.isUp();
    return this.entries.map((e) => this.snapshot(e, e.failed ? 'failed' : e.inFlight || (up && !e.paused) ? 'sending' : 'waiting'));
  }

  /** Queues a failed message again (same id and ClientToken, at the back, a new wait limit); null when no failed message has that id. */
  resend(id: string): Promise<OutboxAnswer> | null {
    const entry = this.entries.find((e) => e.request.id === id && e.failed);
    if (!entry || this.stoppedBy) return null;
    this.entries.splice(this.entries.indexOf(entry), 1);
    return this.enqueue({ ...entry.request, enqueuedAt: Date.now() });
  }

  /** Drops a waiting or failed message (not one whose request is out); its promise rejects `MessageDiscarded`. */
  discard(id: string): boolean {
    const entry = this.entries.find((e) => e.request.id === id);
    if (!entry || entry.inFlight) return false;
    this.entries.splice(this.entries.indexOf(entry), 1);
    entry.abort.abort();
    entry.settle?.reject(new ChatServiceError({ type: 'MessageDiscarded', message: 'The message was discarded' }));
    this.changed();
    return true;
  }

  /** `change`: the pending messages after every change the app can see (a message sent, waiting, failed, gone). */
  on(_event: 'change', listener: (event: PendingMessagesChangedEvent) => void): () => void {
    return this.listeners.add(listener);
  }

  /** The chat is over: every message still pending rejects (and is forgotten). */
  stop(): void {
    if (!this.stopWith(endedError)) return;
    this.options.store.save(this.options.key, []);
    this.emit({ data: [] });
  }

  /**
   * The session let go of the chat (close()): every pending promise rejects `SessionClosed` and no timer is
   * left, while the store keeps the messages, so the next session of this chat (another process, a reload)
   * sends them with the same ClientTokens.
   */
  private halt(): void {
    this.stopWith(closedError);
  }

  /** Stops for good (false if it already had): every pending message is dropped from memory and rejects. */
  private stopWith(error: () => ChatServiceError): boolean {
    if (this.stoppedBy) return false;
    this.stoppedBy = error;
    this.unsubscribeLink();
    for (const entry of this.entries.splice(0)) {
      entry.abort.abort();
      entry.settle?.reject(error());
    }
    return true;
  }

  private add(request: OutboxRequest, failed: boolean, settle: Entry['settle']): void {
    this.entries.push({ request, failed, paused: false, inFlight: false, attempts: 0, lastError: null, abort: new AbortController(), settle });
  }

  /** Sends the first message not failed until none is left; one loop at a time keeps the order. */
  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    for (let entry = this.nextEntry(); entry && !this.stoppedBy; entry = this.nextEntry()) await this.sendOne(entry);
    this.draining = false;
  }

  private nextEntry(): Entry | undefined {
    return this.entries.find((e) => !e.failed);
  }

  private async sendOne(entry: Entry): Promise<void> {
    const { link, send, retryDelayMs = outboxRetryDelayMs, maxWaitMs = DEFAULT_OUTBOX_MAX_WAIT_MS } = this.options;
    const tryOnce = (): Promise<OutboxAnswer> => {
      entry.attempts += 1;
      entry.inFlight = true;
      entry.paused = false;
      this.changed();
      return send(entry.request).finally(() => (entry.inFlight = false));
    };
    const waiting = (error: unknown): void => {
      entry.paused = true;
      entry.lastError = describe(error);
      this.changed();
    };
    try {
      const answer = await retryThroughOutage(tryOnce, {
        link,
        maxWaitMs: entry.request.enqueuedAt + maxWaitMs - Date.now(),
        delayMs: retryDelayMs,
        signal: entry.abort.signal,
        method: 'sendMessage',
        onWait: waiting,
      });
      this.entries.splice(this.entries.indexOf(entry), 1);
      entry.settle?.resolve(answer);
    } catch (error) {
      // Discarded or stopped: already settled and gone.
      if (entry.abort.signal.aborted) return;
      entry.failed = true;
      entry.paused = false;
      entry.lastError = describe(error);
      entry.settle?.reject(error as Error);
      entry.settle = null;
    }
    this.changed();
  }

  private snapshot(entry: Entry, state: PendingMessage['state']): PendingMessage {
    return { ...entry.request, state, attempts: entry.attempts, lastError: entry.lastError };
  }

  /** Saves the list and tells the listeners, when anything they can see changed. */
  private changed(): void {
    if (this.stoppedBy) return;
    const data = this.list();
    const signature = JSON.stringify(data);
    if (signature === this.lastSignature) return;
    this.lastSignature = signature;
    this.options.store.save(
      this.options.key,
      this.entries.map((e) => ({ ...e.request, failed: e.failed })),
    );
    this.emit({ data });
  }

  private emit(event: PendingMessagesChangedEvent): void {
    this.listeners.each((listener) => listener(event));
  }
}
