// Error normalisation of the client: odd throwables become ChatServiceErrors, and which are retryable.
import { isRetryableError, toChatServiceError } from '../../../src/client/errors';
import { ChatServiceError } from '../../../src/errors';

describe('toChatServiceError', () => {
  it('passes a ChatServiceError through', () => {
    const error = new ChatServiceError({ type: 'X', message: 'm' });
    expect(toChatServiceError(error)).toBe(error);
  });

  it('wraps a thrown string or plain object in an Error', () => {
    const fromString = toChatServiceError('boom');
    expect(fromString).toBeInstanceOf(ChatServiceError);
    expect(fromString).toMatchObject({ type: 'UnknownError', message: 'boom', retryable: false, cause: 'boom' });
    expect(toChatServiceError({ message: 'obj' })).toMatchObject({ type: 'UnknownError', message: 'obj' });
    expect(toChatServiceError(undefined).message).toBe('Participant Service call failed');
  });

  it('keeps the status of a non-JSON answer the SDK could not parse, and retries it when 5xx', () => {
    const parseError = Object.assign(new SyntaxError('Unexpected token <'), { $response: { statusCode: 502 } });
    expect(toChatServiceError(parseError)).toMatchObject({ type: 'SyntaxError', statusCode: 502, retryable: true });
  });

  it('reports an abort as AbortError, not retryable', () => {
    const abort = Object.assign(new Error('Request aborted'), { name: 'AbortError' });
    expect(toChatServiceError(abort)).toMatchObject({ type: 'AbortError', retryable: false });
  });

  it('treats timeouts as network errors', () => {
    const timeout = Object.assign(new Error('timed out'), { name: 'TimeoutError' });
    expect(toChatServiceError(timeout)).toMatchObject({ type: 'NetworkError', retryable: true });
  });

  it('classifies throttling names as retryable even without a status', () => {
    expect(isRetryableError(Object.assign(new Error('x'), { name: 'TooManyRequestsException' }))).toBe(true);
    expect(isRetryableError(new RangeError('bug'))).toBe(false);
  });
});

describe('socket failures the AWS SDK wrapped', () => {
  it('are network errors, retryable', () => {
    const wrapped = Object.assign(new Error('AWS SDK error wrapper for TimeoutError: socket hang up'), { $metadata: { attempts: 1 } });
    expect(toChatServiceError(wrapped)).toMatchObject({ type: 'NetworkError', retryable: true });
    expect(isRetryableError(new Error('AWS SDK error wrapper for Error: read ECONNRESET'))).toBe(true);
    expect(isRetryableError(new Error('AWS SDK error wrapper for RangeError: bad'))).toBe(false);
  });
});
