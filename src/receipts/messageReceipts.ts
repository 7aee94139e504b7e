// Read/delivered receipt throttler (chatjs-behavior §4). A chat UI marks every message it shows as
// delivered and read; sending each one would flood the service (SendEvent is rate-limited) for no gain,
// because a receipt for the newest message implies the older ones. So:
//  - a receipt for a message already read (or already delivered, for a delivered one) is not sent again;
//  - a delivered receipt waits a moment, since the read receipt for the same screen usually follows;
//  - within one throttle window only the newest receipt goes out, and it settles every older request.
// Each request gets its own promise; the call that covers it settles it with its own outcome.
// A call that fails with a retryable error (ChatServiceError.retryable: throttling, 5xx, network) is tried
// again after a backoff with the same ClientToken; any other failure drops the batch (logged, rejected).
// This class owns its timers (delivered wait, throttle window, retry waits) and clears them in stop().
import { TIMINGS } from '../constants.js';
import { isChatServiceError } from '../errors.js';
import { backoffDelayMs } from '../timing/backoff.js';
import { TimerGroup } from '../timing/timers.js';
import { uuidV4 } from '../util/uuid.js';
import { silentLogger, type Logger } from '../log/logger.js';
import type { ChatTranscriptItem } from '../types.js';
import { ReceiptsDisabledError } from '../errors.js';
import { acknowledgedInTranscript } from './transcriptReceipts.js';

export type ReceiptKind = 'read' | 'delivered';

export interface ReceiptRequest {
  kind: ReceiptKind;
  messageId: string;
  /** Send at once, outside the throttle (upstream's `content.disableThrottle`). */
  disableThrottle: boolean;
}

/** What a receipt that was not sent resolves with. */
export interface ReceiptNotice {
  message: string;
}

export const RECEIPT_NOTICES = {
  alreadyFired: 'Event already fired',
  chatEnded: 'The chat has ended: the receipt was not sent',
} as const;

export interface MessageReceiptsOptions {
  /** Read at each request, so a later setGlobalConfig reaches live sessions. */
  enabled(): boolean;
  /** The throttle window in ms, read when a window opens. */
  throttleMs(): number;
  /** This participant: receipts others sent in a transcript do not count as ours. */
  participantId(): string;
  logger?: Logger;
  /** How long a delivered receipt waits for a read that would supersede it. */
  deliveredDelayMs?: number;
  /** The ClientToken of one SendEvent call; the client and the retries here reuse it. */
  newClientToken?: () => string;
  /** Random source of the retry jitter (tests). */
  random?: () => number;
}

/** A failed batch is tried this many times in all, after 1 s, 2 s, 4 s … (±20 %), at most 30 s apart. */
const RECEIPT_TRIES = 5;
const RETRY_BACKOFF = { baseMs: 1_000, maxMs: 30_000, jitter: 0.2 } as const;

/** One request waiting for the call that covers it. `seq` orders requests as they came. */
interface PendingReceipt {
  seq: number;
  kind: ReceiptKind;
  messageId: string;
  send: (clientToken: string) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

type ReceiptsState = 'active' | 'stopped';

export class MessageReceipts {
  private state: ReceiptsState = 'active';
  private readonly readIds = new Set<string>();
  private readonly deliveredIds = new Set<string>();
  /** Unsettled requests, oldest first. */
  private pending: PendingReceipt[] = [];
  /** The newest request handed to the throttle; the one the window will send. */
  private newest: PendingReceipt | null = null;
  /** The newest read handed to the throttle and not sent yet (a delivered flush sends it too). */
  private unsentRead: PendingReceipt | null = null;
  private readonly timers = new TimerGroup();
  /** Calls waiting to be retried, by the seq of their entry: stop() settles them with a notice. */
  private readonly retryWaits = new Map<number, () => void>();
  private nextSeq = 0;
  private readonly logger: Logger;
  private readonly newClientToken: () => string;

  constructor(private readonly options: MessageReceiptsOptions) {
    this.logger = options.logger ?? silentLogger;
    this.newClientToken = options.newClientToken ?? uuidV4;
  }

  /** Sends, coalesces or drops one receipt; resolves with the covering call's result or a notice. */
  send<R>(request: ReceiptRequest, send: (clientToken: string) => Promise<R>): Promise<R | ReceiptNotice> {
    if (this.state === 'stopped') return Promise.resolve({ message: RECEIPT_NOTICES.chatEnded });
    if (!this.options.enabled()) return Promise.reject(new ReceiptsDisabledError());
    if (this.alreadyFired(request)) return Promise.resolve({ message: RECEIPT_NOTICES.alreadyFired });
    const { entry, promise } = this.register(request, send);
    if (request.disableThrottle) this.settle([entry], this.transmit(entry));
    else if (request.kind === 'delivered') this.waitForRead(entry);
    else {
      // A read supersedes any delivered receipt still waiting: it goes to the throttle instead.
      this.timers.clear('delivered');
      this.handToThrottle(entry);
    }
    return promise as Promise<R | ReceiptNotice>;
  }

  /** Messages a fetched transcript shows as read or delivered by us are not acknowledged again. */
  rehydrate(items: readonly ChatTranscriptItem[]): void {
    const acknowledged = acknowledgedInTranscript(items, this.options.participantId());
    acknowledged.read.forEach((id) => this.readIds.add(id));
    acknowledged.delivered.forEach((id) => this.deliveredIds.add(id));
  }

