// Turns whatever a Participant Service call threw into a `ChatServiceError`, so callers see one shape.
//
// `type` values:
// - the service's error name as the AWS SDK reports it: AccessDeniedException, ValidationException,
//   ThrottlingException, InternalServerException, ConflictException, ResourceNotFoundException,
//   ServiceQuotaExceededException (an unmodelled name passes through; no name at all is `Unknown`);
// - `NetworkError`: no HTTP answer came (fetch TypeError, connection reset/refused, DNS, timeout).
//   amazon-connect-chatjs reports these as `TypeError`; a distinct name lets apps tell "offline" from a bug;
// - `AbortError`: the call was aborted;
// - the thrown error's own name otherwise (e.g. `SyntaxError` for a non-JSON answer), or `UnknownError`
//   when something that is not an Error was thrown.
// Attachment transfers add `AttachmentUploadFailed`, `AttachmentDownloadFailed` and `InvalidAttachmentUrl`.

import { ChatServiceError, SERVICE_ERROR_TYPES } from '../errors.js';

/** Error names the service (or a proxy in front of it) uses for throttling. */
const THROTTLING_NAMES = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
]);

/** Codes Node sockets report when the connection, not the service, failed. */
export const NETWORK_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

export const TIMEOUT_NAMES: ReadonlySet<string> = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  $metadata?: { httpStatusCode?: number; requestId?: string };
  $response?: { statusCode?: number };
}

const asErrorLike = (e: unknown): ErrorLike => (typeof e === 'object' && e !== null ? (e as ErrorLike) : {});

/** The HTTP status of the answer that caused the error, if one came. */
export function statusOf(e: unknown): number | undefined {
  const err = asErrorLike(e);
  return err.$metadata?.httpStatusCode ?? err.$response?.statusCode;
}

/**
 * The AWS SDK wraps a thrown value that is not an `Error` of its own realm (Node's socket errors seen from
 * a VM context, a test runner's sandbox) as `AWS SDK error wrapper for <name>: <message>`.
 */
const WRAPPED_SOCKET_FAILURE = /^AWS SDK error wrapper for (TimeoutError|.*(socket hang up|ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT))/;

/** True when the request got no HTTP answer at all (browser fetch TypeError, socket errors, timeouts). */
export function isNetworkError(e: unknown): boolean {
  if (statusOf(e) !== undefined) return false;
  const err = asErrorLike(e);
  if (typeof err.code === 'string' && NETWORK_CODES.has(err.code)) return true;
  if (typeof err.name === 'string' && TIMEOUT_NAMES.has(err.name)) return true;
  if (WRAPPED_SOCKET_FAILURE.test(String(err.message))) return true;
  // fetch() rejects with a TypeError for every network failure; the message differs per browser.
  return e instanceof TypeError;
}

/** The 5xx answers the AWS SDK treats as passing (others, like 501 or 505, will not change by retrying). */
export const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([500, 502, 503, 504]);

/** True for the HTTP statuses worth retrying, as the AWS SDK judges: throttling (429) and 500/502/503/504. */
export const isRetryableStatus = (status: number): boolean => status === 429 || TRANSIENT_STATUSES.has(status);

/** True for a throttling answer: status 429, or one of the names the service and proxies use for it. */
export const isThrottlingError = (error: { statusCode?: number; type: string }): boolean => error.statusCode === 429 || THROTTLING_NAMES.has(error.type);

/** True when the same call may succeed later: throttling, 500/502/503/504, or no answer at all. */
export function isRetryableError(e: unknown): boolean {
  const status = statusOf(e);
  if (status !== undefined && isRetryableStatus(status)) return true;
  const name = asErrorLike(e).name;
  if (typeof name === 'string' && THROTTLING_NAMES.has(name)) return true;
  return isNetworkError(e);
}

function typeOf(e: unknown): string {
  if (isNetworkError(e)) return SERVICE_ERROR_TYPES.NetworkError;
  const name = asErrorLike(e).name;
  if (typeof name === 'string' && name !== '') return name;
  return e instanceof Error ? 'Error' : SERVICE_ERROR_TYPES.UnknownError;
}

function messageOf(e: unknown): string {
  if (typeof e === 'string') return e;
  const message = asErrorLike(e).message;
  if (typeof message === 'string' && message !== '') return message;
  return 'Participant Service call failed';
}

/** Normalises anything thrown by an SDK call; a `ChatServiceError` passes through unchanged. */
export function toChatServiceError(e: unknown): ChatServiceError {
  if (e instanceof ChatServiceError) return e;
  return new ChatServiceError({
    type: typeOf(e),
    message: messageOf(e),
    statusCode: statusOf(e),
    requestId: asErrorLike(e).$metadata?.requestId,
    retryable: isRetryableError(e),
    cause: e,
  });
}
