import { ChatServiceError } from '../../src/errors';

describe('ChatServiceError serialization', () => {
  const make = (): ChatServiceError =>
    new ChatServiceError({
      type: 'AccessDeniedException',
      message: 'Access denied',
      statusCode: 403,
      requestId: 'req-1',
      cause: { $response: { body: 'raw' } },
    }).withMetadata({ attempt: 1 });

  it('JSON.stringify carries upstream keys in upstream order, message included, and no cause', () => {
    const parsed = JSON.parse(JSON.stringify(make())) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['type', 'message', 'stack', 'statusCode', 'metadata', 'requestId', 'retryable']);
    expect(parsed).toMatchObject({ type: 'AccessDeniedException', message: 'Access denied', statusCode: 403, metadata: { attempt: 1 } });
    expect(typeof parsed.stack).toBe('string');
  });

  it('spreads to a plain object with the same fields and stays an Error with a string stack', () => {
    const error = make();
    const spread = { ...error };
    expect(spread).toMatchObject({ type: 'AccessDeniedException', message: 'Access denied', statusCode: 403, metadata: { attempt: 1 } });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ChatServiceError');
    expect(Object.keys(error)).not.toContain('name');
    expect(error.stack).toContain('Access denied');
    expect(error.cause).toEqual({ $response: { body: 'raw' } });
  });

  it('withMetadata keeps the original stack, cause and request id', () => {
    const original = new ChatServiceError({ type: 'ThrottlingException', message: 'slow down', statusCode: 429, retryable: true, cause: 'c' });
    const copy = original.withMetadata('m');
    expect(copy.stack).toBe(original.stack);
    expect(copy.cause).toBe('c');
    expect(copy.retryable).toBe(true);
    expect(copy.metadata).toBe('m');
  });
});
