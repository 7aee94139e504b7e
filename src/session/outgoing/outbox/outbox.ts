// The ordered outbox of one chat's messages. One message is in flight at a time, so the service receives
// them in the order the app sent them. A message waits out what waiting can fix (no link, throttling,
// network failures, 500/502/503/504) and is sent again with the same ClientToken, so the service stores it
// once; anything else fails it at once. While the link is down nothing is sent: the websocket manager's
// reconnect schedule is the probe, and the link coming back is the signal to send. While the link is up
// but the service keeps failing, tries are spaced at the reconnect schedule's pace.
import { ChatServiceError } from '../../../errors.js';
import type { Logger } from '../../../log/logger.js';
import { silentLogger } from '../../../log/logger.js';
import { retryScheduleDelayMs } from '../../../timing/backoff.js';
import { TimerGroup } from '../../../timing/timers.js';
import { MANAGER_DEFAULTS } from '../../../transport/environment.js';
import type {
  OutboxAnswer,
  OutboxRequest,
  OutboxStore,
  PendingMessage,
  PendingMessageError,
  PendingMessagesChangedEvent,
  StoredOutboxEntry,
} from './outboxTypes.js';

/** How long a message may wait for the service by default: long enough for a long outage. */
export const DEFAULT_OUTBOX_MAX_WAIT_MS = 15 * 60_000;

/** The session's link, as the outbox needs it (implemented by the chat's core). */
export interface OutboxLink {
  /** True while the websocket link is established. */
  isUp(): boolean;
  /** Called on every change of the session's state. */
  onChange(listener: () => void): () => void;
  readonly hasEnded: boolean;
}

/** Sends one message with one request; rejects with what the service (or the network) said. */
export type OutboxSend = (request: OutboxRequest) => Promise<OutboxAnswer>;

export interface OutboxOptions {
  key: string;
  store: OutboxStore;
  send: OutboxSend;
  link: OutboxLink;
  maxWaitMs?: number;
  /** The wait before try `attempt` (1-based) after failures for `failingForMs`; default: the reconnect schedule. */
  retryDelayMs?: (attempt: number, failingForMs: number) => number;
  logger?: Logger;
}

interface Settle {
  resolve(answer: OutboxAnswer): void;
  reject(error: Error): void;
}

interface Entry {
  request: OutboxRequest;
  failed: boolean;
  attempts: number;
  lastError: PendingMessageError | null;
  /** The sendMessage promise; none for a message restored after a reload. */
  settle: Settle | null;
}

/** What the queue is doing: one state variable; the pause timer belongs to `pausing`. */
type Pump = 'idle' | 'sending' | 'pausing' | 'stopped';

type Listener<A extends unknown[]> = (...args: A) => void;
interface OutboxEvents {
  change: [event: PendingMessagesChangedEvent];
  sent: [message: PendingMessage, answer: OutboxAnswer];
  failed: [message: PendingMessage, error: Error];
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

/** Errors waiting can fix: no answer, throttling, 500/502/503/504 (the client marks exactly these). */
export function isWorthWaiting(error: unknown): boolean {
  return error instanceof ChatServiceError && error.retryable;
}

function describe(error: unknown): PendingMessageError {
  if (error instanceof ChatServiceError) return { type: error.type, message: error.message, ...(error.statusCode ? { statusCode: error.statusCode } : {}) };
  const e = error instanceof Error ? error : new Error(String(error));
  return { type: e.name, message: e.message };
}

export class Outbox {
  private readonly entries: Entry[] = [];
  private pump: Pump = 'idle';
  private readonly timers = new TimerGroup();
  /** Consecutive failed tries while the link was up, and since when: the pace of the next try. */
  private failures = 0;
  private failingSince = 0;
  private readonly listeners: { [K in keyof OutboxEvents]: Set<Listener<OutboxEvents[K]>> } = { change: new Set(), sent: new Set(), failed: new Set() };
  private readonly unsubscribeLink: () => void;
  private readonly maxWaitMs: number;
  private lastSignature = '';

