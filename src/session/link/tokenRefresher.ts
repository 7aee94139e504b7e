// Renews the connection token a minute before it expires. A failed renewal is retried with capped
// backoff (upstream waited 12 hours); a 403 means the chat is over.
import { TIMINGS } from '../../constants.js';
import { isChatServiceError } from '../../errors.js';
import type { Logger } from '../../log/logger.js';
import { backoffDelayMs } from '../../timing/backoff.js';
import { TimerGroup } from '../../timing/timers.js';
import type { ConnectionDetailsProvider } from './connectionDetails.js';

/** Never renew more often than this, even when the service hands out tokens that are about to expire. */
const MIN_REFRESH_DELAY_MS = 5_000;
/** 2 s, 4 s, 8 s … capped at 60 s, each within ±20 %. */
const RETRY_BACKOFF = { baseMs: 2_000, maxMs: 60_000, jitter: 0.2 } as const;

export class TokenRefresher {
  /** Its one timer, 'renew': cleared by stop() and by a renewal started early. */
  private readonly timers = new TimerGroup();
  private failures = 0;
  private running = false;

  constructor(
    private readonly provider: ConnectionDetailsProvider,
    private readonly onChatOver: () => void,
    private readonly logger: Logger,
    private readonly random: () => number = Math.random,
  ) {}

  start(): void {
    this.running = true;
    this.scheduleBeforeExpiry();
  }

  stop(): void {
    this.running = false;
    this.timers.clear('renew');
  }

  /** Renews now (e.g. after an API call failed with an expired token); resolves whether it worked. */
  async refreshNow(): Promise<boolean> {
    this.timers.clear('renew');
    return this.refresh();
  }

  private scheduleBeforeExpiry(): void {
    const expiry = this.provider.details?.connectionTokenExpiry;
    const expiresAt = expiry ? Date.parse(expiry) : NaN;
    if (Number.isNaN(expiresAt)) return;
    const delay = expiresAt - TIMINGS.connectionTokenRefreshBeforeExpiryMs - Date.now();
    this.schedule(Math.max(delay, MIN_REFRESH_DELAY_MS));
  }

  private schedule(delayMs: number): void {
    this.timers.clear('renew');
    if (!this.running) return;
    this.timers.set('renew', delayMs, () => void this.refresh());
  }

  private async refresh(): Promise<boolean> {
    try {
      await this.provider.fetch();
      this.failures = 0;
      this.scheduleBeforeExpiry();
      return true;
    } catch (error) {
      if (isChatServiceError(error) && error.statusCode === 403) {
        this.logger.warn('Connection token renewal refused (403): the chat is over');
        this.stop();
        this.onChatOver();
        return false;
      }
      this.failures += 1;
      const delay = backoffDelayMs(this.failures, RETRY_BACKOFF, this.random);
      this.logger.warn(`Connection token renewal failed; retrying in ${delay} ms`, error);
      this.schedule(delay);
      return false;
    }
  }
}
