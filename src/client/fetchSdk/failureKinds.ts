// How the browser builds' client sorts a failed attempt for its retry strategy, with the AWS SDK's rules
// (@smithy's service-error classification): throttling, transient (worth retrying: 500/502/503/504, no
// answer, timeouts), or a server or client error. It also reads the answer's retry hint (`Retry-After` in
// seconds or as an HTTP date, `x-amz-retry-after` in ms). The strategy (../retryStrategy.ts) decides.
import type { RetryErrorInfo, RetryErrorType } from '@smithy/types';
// The SDK's timeout names, socket codes and transient statuses are the ones our own error judgement uses.
import { NETWORK_CODES, TIMEOUT_NAMES, TRANSIENT_STATUSES } from '../errors.js';

interface Failure {
  name?: string;
  message?: string;
  code?: string;
  cause?: unknown;
  $retryable?: { throttling?: boolean };
  $metadata?: { httpStatusCode?: number; clockSkewCorrected?: boolean };
  $response?: { headers?: Record<string, string> };
}

const THROTTLING_NAMES = new Set([
  'BandwidthLimitExceeded', 'EC2ThrottledException', 'LimitExceededException', 'PriorRequestNotComplete',
  'ProvisionedThroughputExceededException', 'RequestLimitExceeded', 'RequestThrottled', 'RequestThrottledException',
  'SlowDown', 'ThrottledException', 'Throttling', 'ThrottlingException', 'TooManyRequestsException',
  'TransactionInProgressException',
]);
/** What fetch() rejects with, per engine, when no answer came. */
const FETCH_FAILURES = new Set([
  'Failed to fetch',
  'NetworkError when attempting to fetch resource',
  'The Internet connection appears to be offline',
  'Load failed',
  'Network request failed',
]);

const asFailure = (error: unknown): Failure => (typeof error === 'object' && error !== null ? (error as Failure) : {});

function isThrottling(failure: Failure): boolean {
  return failure.$metadata?.httpStatusCode === 429 || THROTTLING_NAMES.has(failure.name ?? '') || failure.$retryable?.throttling === true;
}

function isTransient(error: unknown, depth = 0): boolean {
  const failure = asFailure(error);
  if (failure.name === 'AbortError') return false;
  return (
    failure.$retryable !== undefined ||
    failure.$metadata?.clockSkewCorrected === true ||
    (failure.name === 'InvalidSignatureException' && String(failure.message).includes('Signature expired')) ||
    TIMEOUT_NAMES.has(failure.name ?? '') ||
    NETWORK_CODES.has(failure.code ?? '') ||
    TRANSIENT_STATUSES.has(failure.$metadata?.httpStatusCode ?? 0) ||
    (error instanceof TypeError && FETCH_FAILURES.has(error.message)) ||
    (failure.code === 'ERR_HTTP2_STREAM_ERROR' && String(failure.message).includes('NGHTTP2_REFUSED_STREAM')) ||
    (failure.cause !== undefined && depth <= 10 && isTransient(failure.cause, depth + 1))
  );
}

function kindOf(error: unknown): RetryErrorType {
  const failure = asFailure(error);
  if (isThrottling(failure)) return 'THROTTLING';
  if (isTransient(error)) return 'TRANSIENT';
  const status = failure.$metadata?.httpStatusCode;
  return status !== undefined && status >= 500 && status <= 599 ? 'SERVER_ERROR' : 'CLIENT_ERROR';
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const IMF_FIXDATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{1,2}:\d{2}:\d{2}(?:\.\d+)? GMT$/;
const RFC_850 = /^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, (\d{2})-([A-Z][a-z]{2})-(\d{2}) (\d{1,2}):(\d{2}):(\d{2})(?:\.\d+)? GMT$/;

/** An HTTP date (IMF-fixdate, or the obsolete RFC 850 form with its two-digit year) in ms; NaN for others. */
function httpDate(value: string, now: number): number {
  if (IMF_FIXDATE.test(value)) return Date.parse(value);
  const match = RFC_850.exec(value);
  const month = match ? MONTHS.indexOf(match[2] as string) : -1;
  if (!match || month < 0) return Number.NaN;
  const [day, shortYear, hours, minutes, seconds] = [match[1], match[3], match[4], match[5], match[6]].map(Number) as number[];
  // A two-digit year more than 50 years ahead is read as the century before.
  const time = (year: number) => Date.UTC(year, month, day, hours, minutes, seconds);
  const thisCentury = time(Math.floor(new Date(now).getUTCFullYear() / 100) * 100 + (shortYear as number));
  return thisCentury - now > 50 * 365.25 * 86_400_000 ? time(new Date(thisCentury).getUTCFullYear() - 100) : thisCentury;
}

/** `Retry-After` as a point in time: seconds from now, an HTTP date, or a later date in another form. */
function retryAfter(value: string, now: number): Date | undefined {
  let seconds = Number.NaN;
  if (value.endsWith('GMT')) {
    seconds = (httpDate(value, now) - now) / 1000;
  } else if (/ GMT, \d+(\.\d+)?$/.test(value)) {
    seconds = Number(/ GMT, ([\d.]+)$/.exec(value)?.[1]);
  } else if (/^\d+(\.\d+)?$/.test(value)) {
    seconds = Number(value);
  } else if (Date.parse(value) >= now) {
    seconds = (Date.parse(value) - now) / 1000;
  }
  return Number.isNaN(seconds) ? undefined : new Date(now + seconds * 1000);
}

/** The answer's hint of when to try again, if it gave one. */
function retryHint(failure: Failure): Date | undefined {
  const headers = failure.$response?.headers ?? {};
  const now = Date.now();
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (lower === 'retry-after') return retryAfter(value, now);
    if (lower === 'x-amz-retry-after') return Number.isNaN(Number(value)) ? undefined : new Date(now + Number(value));
  }
  return undefined;
}

/** What the retry strategy is told of a failed attempt. */
export function failureInfo(error: unknown): RetryErrorInfo {
  const hint = retryHint(asFailure(error));
  return { error: error as RetryErrorInfo['error'], errorType: kindOf(error), ...(hint ? { retryAfterHint: hint } : {}) };
}
