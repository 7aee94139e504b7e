// Errors of the transport. The manager reports them in lost / init-failure payloads; a transport function
// throws `TerminalTransportError` (or anything `isTerminalTransportError` accepts) to stop the manager.
import type { DisconnectReason } from './types.js';

/** Why a link went down or an attempt failed; `code` is the manager's reason code. */
export class WebSocketTransportError extends Error {
  readonly code: DisconnectReason;
  readonly cause: unknown;
  constructor(code: DisconnectReason, message: string, cause?: unknown) {
    super(message);
    this.name = 'WebSocketTransportError';
    this.code = code;
    this.cause = cause;
  }
}

/**
 * Thrown (or rejected) by a transport function when retrying cannot help, e.g. the service answered 403
 * because the chat is over. The manager then fires initFailure and stops.
 */
export class TerminalTransportError extends Error {
  readonly terminal = true;
  readonly statusCode: number | undefined;
  readonly cause: unknown;
  constructor(message: string, cause?: unknown, statusCode?: number) {
    super(message);
    this.name = 'TerminalTransportError';
    this.cause = cause;
    this.statusCode = statusCode;
  }
}

/**
 * True when a transport-function rejection means "stop": `terminal === true`, or a 403 status found in
 * `statusCode`, `_debug.statusCode` (upstream's rejection shape) or `$metadata.httpStatusCode` (AWS SDK v3).
 * Everything else — network errors, `TypeError: Failed to fetch`, 5xx, timeouts — is retried.
 */
export function isTerminalTransportError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { terminal?: unknown; statusCode?: unknown; _debug?: unknown; $metadata?: unknown };
  if (e.terminal === true) return true;
  if (e.statusCode === 403) return true;
  const debug = e._debug as { statusCode?: unknown } | null | undefined;
  if (typeof debug === 'object' && debug !== null && debug.statusCode === 403) return true;
  const meta = e.$metadata as { httpStatusCode?: unknown } | null | undefined;
  return typeof meta === 'object' && meta !== null && meta.httpStatusCode === 403;
}

/** Any rejection value as an Error (upstream rejects with plain `{reason, _debug}` objects). */
export function toError(value: unknown, fallback: string): Error {
  if (value instanceof Error) return value;
  if (typeof value === 'object' && value !== null) {
    const reason = (value as { reason?: unknown; message?: unknown }).reason ?? (value as { message?: unknown }).message;
    if (typeof reason === 'string' && reason) return new WebSocketTransportError('transport-failed', reason, value);
  }
  if (typeof value === 'string' && value) return new WebSocketTransportError('transport-failed', value, value);
  return new WebSocketTransportError('transport-failed', fallback, value);
}
