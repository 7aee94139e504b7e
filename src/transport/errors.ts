// How the transport reads errors: a transport function throws `TerminalTransportError` (or anything
// `isTerminalTransportError` accepts) to stop the manager; other rejections become WebSocketTransportErrors.
// The classes and reason codes live in ../errors.ts.
import { DisconnectReason, WebSocketTransportError } from '../errors.js';

export { TerminalTransportError, WebSocketTransportError } from '../errors.js';

/**
 * True when a transport-function rejection means "stop": `terminal === true`, or a 403 status found in
 * `statusCode`, `_debug.statusCode` (upstream's rejection shape) or `$metadata.httpStatusCode` (AWS SDK v3).
 * Everything else — network errors, `TypeError: Failed to fetch`, 5xx, timeouts — is retried.
 */
export function isTerminalTransportError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { terminal?: unknown; statusCode?: unknown; _debug?: { statusCode?: unknown } | null; $metadata?: { httpStatusCode?: unknown } | null };
  // Reading a field of a non-object `_debug` or `$metadata` gives undefined, so no type checks are needed.
  return e.terminal === true || e.statusCode === 403 || e._debug?.statusCode === 403 || e.$metadata?.httpStatusCode === 403;
}

/** Any rejection value as an Error (upstream rejects with plain `{reason, _debug}` objects). */
export function toError(value: unknown, fallback: string): Error {
  if (value instanceof Error) return value;
  if (typeof value === 'object' && value !== null) {
    const reason = (value as { reason?: unknown; message?: unknown }).reason ?? (value as { message?: unknown }).message;
    if (typeof reason === 'string' && reason) return new WebSocketTransportError(DisconnectReason.TransportFailed, reason, value);
  }
  if (typeof value === 'string' && value) return new WebSocketTransportError(DisconnectReason.TransportFailed, value, value);
  return new WebSocketTransportError(DisconnectReason.TransportFailed, fallback, value);
}
