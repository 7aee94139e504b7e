import { LogManager } from '../../../src/log/logManager';
import { redactString, redactValue, REDACTED } from '../../../src/log/redact';
import type { ChatLogger } from '../../../src/types';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwYXJ0aWNpcGFudCJ9.c2lnbmF0dXJlLXNlY3JldA';
const OPAQUE = 'QVFJREFIaGVsbG8td29ybGQtdGhpcy1pcy1hLWxvbmctb3BhcXVlLXRva2Vu';
const PRESIGNED =
  'https://bucket.s3.amazonaws.com/file.png?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20240101' +
  '&X-Amz-Security-Token=SECSECSEC&X-Amz-Signature=abcdef0123456789&X-Amz-Expires=300';
const WSS = 'wss://edge.example/connect?sig=WSSIGSECRET&token=WSTOKENSECRET&contactId=c-1';
const SECRETS = [JWT, OPAQUE, 'AKIAEXAMPLE', 'SECSECSEC', 'abcdef0123456789', 'WSSIGSECRET', 'WSTOKENSECRET', 'BEARERSECRET'];

/** One argument list holding every kind of secret, in objects, nested objects, errors and text. */
function argumentsWithSecrets(): unknown[] {
  const request: Record<string, unknown> = {
    ParticipantToken: OPAQUE,
    headers: { 'X-Amz-Bearer': 'BEARERSECRET', Authorization: `Bearer ${JWT}` },
    details: { connectionToken: JWT, url: PRESIGNED, websocket: { url: WSS } },
  };
  request.parent = request; // cycles must not break redaction
  const failure = new Error(`upload to ${PRESIGNED} failed`);
  return [
    'calling with',
    request,
    failure,
    `text {"participantToken":"${OPAQUE}"} and ConnectionToken=${JWT}`,
    [{ token: OPAQUE }],
  ];
}

const LEVELS = ['debug', 'info', 'warn', 'error', 'advancedLog'] as const;

function expectNoSecrets(text: string): void {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
  expect(text).toContain(REDACTED);
}

describe('LogManager redaction', () => {
  let manager: LogManager;
  beforeEach(() => {
    manager = new LogManager();
  });
  afterEach(() => jest.restoreAllMocks());

  it.each(LEVELS)('removes every token from console lines at %s', (level) => {
    const written: string[] = [];
    const capture = (line?: unknown): void => {
      written.push(String(line));
    };
    jest.spyOn(console, 'debug').mockImplementation(capture);
    jest.spyOn(console, 'info').mockImplementation(capture);
    jest.spyOn(console, 'warn').mockImplementation(capture);
    jest.spyOn(console, 'error').mockImplementation(capture);
    jest.spyOn(console, 'log').mockImplementation(capture);
    manager.updateLoggerConfig({ useDefaultLogger: true, level: 10 });
    manager.getLogger({ prefix: 'ChatJS-Test' })[level](...argumentsWithSecrets());
    expect(written).toHaveLength(1);
    expectNoSecrets(written[0]);
    expect(written[0]).toContain('X-Amz-Algorithm=AWS4-HMAC-SHA256'); // the rest of the URL stays readable
  });

  it.each(LEVELS)('removes every token from custom-logger lines at %s', (level) => {
    const written: string[] = [];
    const record = (line: unknown): void => {
      written.push(String(line));
    };
    const custom: ChatLogger = { debug: record, info: record, warn: record, error: record };
    manager.updateLoggerConfig({ customizedLogger: custom, level: 10 });
    manager.getLogger({ prefix: 'ChatJS-Test' })[level](...argumentsWithSecrets());
    expect(written).toHaveLength(1);
    expectNoSecrets(written[0]);
    expect(written[0]).toContain('contactId=c-1');
  });

  it('redacts logger metadata too', () => {
    const info = jest.fn();
    manager.updateLoggerConfig({ customizedLogger: { info } });
    const metadata = { contactId: 'c-1', participantToken: OPAQUE } as unknown as { contactId: string };
    manager.getLogger({ prefix: 'P', metadata }).info('x');
    expect(String(info.mock.calls[0][0])).not.toContain(OPAQUE);
    expect(String(info.mock.calls[0][0])).toContain('"contactId":"c-1"');
  });

  it('leaves the caller\'s objects untouched', () => {
    const [, request] = argumentsWithSecrets() as [string, Record<string, unknown>];
    redactValue(request);
    expect(request.ParticipantToken).toBe(OPAQUE);
  });
});