  /** The chat ended: nothing more is sent; waiting requests resolve with a notice. */
  stop(): void {
    if (this.state === 'stopped') return;
    this.state = 'stopped';
    this.timers.clearAll();
    for (const endWait of this.retryWaits.values()) endWait();
    this.retryWaits.clear();
    this.newest = null;
    this.unsentRead = null;
    const waiting = this.pending;
    this.pending = [];
    waiting.forEach((entry) => entry.resolve({ message: RECEIPT_NOTICES.chatEnded }));
  }

  private alreadyFired({ kind, messageId }: ReceiptRequest): boolean {
    return this.readIds.has(messageId) || (kind === 'delivered' && this.deliveredIds.has(messageId));
  }

  private register(request: ReceiptRequest, send: (clientToken: string) => Promise<unknown>): { entry: PendingReceipt; promise: Promise<unknown> } {
    this.idsOf(request.kind).add(request.messageId);
    let entry: PendingReceipt | undefined;
    const promise = new Promise<unknown>((resolve, reject) => {
      entry = { seq: this.nextSeq++, kind: request.kind, messageId: request.messageId, send, resolve, reject };
    });
    const registered = entry as PendingReceipt;
    this.pending.push(registered);
    return { entry: registered, promise };
  }

  /** Delivered receipts wait; a newer delivered restarts the wait, a read cancels it. */
  private waitForRead(entry: PendingReceipt): void {
    const delayMs = this.options.deliveredDelayMs ?? TIMINGS.deliveredReceiptDelayMs;
    this.timers.set('delivered', delayMs, () => this.handToThrottle(entry));
  }

  private handToThrottle(entry: PendingReceipt): void {
    this.newest = entry;
    if (entry.kind === 'read') this.unsentRead = entry;
    if (this.timers.has('throttle')) return;
    this.timers.set('throttle', this.windowMs(), () => this.flush());
  }

  /** The window closed: send the newest receipt (and the newest unsent read) and settle what they cover. */
  private flush(): void {
    const newest = this.newest;
    const read = this.unsentRead;
    this.newest = null;
    this.unsentRead = null;
    if (newest === null) return;
    if (newest.kind === 'read') {
      // A read of a newer message covers delivered receipts of older ones too.
      this.settle(this.coveredBy(newest.seq), this.transmit(newest));
      return;
    }
    this.settle(this.coveredBy(newest.seq, 'delivered'), this.transmit(newest));
    if (read !== null) this.settle(this.coveredBy(read.seq, 'read'), this.transmit(read));
  }

  /** Pending requests up to `seq` (of one kind, or any), removed from the pending list. */
  private coveredBy(seq: number, kind?: ReceiptKind): PendingReceipt[] {
    const covered = (entry: PendingReceipt): boolean => entry.seq <= seq && (kind === undefined || entry.kind === kind);
    const taken = this.pending.filter(covered);
    this.pending = this.pending.filter((entry) => !covered(entry));
    return taken;
  }

  /** One SendEvent call with a fresh ClientToken, retried while its failure is retryable. */
  private transmit(entry: PendingReceipt): Promise<unknown> {
    const clientToken = this.newClientToken();
    return new Promise((resolve, reject) => this.attempt(entry, clientToken, 1, resolve, reject));
  }

  private attempt(entry: PendingReceipt, clientToken: string, attempt: number, resolve: (value: unknown) => void, reject: (error: unknown) => void): void {
    const what = `The ${entry.kind} receipt for message ${entry.messageId}`;
    this.logger.debug(`Sending ${entry.kind} receipt for message ${entry.messageId}${attempt > 1 ? ` (try ${attempt})` : ''}`);
    entry.send(clientToken).then(resolve, (error: unknown) => {
      if (this.state === 'stopped') {
        resolve({ message: RECEIPT_NOTICES.chatEnded });
        return;
      }
      const retryable = isChatServiceError(error) && error.retryable;
      if (!retryable || attempt >= RECEIPT_TRIES) {
        this.logger.warn(`${what} failed${retryable ? ` ${attempt} times` : ' (not retryable)'}; dropped`, error);
        reject(error);
        return;
      }
      const delay = backoffDelayMs(attempt, RETRY_BACKOFF, this.options.random);
      this.logger.warn(`${what} failed; retrying in ${delay} ms`, error);
      const name = `retry:${entry.seq}`;
      this.retryWaits.set(entry.seq, () => resolve({ message: RECEIPT_NOTICES.chatEnded }));
      this.timers.set(name, delay, () => {
        this.retryWaits.delete(entry.seq);
        this.attempt(entry, clientToken, attempt + 1, resolve, reject);
      });
    });
  }

  private settle(entries: PendingReceipt[], outcome: Promise<unknown>): void {
    this.pending = this.pending.filter((entry) => !entries.includes(entry));
    for (const entry of entries) {
      outcome.then(entry.resolve, (error: unknown) => {
        // Not acknowledged after all: let the app try again.
        this.idsOf(entry.kind).delete(entry.messageId);
        entry.reject(error);
      });
    }
  }

  private idsOf(kind: ReceiptKind): Set<string> {
    return kind === 'read' ? this.readIds : this.deliveredIds;
  }

  private windowMs(): number {
    const configured = this.options.throttleMs();
    return Number.isFinite(configured) && configured > 0 ? configured : TIMINGS.receiptThrottleMs;
  }
}
