// The Participant client's retries: the delay schedule and the AWS SDK retry strategy built on it.
import { ParticipantRetryStrategy, retryDelayMs } from '../../../src/client/retryStrategy';

describe('retryDelayMs', () => {
  const throttled = { errorType: 'THROTTLING' as const };
  const transient = { errorType: 'TRANSIENT' as const };

  it('doubles the jitter window per retry from 50 ms (1000 ms for throttling), the AWS SDK bases', () => {
    const top = { random: () => 1 };
    expect([0, 1, 2].map((n) => retryDelayMs(n, transient, top))).toEqual([50, 100, 200]);
    expect([0, 1, 2].map((n) => retryDelayMs(n, throttled, top))).toEqual([1000, 2000, 4000]);
    expect(retryDelayMs(3, transient, { random: () => 0.5 })).toBe(200);
  });

  it('never exceeds maxDelayMs; a Retry-After hint stretches the backoff by at most 5 s', () => {
    expect(retryDelayMs(20, throttled, { random: () => 1 })).toBe(20_000);
    const hint = { ...throttled, retryAfterHint: new Date(1_000_000 + 60_000) };
    expect(retryDelayMs(0, hint, { random: () => 0 }, 1_000_000)).toBe(5_000);
  });

  it('waits at least as long as Retry-After asks', () => {
    const hint = { ...throttled, retryAfterHint: new Date(1_000_000 + 3_000) };
    expect(retryDelayMs(0, hint, { random: () => 0 }, 1_000_000)).toBe(3_000);
  });
});

describe('ParticipantRetryStrategy', () => {
  it('refuses once maxAttempts is reached or the error is a client error', async () => {
    const strategy = new ParticipantRetryStrategy({ maxAttempts: 2, baseDelayMs: 0 });
    const first = await strategy.acquireInitialRetryToken();
    const second = await strategy.refreshRetryTokenForRetry(first, { errorType: 'TRANSIENT' });
    expect(second.getRetryCount()).toBe(1);
    await expect(strategy.refreshRetryTokenForRetry(second, { errorType: 'TRANSIENT' })).rejects.toThrow();
    await expect(strategy.refreshRetryTokenForRetry(first, { errorType: 'CLIENT_ERROR' })).rejects.toThrow();
  });

  it('spends 14 of 500 quota tokens per retry (5 for throttling) and refuses when they run out', async () => {
    const strategy = new ParticipantRetryStrategy({ baseDelayMs: 0, throttlingBaseDelayMs: 0 });
    const first = await strategy.acquireInitialRetryToken();
    await strategy.refreshRetryTokenForRetry(first, { errorType: 'TRANSIENT' });
    expect(strategy.quota).toBe(486);
    const throttledRetry = await strategy.refreshRetryTokenForRetry(first, { errorType: 'THROTTLING' });
    expect(strategy.quota).toBe(481);
    strategy.recordSuccess(throttledRetry);
    expect(strategy.quota).toBe(486);
    strategy.recordSuccess(first);
    expect(strategy.quota).toBe(487);
    while (strategy.quota >= 14) await strategy.refreshRetryTokenForRetry(first, { errorType: 'TRANSIENT' });
    await expect(strategy.refreshRetryTokenForRetry(first, { errorType: 'TRANSIENT' })).rejects.toThrow();
    // Throttling costs less, so it may still go once more.
    if (strategy.quota >= 5) await expect(strategy.refreshRetryTokenForRetry(first, { errorType: 'THROTTLING' })).resolves.toBeDefined();
  });

  it('does not retry a SERVER_ERROR other than 500/502/503/504', async () => {
    const strategy = new ParticipantRetryStrategy({ baseDelayMs: 0 });
    const first = await strategy.acquireInitialRetryToken();
    const error = Object.assign(new Error('x'), { $metadata: { httpStatusCode: 501 } });
    await expect(strategy.refreshRetryTokenForRetry(first, { errorType: 'SERVER_ERROR', error })).rejects.toThrow();
    expect(strategy.quota).toBe(500);
  });

  it('retries a fetch TypeError the SDK does not recognise', async () => {
    const strategy = new ParticipantRetryStrategy({ baseDelayMs: 0 });
    const first = await strategy.acquireInitialRetryToken();
    const next = await strategy.refreshRetryTokenForRetry(first, {
      errorType: 'CLIENT_ERROR',
      error: Object.assign(new TypeError('cancelled'), { $metadata: {} }),
    });
    expect(next.getRetryCount()).toBe(1);
  });
});