describe('redactValue', () => {
  it('redacts secret keys in any case and spelling, deep inside objects and arrays', () => {
    const result = redactValue({
      a: [{ participantToken: 'x1' }, { PARTICIPANTTOKEN: 'x2' }],
      b: { connection_token: 'x3', token: 'x4', 'x-amz-bearer': 'x5', authorization: 'x6' },
    });
    expect(JSON.stringify(result)).not.toMatch(/x[1-6]/);
  });

  it('keeps missing tokens visible and does not touch unrelated keys', () => {
    const result = redactValue({ participantToken: null, connectionToken: '', contactId: 'c-1', clientToken: 'uuid-1' });
    expect(result).toEqual({ participantToken: null, connectionToken: '', contactId: 'c-1', clientToken: 'uuid-1' });
  });

  it('walks into objects held under a secret key', () => {
    const result = redactValue({ token: { chatTokenTransport: { participantToken: 'deep', expiry: '2030' } } });
    expect(result).toEqual({ token: { chatTokenTransport: { participantToken: REDACTED, expiry: '2030' } } });
  });

  it('keeps errors as errors with redacted message, stack and fields', () => {
    const failure = Object.assign(new Error('token=abc rejected'), { connectionToken: 'tok' });
    const result = redactValue(failure) as Error & { connectionToken: string };
    expect(result).toBeInstanceOf(Error);
    expect(result.message).toBe(`token=abc rejected`); // bare `token` in prose is not a URL parameter
    expect(result.connectionToken).toBe(REDACTED);
  });
});

describe('redactString', () => {
  it.each([
    ['X-Amz-Signature', 'https://h/p?X-Amz-Signature=s3cr3t&a=1', 'https://h/p?X-Amz-Signature=[redacted]&a=1'],
    ['X-Amz-Credential', 'https://h/p?a=1&x-amz-credential=AK%2Fx', 'https://h/p?a=1&x-amz-credential=[redacted]'],
    ['X-Amz-Security-Token', 'https://h/p?X-Amz-Security-Token=t0k', 'https://h/p?X-Amz-Security-Token=[redacted]'],
    ['sig', 'wss://h/c?sig=abc', 'wss://h/c?sig=[redacted]'],
    ['signature', 'https://h/c?signature=abc#frag', 'https://h/c?signature=[redacted]#frag'],
    ['token', 'wss://h/c?a=b&token=abc', 'wss://h/c?a=b&token=[redacted]'],
    ['encoded URL inside a URL', 'https://a/?next=https%3A%2F%2Fb%2F%3Fsig%3Dabc', 'https://a/?next=https%3A%2F%2Fb%2F%3Fsig%3D[redacted]'],
  ])('removes %s from URLs', (_name, input, expected) => {
    expect(redactString(input)).toBe(expected);
  });

  it('removes tokens from JSON text, escaped JSON, headers and bearer values', () => {
    const text = `{"ParticipantToken":"p1"} {\\"connectionToken\\":\\"c1\\"} X-Amz-Bearer: h1 Bearer b1 ${JWT}`;
    const result = redactString(text);
    expect(result).not.toMatch(/p1|c1|h1|b1/);
    expect(result).not.toContain(JWT);
  });

  it('leaves ordinary text alone', () => {
    const text = 'GetTranscript returned 15 items for contact c-1 at https://example.com/page?x=1';
    expect(redactString(text)).toBe(text);
  });
});

describe('log redaction of websocket tickets', () => {
  it('hides the emulator ticket in a websocket URL', () => {
    const text = redactString('connecting to ws://localhost:8787/ws?ticket=abc123secret&x=1');
    expect(text).not.toContain('abc123secret');
    expect(text).toContain('?ticket=[redacted]&x=1');
  });
});
