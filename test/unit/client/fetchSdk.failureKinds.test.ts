/**
 * @jest-environment node
 */
// How the browser builds' client sorts a failed attempt (src/client/fetchSdk/failureKinds.ts), side by side
// with the AWS SDK's classification and Retry-After reading that its retry middleware applies.
import { getRetryAfterHint, isServerError, isThrottlingError, isTransientError } from '@smithy/core/retry';
import { failureInfo } from '../../../src/client/fetchSdk/failureKinds';

type Failure = Error & Record<string, unknown>;

const failure = (name: string, fields: Record<string, unknown> = {}): Failure => Object.assign(new Error('x'), { name }, fields) as Failure;
const answered = (status: number, headers: Record<string, string> = {}, name = 'Unknown') =>
  failure(name, { $metadata: { httpStatusCode: status }, $response: { statusCode: status, headers } });

function sdkKind(error: Failure): string {
  if (isThrottlingError(error)) return 'THROTTLING';
  if (isTransientError(error)) return 'TRANSIENT';
  return isServerError(error) ? 'SERVER_ERROR' : 'CLIENT_ERROR';
}

const NOW = Date.parse('2026-12-07T00:00:00Z');

describe('failure kinds, side by side with the AWS SDK', () => {
  beforeEach(() => jest.useFakeTimers({ now: NOW }));
  afterEach(() => jest.useRealTimers());

  it.each<[string, Failure]>([
    ['429', answered(429)],
    ['a throttling name', failure('ThrottlingException')],
    ['a proxy throttling name', failure('SlowDown')],
    ['a throttling trait', failure('X', { $retryable: { throttling: true } })],
    ['a retryable trait', failure('X', { $retryable: {} })],
    ['500', answered(500)],
    ['503', answered(503)],
    ['501', answered(501)],
    ['505', answered(505)],
    ['403', answered(403, {}, 'AccessDeniedException')],
    ['400', answered(400, {}, 'ValidationException')],
    ['fetch failure (Chromium)', new TypeError('Failed to fetch') as Failure],
    ['fetch failure (Firefox)', new TypeError('NetworkError when attempting to fetch resource.') as Failure],
    ['another TypeError', new TypeError('x is not a function') as Failure],
    ['a socket reset', failure('Error', { code: 'ECONNRESET' })],
    ['DNS', failure('Error', { code: 'ENOTFOUND' })],
    ['a timeout', failure('TimeoutError')],
    ['an abort', failure('AbortError', { $retryable: {} })],
    ['a transient cause', failure('Error', { cause: failure('Error', { code: 'EPIPE' }) })],
    ['a clock skew correction', failure('X', { $metadata: { clockSkewCorrected: true } })],
    ['an HTTP/2 refused stream', Object.assign(new Error('NGHTTP2_REFUSED_STREAM'), { code: 'ERR_HTTP2_STREAM_ERROR' }) as unknown as Failure],
  ])('%s', (_name, error) => {
    expect(failureInfo(error).errorType).toBe(sdkKind(error));
  });

  it.each([
    ['seconds', { 'Retry-After': '3' }],
    ['fractional seconds', { 'retry-after': '1.5' }],
    ['an HTTP date', { 'retry-after': 'Mon, 07 Dec 2026 00:00:09 GMT' }],
    ['an obsolete RFC 850 date', { 'retry-after': 'Monday, 07-Dec-26 00:00:09 GMT' }],
    ['an RFC 850 date read as last century', { 'retry-after': 'Sunday, 06-Nov-94 08:49:37 GMT' }],
    ['an HTTP date that is no date (no hint)', { 'retry-after': 'Mon, 07 Foo 2026 00:00:09 GMT' }],
    ['a date and seconds', { 'retry-after': 'Mon, 07 Dec 2026 00:00:09 GMT, 4' }],
    ['a later date in another form', { 'retry-after': '2026-12-07T00:00:05Z' }],
    ['an earlier date in another form (no hint)', { 'retry-after': '2026-12-06T00:00:05Z' }],
    ['garbage (no hint)', { 'retry-after': 'soon' }],
    ['x-amz-retry-after in ms', { 'x-amz-retry-after': '250' }],
    ['no header', {}],
  ])('reads the retry hint of %s as the SDK does', (_name, headers) => {
    const error = answered(503, headers);
    const expected = getRetryAfterHint(error.$response as never);
    expect(failureInfo(error).retryAfterHint).toEqual(expected);
  });
});