  constructor(private readonly options: OutboxOptions) {
    this.maxWaitMs = options.maxWaitMs ?? DEFAULT_OUTBOX_MAX_WAIT_MS;
    for (const stored of options.store.load(options.key)) {
      const { failed, ...request } = stored;
      this.entries.push({ request, failed, attempts: 0, lastError: null, settle: null });
    }
    this.unsubscribeLink = options.link.onChange(() => this.onLinkChange());
    this.changed();
  }

  /** Queues a message; resolves with the service's answer, rejects only when waiting cannot help. */
  enqueue(request: OutboxRequest): Promise<OutboxAnswer> {
    if (this.pump === 'stopped') return Promise.reject(this.endedError());
    return new Promise<OutboxAnswer>((resolve, reject) => {
      this.entries.push({ request: { ...request }, failed: false, attempts: 0, lastError: null, settle: { resolve, reject } });
      this.changed();
      this.next();
    });
  }

  /** The pending messages in send order. */
  list(): PendingMessage[] {
    const moving = this.pump !== 'pausing' && this.options.link.isUp();
    return this.entries.map((entry) => ({
      ...entry.request,
      state: entry.failed ? 'failed' : moving || this.inFlight(entry) ? 'sending' : 'waiting',
      attempts: entry.attempts,
      lastError: entry.lastError,
    }));
  }

  /** Queues a failed message again (same id and ClientToken, at the back); null when no failed message has that id. */
  resend(id: string): Promise<OutboxAnswer> | null {
    const index = this.entries.findIndex((entry) => entry.request.id === id && entry.failed);
    if (index < 0 || this.pump === 'stopped') return null;
    const [entry] = this.entries.splice(index, 1) as [Entry];
    // The wait limit starts again: the app asked for a new try.
    const request = { ...entry.request, enqueuedAt: Date.now() };
    return new Promise<OutboxAnswer>((resolve, reject) => {
      this.entries.push({ request, failed: false, attempts: entry.attempts, lastError: entry.lastError, settle: { resolve, reject } });
      this.changed();
      this.next();
    });
  }

  /** Drops a waiting or failed message (not the one being sent); its promise rejects `MessageDiscarded`. */
  discard(id: string): boolean {
    const index = this.entries.findIndex((entry) => entry.request.id === id);
    const entry = this.entries[index];
    if (!entry || this.inFlight(entry)) return false;
    this.entries.splice(index, 1);
    entry.settle?.reject(new ChatServiceError({ type: 'MessageDiscarded', message: 'The message was discarded before the service accepted it' }));
    this.changed();
    return true;
  }

  on<K extends keyof OutboxEvents>(event: K, listener: Listener<OutboxEvents[K]>): () => void {
    const set = this.listeners[event] as Set<Listener<OutboxEvents[K]>>;
    set.add(listener);
    return () => set.delete(listener);
  }

  /** The chat is over: every message still pending rejects (and is forgotten), timers stop. */
  stop(reason: Error = this.endedError()): void {
    if (this.pump === 'stopped') return;
    this.pump = 'stopped';
    this.timers.clearAll();
    this.unsubscribeLink();
    const pending = this.entries.splice(0);
    for (const entry of pending) entry.settle?.reject(reason);
    this.options.store.save(this.options.key, []);
    this.emit('change', { data: [] });
  }

  private endedError(): Error {
    return new ChatServiceError({ type: 'ChatEnded', message: 'The chat ended before the service accepted the message' });
  }

  private inFlight(entry: Entry): boolean {
    return this.pump === 'sending' && this.entries.find((e) => !e.failed) === entry;
  }

  private onLinkChange(): void {
    if (this.options.link.hasEnded) {
      this.stop();
      return;
    }
    if (this.options.link.isUp()) {
      // The link is back: the service answers again, so the next try goes now.
      this.failures = 0;
      if (this.pump === 'pausing') {
        this.timers.clear('pause');
        this.pump = 'idle';
      }
    }
    this.changed();
    this.next();
  }

  /** Sends the first message not failed, when the link is up and nothing else is in flight. */
  private next(): void {
    this.failExpired();
    if (this.pump !== 'idle' || !this.options.link.isUp()) return;
    const entry = this.entries.find((e) => !e.failed);
    if (!entry) return;
    this.pump = 'sending';
    entry.attempts += 1;
    this.changed();
    this.options.send(entry.request).then(
      (answer) => this.onSent(entry, answer),
      (error: unknown) => this.onFailed(entry, error),
    );
  }

