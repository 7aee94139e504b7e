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

import { ChatServiceError } from '../errors.js';

export const NETWORK_ERROR = 'NetworkError';

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
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

const TIMEOUT_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);

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
 * a VM context, a test runner's sandbox) as `AWS SDK error wrapper for <name>: <message>`; the wrapped
 * value's name and message are all that is left of it.
 */
function isWrappedSocketFailure(err: ErrorLike): boolean {
  if (typeof err.message !== 'string') return false;
  const wrapped = /^AWS SDK error wrapper for (\w+): (.*)$/.exec(err.message);
  if (!wrapped) return false;
  const [, name, text] = wrapped as unknown as [string, string, string];
  return TIMEOUT_NAMES.has(name) || /socket hang up|ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT/.test(text);
}

/** True when the request got no HTTP answer at all (browser fetch TypeError, socket errors, timeouts). */
export function isNetworkError(e: unknown): boolean {
  if (statusOf(e) !== undefined) return false;
  const err = asErrorLike(e);
  if (typeof err.code === 'string' && NETWORK_CODES.has(err.code)) return true;
  if (typeof err.name === 'string' && TIMEOUT_NAMES.has(err.name)) return true;
  if (isWrappedSocketFailure(err)) return true;
  // fetch() rejects with a TypeError for every network failure; the message differs per browser.
  return e instanceof TypeError;
}

/** The 5xx answers the AWS SDK treats as passing (others, like 501 or 505, will not change by retrying). */
const TRANSIENT_STATUSES = new Set([500, 502, 503, 504]);

/** True when the same call may succeed later: throttling, 500/502/503/504, or no answer at all (as the AWS SDK judges). */
export function isRetryableError(e: unknown): boolean {
  const status = statusOf(e);
  if (status === 429 || (status !== undefined && TRANSIENT_STATUSES.has(status))) return true;
  const name = asErrorLike(e).name;
  if (typeof name === 'string' && THROTTLING_NAMES.has(name)) return true;
  return isNetworkError(e);
}

function typeOf(e: unknown): string {
  if (isNetworkError(e)) return NETWORK_ERROR;
  const name = asErrorLike(e).name;
  if (typeof name === 'string' && name !== '') return name;
  return e instanceof Error ? 'Error' : 'UnknownError';
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
