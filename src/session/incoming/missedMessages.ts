// No message lost across a reconnect or a silent gap: the items the socket did not deliver are fetched with
// GetTranscript (forward from the delivery log's checkpoint, every page) and delivered in order before any
// live item that arrived meanwhile. Every item is delivered once, by Id; the newest fetched item becomes
// the next checkpoint.
import type { GetTranscriptCommandOutput } from '@aws-sdk/client-connectparticipant';
import type { Logger } from '../../log/logger.js';
import { backoffDelayMs } from '../../timing/backoff.js';
import { TimerGroup } from '../../timing/timers.js';
import type { DeliveryLog } from './deliveryLog.js';
import type { ChatTranscriptItem, StartPosition } from '../../types.js';
import type { GetTranscriptInput as TranscriptRequest } from '../../client/participantClient.js';

const PAGE_SIZE = 100;
/** A safety stop for a service that keeps handing out NextTokens. */
const MAX_PAGES = 50;
/** A failed fetch is tried again this many times, after 1 s, 2 s, 4 s … (the client already retried each call). */
const FETCH_TRIES = 5;
const FETCH_RETRY_BACKOFF = { baseMs: 1_000, maxMs: 8_000, jitter: 0 } as const;

export type FetchTranscriptPage = (request: TranscriptRequest) => Promise<Pick<GetTranscriptCommandOutput, 'Transcript' | 'NextToken'>>;

/** Thrown inside a recovery that stop() cancelled; never leaves this module. */
class RecoveryStopped extends Error {}

/**
 * Recovers what was missed and holds live items back meanwhile. Items it passes on have been through the
 * delivery log, so each is delivered once. It owns the timer of its retry wait: stop() clears it and ends
 * the running recovery, so a chat that ended (or broke) makes no further GetTranscript call.
 */
export class MissedMessageRecovery {
  /** Live items held back while a recovery runs; null when none runs. */
  private held: ChatTranscriptItem[] | null = null;
  private readonly timers = new TimerGroup();
  /** Wakes the retry wait early when stop() is called; null when not waiting. */
  private wakeWait: (() => void) | null = null;
  /** Told when the running recovery ends (see recover()). */
  private endWaiters: Array<() => void> = [];
  /** Counts stop() calls: a recovery started before the latest stop() ends at its next step. */
  private generation = 0;
  /** The recovery asked for while one ran: it starts when that one ends (one, however often asked). */
  private queued: Promise<number> | null = null;

  constructor(
    private readonly fetchPage: FetchTranscriptPage,
    private readonly deliver: (item: ChatTranscriptItem) => void,
    private readonly log: DeliveryLog,
    private readonly logger: Logger,
  ) {}

  get running(): boolean {
    return this.held !== null;
  }

  /** A live item that arrived while this recovery runs (see `running`): delivered after the recovered ones. */
  hold(item: ChatTranscriptItem): void {
    this.held?.push(item);
  }

  /** Ends the running recovery (its held items are still delivered) and clears its retry timer. */
  stop(): void {
    this.generation += 1;
    this.timers.clearAll();
    this.wakeWait?.();
    this.wakeWait = null;
  }

  /**
   * Fetches and delivers what was missed since `fallbackTime` (or the last item); resolves how many items
   * it delivered. Asked while one runs, it runs once more after it (items may have been published after
   * the running one fetched), unless stop() came first.
   */
  recover(fallbackTime: string): Promise<number> {
    if (!this.running) return this.recoverNow(fallbackTime);
    if (!this.queued) {
      const generation = this.generation;
      this.queued = this.waitForRunning().then(() => {
        this.queued = null;
        return generation === this.generation ? this.recover(fallbackTime) : 0;
      });
    }
    return this.queued;
  }

  /** Resolves when the running recovery has ended. */
  private waitForRunning(): Promise<void> {
    return new Promise((resolve) => this.endWaiters.push(resolve));
  }

  private async recoverNow(fallbackTime: string): Promise<number> {
    this.held = [];
    let recovered = 0;
    try {
      recovered = await this.fetchWithRetries(this.log.startPosition(fallbackTime), this.generation);
    } catch (error) {
      if (!(error instanceof RecoveryStopped)) {
        this.logger.error('Fetching the items missed while disconnected failed; some may be missing', error);
      }
    } finally {
      const held = this.held ?? [];
      this.held = null;
      held.forEach((item) => this.deliverOnce(item));
      this.endWaiters.splice(0).forEach((wake) => wake());
    }
    return recovered;
  }

  /** Delivers the item unless it was delivered before; true when it was new. */
  private deliverOnce(item: ChatTranscriptItem): boolean {
    if (!this.log.admit(item)) return false;
    this.deliver(item);
    return true;
  }

  /** Retries the whole fetch; items delivered by an earlier try are deduplicated by the delivery log. */
  private async fetchWithRetries(startPosition: StartPosition, generation: number): Promise<number> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.fetchAndDeliver(startPosition, generation);
      } catch (error) {
        if (error instanceof RecoveryStopped || attempt >= FETCH_TRIES) throw error;
        this.logger.warn(`Fetching missed items failed (try ${attempt}); retrying`, error);
        await this.wait(backoffDelayMs(attempt, FETCH_RETRY_BACKOFF));
      }
    }
  }

  /** The retry wait, on this object's own timer. */
  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wakeWait = resolve;
      this.timers.set('retry', ms, () => {
        this.wakeWait = null;
        resolve();
      });
    });
  }

  private async fetchAndDeliver(startPosition: StartPosition, generation: number): Promise<number> {
    let nextToken: string | undefined;
    let delivered = 0;
    let newestId: string | undefined;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      if (generation !== this.generation) throw new RecoveryStopped();
      const request: TranscriptRequest = { maxResults: PAGE_SIZE, scanDirection: 'FORWARD', sortOrder: 'ASCENDING', startPosition };
      if (nextToken) request.nextToken = nextToken;
      const answer = await this.fetchPage(request);
      if (generation !== this.generation) throw new RecoveryStopped();
      for (const item of (answer.Transcript ?? []) as ChatTranscriptItem[]) {
        if (this.deliverOnce(item)) delivered += 1;
        if (item.Id) newestId = item.Id;
      }
      nextToken = answer.NextToken ?? undefined;
      if (!nextToken) break;
    }
    if (newestId) this.log.checkpoint(newestId);
    return delivered;
  }
}
