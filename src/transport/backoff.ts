// Retry delays as a pure function, so the schedule can be tested without a clock or a socket.

export interface BackoffOptions {
  /** Delay of attempt 1, in ms. */
  baseMs: number;
  /** Upper bound of every delay, jitter included, in ms. */
  maxMs: number;
  /** Fraction in [0, 1]: the delay is scaled by a factor drawn from [1 - jitter, 1 + jitter]. */
  jitter: number;
}

/**
 * The wait before retry number `attempt` (1-based): `baseMs · 2^(attempt-1)`, jittered, capped at `maxMs`.
 * Attempt 0 (or less) means "retry now" and gives 0. `random` returns a number in [0, 1).
 */
export function backoffDelayMs(attempt: number, options: BackoffOptions, random: () => number = Math.random): number {
  if (!Number.isFinite(attempt) || attempt <= 0) return 0;
  const { baseMs, maxMs } = options;
  const jitter = Math.min(Math.max(options.jitter, 0), 1);
  // Cap the exponent first: 2^1024 is Infinity, and no real schedule needs more than ~50 doublings.
  const exponential = baseMs * 2 ** Math.min(Math.floor(attempt) - 1, 50);
  const raw = Math.min(exponential, maxMs);
  const factor = 1 - jitter + 2 * jitter * clamp01(random());
  return Math.max(0, Math.floor(Math.min(raw * factor, maxMs)));
}

function clamp01(value: number): number {
  if (!Number.isFinite(value)) return 0.5;
  return Math.min(Math.max(value, 0), 1);
}
