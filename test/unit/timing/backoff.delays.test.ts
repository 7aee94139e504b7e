import { backoffDelayMs, retryScheduleDelayMs } from '../../../src/timing/backoff';

const opts = { baseMs: 1000, maxMs: 30000, jitter: 0.3 };
const mid = (): number => 0.5;

describe('backoffDelayMs', () => {
  it('is 0 for attempt 0 or less (retry now)', () => {
    expect(backoffDelayMs(0, opts, mid)).toBe(0);
    expect(backoffDelayMs(-3, opts, mid)).toBe(0);
    expect(backoffDelayMs(Number.NaN, opts, mid)).toBe(0);
  });

  it('doubles from the base and stops at the cap', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 50, 5000].map((n) => backoffDelayMs(n, opts, mid));
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000, 30000]);
  });

  it('jitters within ±jitter of the raw delay', () => {
    expect(backoffDelayMs(3, opts, () => 0)).toBe(2800); // 4000 · 0.7
    expect(backoffDelayMs(3, opts, () => 0.999999)).toBe(5199); // just under 4000 · 1.3
  });

  it('never exceeds the cap, jitter included', () => {
    for (let n = 1; n < 40; n += 1) {
      for (const r of [0, 0.25, 0.5, 0.75, 0.9999]) expect(backoffDelayMs(n, opts, () => r)).toBeLessThanOrEqual(30000);
    }
    expect(backoffDelayMs(10, opts, () => 0)).toBe(21000); // the cap is jittered downwards only
  });

  it('clamps a misbehaving random source and jitter option', () => {
    expect(backoffDelayMs(1, opts, () => 7)).toBe(1299); // clamped to 1: 1000 · 1.3, floored after float rounding
    expect(backoffDelayMs(1, opts, () => -1)).toBe(700);
    expect(backoffDelayMs(1, opts, () => Number.NaN)).toBe(1000);
    expect(backoffDelayMs(2, { ...opts, jitter: 5 }, () => 0)).toBe(0);
    expect(backoffDelayMs(2, { ...opts, jitter: -1 }, () => 0)).toBe(2000);
  });

  it('uses Math.random by default and stays in range', () => {
    const d = backoffDelayMs(2, opts);
    expect(d).toBeGreaterThanOrEqual(1400);
    expect(d).toBeLessThanOrEqual(2600);
  });
});

describe('retryScheduleDelayMs', () => {
  const schedule = { baseMs: 1000, fastIntervalMs: 2400, fastWindowMs: 60_000, slowIntervalMs: 12_000, jitter: 0.3 };

  it('is 0 for attempt 0 or less (retry now)', () => {
    expect(retryScheduleDelayMs(0, 0, schedule, mid)).toBe(0);
    expect(retryScheduleDelayMs(Number.NaN, 0, schedule, mid)).toBe(0);
  });

  it('doubles from the base up to the fast pace while the link has been down under the window', () => {
    expect([1, 2, 3, 4, 30].map((n) => retryScheduleDelayMs(n, 5_000, schedule, mid))).toEqual([1000, 2000, 2400, 2400, 2400]);
    expect(retryScheduleDelayMs(10, 59_999, schedule, mid)).toBe(2400);
  });

  it('takes the slow pace once the link has been down for the window', () => {
    expect(retryScheduleDelayMs(30, 60_000, schedule, mid)).toBe(12_000);
    expect(retryScheduleDelayMs(1, 600_000, schedule, mid)).toBe(1000); // a fresh start (wake, reconnectNow) still begins at the base
    expect(retryScheduleDelayMs(5, 600_000, schedule, mid)).toBe(12_000);
  });

  it('jitters around the mean without clipping, so the average pace is the configured one', () => {
    expect(retryScheduleDelayMs(9, 90_000, schedule, () => 0)).toBe(8400);
    expect(retryScheduleDelayMs(9, 90_000, schedule, () => 0.999999)).toBe(15_599);
    const draws = Array.from({ length: 1001 }, (_, i) => retryScheduleDelayMs(9, 90_000, schedule, () => i / 1000));
    expect(draws.reduce((sum, d) => sum + d, 0) / draws.length).toBeCloseTo(12_000, -1);
  });

  it('treats an odd down time as "just went down" and a slow pace below the fast one as the fast one', () => {
    expect(retryScheduleDelayMs(9, Number.NaN, schedule, mid)).toBe(2400);
    expect(retryScheduleDelayMs(9, -5, schedule, mid)).toBe(2400);
    expect(retryScheduleDelayMs(9, 90_000, { ...schedule, slowIntervalMs: 500 }, mid)).toBe(2400);
  });

  it('clamps a misbehaving random source and jitter option', () => {
    expect(retryScheduleDelayMs(1, 0, schedule, () => 7)).toBe(1299);
    expect(retryScheduleDelayMs(1, 0, schedule, () => Number.NaN)).toBe(1000);
    expect(retryScheduleDelayMs(1, 0, { ...schedule, jitter: 5 }, () => 0)).toBe(0);
    expect(retryScheduleDelayMs(1, 0, { ...schedule, jitter: -1 }, () => 0)).toBe(1000);
  });
});
