// The one interface through which a session hears its link: the manager hub calls it for the shared
// manager's events, the session connection for what its own URL fetches learn. Reasons arrive here already
// normalised, so the controller never sees a manager's raw callback arguments.
import type { ChatDeepHeartbeatEvent, ChatTranscriptItem, ConnectionReason } from '../../types.js';

export type DeepHeartbeatInfo = ChatDeepHeartbeatEvent['data'];

export interface LinkListener {
  /** An item of this session's contact arrived on the `aws/chat` topic. */
  item(item: ChatTranscriptItem): void;
  /** The websocket is up (first time, or again after a loss). */
  established(): void;
  /** The websocket dropped; the manager is reconnecting. */
  lost(reason: ConnectionReason): void;
  /** The manager gave up: the websocket could not be (re-)established. */
  broken(reason: ConnectionReason): void;
  /** The manager's deep heartbeat succeeded (`ok`) or failed. */
  deepHeartbeat(ok: boolean, info: DeepHeartbeatInfo): void;
  /** A heartbeat reply came late: frames were held up, some may have been lost while the socket stayed open. */
  heartbeatLate(): void;
  /** The service refused a new connection (403): the chat ended while the link was down. */
  chatOver(): void;
  /** Another tab's websocket was handed to this tab's (see ../tabs): fetch what was missed in between. */
  resync?(): void;
}

/** Turns whatever a manager passes with lost / init-failure into a `ConnectionReason`. */
export function toConnectionReason(info: unknown, fallback: string): ConnectionReason {
  if (info instanceof Error) return { reason: info.message, error: info };
  if (typeof info !== 'object' || info === null) return { reason: fallback };
  const fields = info as { code?: unknown; reason?: unknown; error?: unknown };
  const reason: ConnectionReason = { reason: typeof fields.reason === 'string' && fields.reason ? fields.reason : fallback };
  if (typeof fields.code === 'number') reason.code = fields.code;
  if (fields.error instanceof Error) reason.error = fields.error;
  else if (fields.reason instanceof Error) reason.error = fields.reason;
  return reason;
}

/** A deep-heartbeat callback's argument as the event's `data` (an object, else empty). */
export function toDeepHeartbeatInfo(info: unknown): DeepHeartbeatInfo {
  return typeof info === 'object' && info !== null ? (info as DeepHeartbeatInfo) : {};
}
