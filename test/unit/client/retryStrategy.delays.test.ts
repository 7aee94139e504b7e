// The Participant client's retries: the delay schedule and the AWS SDK retry strategy built on it.
import { ParticipantRetryStrategy, retryDelayMs } from '../../../src/client/retryStrategy';

describe('retryDelayMs', () => {
  const throttled = { errorType: 'THROTTLING' as const };
  const transient = { errorType: 'TRANSIENT' as const };

  it('doubles the jitter window per retry from 100 ms (500 ms for throttling)', () => {
    const top = { random: () => 1 };
    expect([0, 1, 2].map((n) => retryDelayMs(n, transient, top))).toEqual([100, 200, 400]);
    expect([0, 1, 2].map((n) => retryDelayMs(n, throttled, top))).toEqual([500, 1000, 2000]);
    expect(retryDelayMs(3, transient, { random: () => 0.5 })).toBe(400);
  });

  it('never exceeds maxDelayMs, a Retry-After hint included', () => {
    expect(retryDelayMs(20, throttled, { random: () => 1 })).toBe(20_000);
    const hint = { ...throttled, retryAfterHint: new Date(1_000_000 + 60_000) };
    expect(retryDelayMs(0, hint, { random: () => 0 }, 1_000_000)).toBe(20_000);
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
