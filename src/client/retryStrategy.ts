// Retry policy of every Participant Service call, plugged into the AWS SDK's retry middleware.
//
// It makes the same judgement as the SDK's `standard` mode that ships with @aws-sdk/client-connectparticipant
// (3 attempts; retry only throttling, 500/502/503/504 and failures without an answer; a retry quota per
// client; 50 ms base, 1 s for throttling) and differs only where a browser needs it: a fetch TypeError with an
// unfamiliar message is a network failure here too, and tests can shorten the delays. Writes are safe to
// repeat because every one carries a ClientToken that the SDK serializes once, so every attempt has the same.

import type { RetryErrorInfo, RetryStrategyV2, RetryToken } from '@smithy/types';
import { backoffDelayMs } from '../timing/backoff.js';
import { isRetryableError } from './errors.js';

/** Retry settings; defaults are the SDK's standard-mode numbers. */
export interface RetryOptions {
  /** Attempts in all, the first one included (default 3). */
  maxAttempts?: number;
  /** Backoff base in ms for 5xx and network errors (default 50). */
  baseDelayMs?: number;
  /** Backoff base in ms for throttling (default 1000). */
  throttlingBaseDelayMs?: number;
  /** Cap of any single delay in ms (default 20000). */
  maxDelayMs?: number;
  /** Source of randomness for jitter (default Math.random); tests pin it. */
  random?: () => number;
}

export const DEFAULT_RETRY: Readonly<Required<Omit<RetryOptions, 'random'>>> = Object.freeze({
  maxAttempts: 3,
  baseDelayMs: 50,
  throttlingBaseDelayMs: 1_000,
  maxDelayMs: 20_000,
});

/**
 * The retry quota of one client, as the SDK's standard mode keeps it: a retry spends from a bucket of 500
 * (14 per retry, 5 per throttling retry); a call that succeeds gives back what its retry spent, or 1 when
 * it needed none. An empty bucket means "no more retries" until calls succeed again, so a client facing an
 * outage stops multiplying its requests by three.
 */
export const RETRY_QUOTA = Object.freeze({ capacity: 500, retryCost: 14, throttlingRetryCost: 5, successRefill: 1 });

/** How long a Retry-After hint may stretch a delay beyond the backoff, as the SDK allows. */
const MAX_HINT_EXTENSION_MS = 5_000;

/**
 * Delay before retry number `retryCount + 1`: full-jitter exponential backoff, raised towards a
 * `Retry-After` hint (by at most 5 s), never above `maxDelayMs`.
 */
export function retryDelayMs(
  retryCount: number,
  info: Pick<RetryErrorInfo, 'errorType' | 'retryAfterHint'>,
  options: RetryOptions = {},
  now: number = Date.now(),
): number {
  const o = { ...DEFAULT_RETRY, ...options };
  const base = info.errorType === 'THROTTLING' ? o.throttlingBaseDelayMs : o.baseDelayMs;
  // Full jitter, uniform in [0, base · 2^retryCount): the shared formula around a mean of half that.
  const backoff = backoffDelayMs(retryCount + 1, { baseMs: base / 2, maxMs: o.maxDelayMs, jitter: 1 }, options.random);
  if (!info.retryAfterHint) return backoff;
  const hinted = Math.min(info.retryAfterHint.getTime() - now, backoff + MAX_HINT_EXTENSION_MS);
  return Math.max(0, Math.min(o.maxDelayMs, Math.max(backoff, hinted)));
}

interface QuotaToken extends RetryToken {
  /** What this attempt's retry took from the quota (undefined for a first attempt). */
  readonly cost: number | undefined;
}

const token = (count: number, delay: number, cost?: number): QuotaToken => ({
  getRetryCount: () => count,
  getRetryDelay: () => delay,
  cost,
});

/** Throttling, 500/502/503/504 and no answer at all; never another 4xx or 5xx (501, 505, 507, …). */
function shouldRetry(info: RetryErrorInfo): boolean {
  if (info.errorType === 'THROTTLING' || info.errorType === 'TRANSIENT') return true;
  return isRetryableError(info.error);
}

/** A `RetryStrategyV2` with a retry quota; the middleware sleeps for the token's delay before the next attempt. */
export class ParticipantRetryStrategy implements RetryStrategyV2 {
  readonly mode = 'standard';
  private readonly options: RetryOptions;
  private available: number = RETRY_QUOTA.capacity;

  constructor(options: RetryOptions = {}) {
    this.options = options;
  }

  get maxAttempts(): number {
    return this.options.maxAttempts ?? DEFAULT_RETRY.maxAttempts;
  }

  /** What is left of the retry quota (tests, diagnostics). */
  get quota(): number {
    return this.available;
  }

  async acquireInitialRetryToken(): Promise<RetryToken> {
    return token(0, 0);
  }

  async refreshRetryTokenForRetry(previous: RetryToken, info: RetryErrorInfo): Promise<RetryToken> {
    const retryCount = previous.getRetryCount();
    const cost = info.errorType === 'THROTTLING' ? RETRY_QUOTA.throttlingRetryCost : RETRY_QUOTA.retryCost;
    if (retryCount + 1 >= this.maxAttempts || !shouldRetry(info) || this.available < cost) {
      // The middleware rethrows the call's own error when this rejects.
      throw new Error('No retry token available');
    }
    this.available -= cost;
    return token(retryCount + 1, retryDelayMs(retryCount, info, this.options), cost);
  }

  recordSuccess(succeeded: RetryToken): void {
    const refill = (succeeded as Partial<QuotaToken>).cost ?? RETRY_QUOTA.successRefill;
    this.available = Math.min(RETRY_QUOTA.capacity, this.available + refill);
  }
}

/** How far a call's tries went: attempts made, and the total delay between them in ms. */
export interface RetryTally {
  attempts: number;
  totalRetryDelay: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` under `strategy`: after a failure, `judge` says what failed (null: waiting cannot help), and
 * the strategy says whether and when to try again. Rejects with the last failure; `tally` counts as it goes.
 * The one retry loop of both clients: the browser builds' own (fetchSdk/client.ts) and a custom client's adapter.
 */
export async function runWithRetries<T>(
  strategy: RetryStrategyV2,
  attempt: () => Promise<T>,
  judge: (failure: unknown) => RetryErrorInfo | null,
  tally: RetryTally = { attempts: 0, totalRetryDelay: 0 },
): Promise<T> {
  let token = await strategy.acquireInitialRetryToken('');
  for (;;) {
    tally.attempts += 1;
    try {
      const value = await attempt();
      strategy.recordSuccess(token);
      return value;
    } catch (failure) {
      const info = judge(failure);
      const next = info ? await strategy.refreshRetryTokenForRetry(token, info).catch(() => null) : null;
      if (!next) throw failure;
      token = next;
      const delay = next.getRetryDelay();
      tally.totalRetryDelay += delay;
      if (delay > 0) await sleep(delay);
    }
  }
}
