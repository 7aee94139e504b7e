// The evidence that items may have gone missing on a link that stayed up, and the pace at which a chat
// acts on it (docs/connection-handling.md, "Silent gaps"). Numbers only; gapWatch.ts acts on them.

/** Why a gap recovery ran. */
export type GapSignal =
  /** A message this session sent did not come back over the socket within ECHO_WAIT_MS. */
  | 'echo-missing'
  /** A heartbeat reply came late (the manager's `onHeartbeatLate`). */
  | 'heartbeat-late'
  /** A deep heartbeat (aws/ping) got no reply, or a failed one. */
  | 'ping-failed'
  /** The browser came back online. */
  | 'online'
  /** The page became visible again (timers may have slept). */
  | 'page-visible'
  /** A live item older than one already delivered. */
  | 'out-of-order'
  /** The low-rate safety net (no evidence; see SAFETY_NET). */
  | 'safety-net'
  /** The recovery before found missing items: the link may still be dropping some, so look once more. */
  | 'follow-up';

/** How long an own message's echo may take over the socket before its absence counts as a gap. */
export const ECHO_WAIT_MS = 3_000;

/** Gap recoveries of one chat start at least this far apart; signals in between wait for the next turn. */
export const MIN_RECOVERY_SPACING_MS = 5_000;

/**
 * The safety net for gaps nothing reveals (a short silent stall while this session sends nothing): a
 * check `afterActivityMs` after the last check when an item arrived or a message was sent since, else
 * at a spacing that doubles from `quietStartMs` up to `quietMaxMs` while the chat stays quiet.
 */
export const SAFETY_NET = { afterActivityMs: 30_000, quietStartMs: 60_000, quietMaxMs: 15 * 60_000 } as const;

/** The spacing of the next quiet safety-net check after one that ran `previousMs` after the check before. */
export function nextQuietSpacing(previousMs: number): number {
  if (previousMs < SAFETY_NET.quietStartMs) return SAFETY_NET.quietStartMs;
  return Math.min(previousMs * 2, SAFETY_NET.quietMaxMs);
}
