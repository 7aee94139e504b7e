// Retry policy of every Participant Service call, plugged into the AWS SDK's retry middleware.
//
// Why our own strategy instead of the SDK's `standard` mode: the SDK's does not retry every 5xx (only
// 500/502/503/504) nor browser fetch failures with unfamiliar messages, and its delays cannot be shortened
// for tests. Writes are safe to repeat because every one carries a ClientToken, and the SDK re-sends the
// body it serialized once, so the token is the same on every attempt.

import type { RetryErrorInfo, RetryStrategyV2, RetryToken } from '@smithy/types';
import { backoffDelayMs } from '../timing/backoff.js';
import { isRetryableError } from './errors.js';

/** Retry settings; defaults are the SDK's standard-mode numbers with 5 attempts instead of 3. */
export interface RetryOptions {
  /** Attempts in all, the first one included (default 5). */
  maxAttempts?: number;
  /** Backoff base in ms for 5xx and network errors (default 100). */
  baseDelayMs?: number;
  /** Backoff base in ms for throttling (default 500). */
  throttlingBaseDelayMs?: number;
  /** Cap of any single delay in ms, a `Retry-After` hint included (default 20000). */
  maxDelayMs?: number;
  /** Source of randomness for jitter (default Math.random); tests pin it. */
  random?: () => number;
}

export const DEFAULT_RETRY: Readonly<Required<Omit<RetryOptions, 'random'>>> = Object.freeze({
  maxAttempts: 5,
  baseDelayMs: 100,
  throttlingBaseDelayMs: 500,
  maxDelayMs: 20_000,
});

/**
 * Delay before retry number `retryCount + 1`: full-jitter exponential backoff, raised to a `Retry-After`
 * hint when the service sent one, never above `maxDelayMs`.
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
  const hinted = info.retryAfterHint ? info.retryAfterHint.getTime() - now : 0;
  return Math.max(0, Math.min(o.maxDelayMs, Math.max(backoff, hinted)));
}

const token = (count: number, delay: number): RetryToken => ({
  getRetryCount: () => count,
  getRetryDelay: () => delay,
});

function shouldRetry(info: RetryErrorInfo): boolean {
  if (info.errorType === 'THROTTLING' || info.errorType === 'TRANSIENT' || info.errorType === 'SERVER_ERROR') {
    return true;
  }
  return isRetryableError(info.error);
}

/** A stateless `RetryStrategyV2`: the middleware sleeps for the token's delay before the next attempt. */
export class ParticipantRetryStrategy implements RetryStrategyV2 {
  readonly mode = 'standard';
  private readonly options: RetryOptions;

  constructor(options: RetryOptions = {}) {
    this.options = options;
  }

  get maxAttempts(): number {
    return this.options.maxAttempts ?? DEFAULT_RETRY.maxAttempts;
  }

  async acquireInitialRetryToken(): Promise<RetryToken> {
    return token(0, 0);
  }

  async refreshRetryTokenForRetry(previous: RetryToken, info: RetryErrorInfo): Promise<RetryToken> {
    const retryCount = previous.getRetryCount();
    if (retryCount + 1 >= this.maxAttempts || !shouldRetry(info)) {
      // The middleware rethrows the call's own error when this rejects.
      throw new Error('No retry token available');
    }
    return token(retryCount + 1, retryDelayMs(retryCount, info, this.options));
  }

  recordSuccess(): void {
    // Stateless: no retry quota to refill.
  }
}
