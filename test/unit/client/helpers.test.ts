// Pure helpers of the client: error normalisation of odd throwables, retry delays, UUIDs, the version.
import { readFileSync } from 'fs';
import { join } from 'path';
import { isRetryableError, toChatServiceError } from '../../../src/client/errors';
import { ParticipantRetryStrategy, retryDelayMs } from '../../../src/client/retryStrategy';
import { uuidFromBytes, uuidV4 } from '../../../src/util/uuid';
import { ChatServiceError } from '../../../src/errors';
import { VERSION } from '../../../src/version';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

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

describe('retryDelayMs', () => {
  const throttled = { errorType: 'THROTTLING' as const };
  const transient = { errorType: 'TRANSIENT' as const };

  it('doubles the jitter window per retry from 100 ms (500 ms for throttling)', () => {
    const top = { random: () => 1 };
    expect([0, 1, 2].map((n) => retryDelayMs(n, transient, top))).toEqual([100, 200, 400]);
    expect([0, 1, 2].map((n) => retryDelayMs(n, throttled, top))).toEqual([500, 1000, 2000]);
    expect(retryDelayMs(3, transient, { random: () => 0.5 })).toBe(400);
  });

  it('never exceeds maxDelayMs, a Retry-After hint included', () => {
    expect(retryDelayMs(20, throttled, { random: () => 1 })).toBe(20_000);
    const hint = { ...throttled, retryAfterHint: new Date(1_000_000 + 60_000) };
    expect(retryDelayMs(0, hint, { random: () => 0 }, 1_000_000)).toBe(20_000);
  });

  it('waits at least as long as Retry-After asks', () => {
    const hint = { ...throttled, retryAfterHint: new Date(1_000_000 + 3_000) };
    expect(retryDelayMs(0, hint, { random: () => 0 }, 1_000_000)).toBe(3_000);
  });
});

describe('ParticipantRetryStrategy', () => {
  it('refuses once maxAttempts is reached or the error is a client error', async () => {
    const strategy = new ParticipantRetryStrategy({ maxAttempts: 2, baseDelayMs: 0 });
    const first = await strategy.acquireInitialRetryToken();
    const second = await strategy.refreshRetryTokenForRetry(first, { errorType: 'TRANSIENT' });
    expect(second.getRetryCount()).toBe(1);
    await expect(strategy.refreshRetryTokenForRetry(second, { errorType: 'TRANSIENT' })).rejects.toThrow();
    await expect(strategy.refreshRetryTokenForRetry(first, { errorType: 'CLIENT_ERROR' })).rejects.toThrow();
  });

  it('retries a fetch TypeError the SDK does not recognise', async () => {
    const strategy = new ParticipantRetryStrategy({ baseDelayMs: 0 });
    const first = await strategy.acquireInitialRetryToken();
    const next = await strategy.refreshRetryTokenForRetry(first, {
      errorType: 'CLIENT_ERROR',
      error: Object.assign(new TypeError('cancelled'), { $metadata: {} }),
    });
    expect(next.getRetryCount()).toBe(1);
  });
});

describe('uuidV4', () => {
  it('returns v4 UUIDs', () => {
    expect(uuidV4()).toMatch(UUID);
    expect(uuidV4()).not.toBe(uuidV4());
  });

  it('falls back to getRandomValues when randomUUID is missing', () => {
    const original = globalThis.crypto;
    const getRandomValues = <T extends ArrayBufferView | null>(array: T): T => {
      new Uint8Array((array as ArrayBufferView).buffer).fill(0xff);
      return array;
    };
    Object.defineProperty(globalThis, 'crypto', { value: { getRandomValues }, configurable: true });
    try {
      expect(uuidV4()).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    } finally {
      Object.defineProperty(globalThis, 'crypto', { value: original, configurable: true });
    }
  });

  it('sets the version and variant bits', () => {
    expect(uuidFromBytes(new Uint8Array(16))).toBe('00000000-0000-4000-8000-000000000000');
  });
});

describe('VERSION', () => {
  it("equals package.json's version", () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });
});