  private onSent(entry: Entry, answer: OutboxAnswer): void {
    if (this.pump === 'stopped') return;
    this.pump = 'idle';
    this.failures = 0;
    const message = this.snapshot(entry, 'sending');
    this.remove(entry);
    entry.settle?.resolve(answer);
    this.emit('sent', message, answer);
    this.changed();
    this.next();
  }

  private onFailed(entry: Entry, error: unknown): void {
    if (this.pump === 'stopped') return;
    this.pump = 'idle';
    entry.lastError = describe(error);
    if (!isWorthWaiting(error) || !this.entries.includes(entry)) {
      this.fail(entry, error instanceof Error ? error : new Error(String(error)));
      this.next();
      return;
    }
    this.options.logger?.info?.('Outbox: the service is not answering; the message waits', { type: entry.lastError.type });
    if (this.failures === 0) this.failingSince = Date.now();
    this.failures += 1;
    const delay = (this.options.retryDelayMs ?? outboxRetryDelayMs)(this.failures, Date.now() - this.failingSince);
    this.pump = 'pausing';
    this.timers.set('pause', delay, () => {
      this.pump = 'idle';
      this.changed();
      this.next();
    });
    this.changed();
    this.scheduleExpiry();
  }

  /** Marks waiting messages whose wait limit passed as failed. */
  private failExpired(): void {
    const now = Date.now();
    for (const entry of this.entries) {
      if (entry.failed || this.inFlight(entry) || now - entry.request.enqueuedAt < this.maxWaitMs) continue;
      const last = entry.lastError;
      const error = new ChatServiceError({
        type: 'MessageWaitLimitExceeded',
        message: `The service did not accept the message within ${Math.round(this.maxWaitMs / 1000)} s${last ? ` (last error: ${last.type})` : ''}`,
        statusCode: last?.statusCode,
        retryable: true,
      });
      this.fail(entry, error);
    }
    this.scheduleExpiry();
  }

  /** One timer for the earliest wait limit of a waiting message. */
  private scheduleExpiry(): void {
    const waiting = this.entries.filter((e) => !e.failed && !this.inFlight(e));
    if (waiting.length === 0 || this.pump === 'stopped') {
      this.timers.clear('expiry');
      return;
    }
    const earliest = Math.min(...waiting.map((e) => e.request.enqueuedAt)) + this.maxWaitMs;
    this.timers.set('expiry', Math.max(0, earliest - Date.now()), () => this.next());
  }

  private fail(entry: Entry, error: Error): void {
    entry.failed = true;
    const settle = entry.settle;
    entry.settle = null;
    settle?.reject(error);
    this.emit('failed', this.snapshot(entry, 'failed'), error);
    this.changed();
  }

  private remove(entry: Entry): void {
    const index = this.entries.indexOf(entry);
    if (index >= 0) this.entries.splice(index, 1);
  }

  private snapshot(entry: Entry, state: PendingMessage['state']): PendingMessage {
    return { ...entry.request, state, attempts: entry.attempts, lastError: entry.lastError };
  }

  /** Saves the list and tells the listeners, when anything they can see changed. */
  private changed(): void {
    if (this.pump === 'stopped') return;
    const list = this.list();
    const signature = JSON.stringify(list);
    if (signature === this.lastSignature) return;
    this.lastSignature = signature;
    const stored: StoredOutboxEntry[] = this.entries.map((e) => ({ ...e.request, failed: e.failed }));
    this.options.store.save(this.options.key, stored);
    this.emit('change', { data: list });
  }

  private emit<K extends keyof OutboxEvents>(event: K, ...args: OutboxEvents[K]): void {
    for (const listener of [...this.listeners[event]] as Array<Listener<OutboxEvents[K]>>) {
      try {
        listener(...args);
      } catch (error) {
        (this.options.logger ?? silentLogger).warn('An outbox listener threw', error);
      }
    }
  }
}
