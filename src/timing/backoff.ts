// Retry delays as pure functions, shared by the transport (reconnect schedule) and the session (token renewal,
// missed-message and receipt retries), so every schedule can be tested without a clock or a socket.

export interface BackoffOptions {
  /** Delay of attempt 1, in ms. */
  baseMs: number;
  /** Upper bound of every delay, jitter included, in ms. */
  maxMs: number;
  /** Fraction in [0, 1]: the delay is scaled by a factor drawn from [1 - jitter, 1 + jitter]. */
  jitter: number;
  /** False: a jittered delay may exceed `maxMs` (its mean stays `maxMs`, so a paced schedule keeps its pace). Default true. */
  capJitter?: boolean;
}

/**
 * The one backoff formula of the SDK. The wait before retry number `attempt` (1-based):
 * `baseMs · 2^(attempt-1)` up to `maxMs`, then jittered (and capped at `maxMs` again unless `capJitter` is
 * false). Attempt 0 (or less) means "retry now" and gives 0. `random` returns a number in [0, 1).
 * Each user's schedule is data: a BackoffOptions object (or, for the reconnect schedule, a RetrySchedule).
 */
export function backoffDelayMs(attempt: number, options: BackoffOptions, random: () => number = Math.random): number {
  if (!Number.isFinite(attempt) || attempt <= 0) return 0;
  const { baseMs, maxMs } = options;
  const jitter = Math.min(Math.max(options.jitter, 0), 1);
  // Cap the exponent first: 2^1024 is Infinity, and no real schedule needs more than ~50 doublings.
  const mean = Math.min(baseMs * 2 ** Math.min(Math.floor(attempt) - 1, 50), maxMs);
  const jittered = mean * (1 - jitter + 2 * jitter * clamp01(random()));
  return Math.max(0, Math.floor(options.capJitter === false ? jittered : Math.min(jittered, maxMs)));
}

function clamp01(value: number): number {
  if (!Number.isFinite(value)) return 0.5;
  return Math.min(Math.max(value, 0), 1);
}

/**
 * The websocket manager's reconnect schedule. Doubling alone spends the retry budget badly: by the time a
 * 10 s outage ends the wait has grown to 8 s, so the next try lands seconds after the service is back. This
 * schedule instead keeps an even pace, fast while the link has been down for a short while and slow after,
 * so the wait after the service returns is about half the pace at that moment.
 */
export interface RetrySchedule {
  /** Mean delay of the first retry, in ms; later ones double from it up to the pace of the phase. */
  baseMs: number;
  /** Mean spacing of retries while the link has been down for less than `fastWindowMs`. */
  fastIntervalMs: number;
  /** How long after the link went down the fast pace holds, in ms. */
  fastWindowMs: number;
  /** Mean spacing of retries after that, in ms. */
  slowIntervalMs: number;
  /** Fraction in [0, 1]: each delay is scaled by a factor drawn from [1 - jitter, 1 + jitter], so its mean is kept. */
  jitter: number;
}

/**
 * The wait before retry number `attempt` (1-based) when the link has been down for `downForMs`:
 * `baseMs · 2^(attempt-1)`, at most the pace of the current phase, then jittered around that mean (never
 * clipped, so the average pace is exactly the configured one). Attempt 0 (or less) means "retry now".
 */
export function retryScheduleDelayMs(attempt: number, downForMs: number, schedule: RetrySchedule, random: () => number = Math.random): number {
  const fast = !(downForMs >= schedule.fastWindowMs); // NaN or negative counts as "just went down"
  const pace = fast ? schedule.fastIntervalMs : Math.max(schedule.slowIntervalMs, schedule.fastIntervalMs);
  return backoffDelayMs(attempt, { baseMs: schedule.baseMs, maxMs: pace, jitter: schedule.jitter, capJitter: false }, random);
}
