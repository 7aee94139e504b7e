/**
 * @jest-environment node
 */
// Failures reject with ChatServiceError (type, message, statusCode, requestId, retryable, cause), and
// throttling, 5xx and network failures are retried with the same ClientToken. (Node environment: see the
// wire test.)
import { ParticipantClient } from '../../../src/client/participantClient';
import { ChatServiceError } from '../../../src/errors';
import { FakeParticipantService, headerError, serviceError } from '../../support/fakes/fakeParticipantService';

const noDelay = { baseDelayMs: 0, throttlingBaseDelayMs: 0 };

const makeClient = (fake: FakeParticipantService, retry: object = noDelay) =>
  new ParticipantClient({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9100', requestHandler: fake.handler, retry });

const send = (client: ParticipantClient) => client.sendMessage('ct-1', { content: 'hi', contentType: 'text/plain' });

const rejection = async (promise: Promise<unknown>): Promise<ChatServiceError> => {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(ChatServiceError);
    return e as ChatServiceError;
  }
  throw new Error('expected a rejection');
};

describe('error normalisation', () => {
  const errors: Array<[string, number, boolean]> = [
    ['AccessDeniedException', 403, false],
    ['ValidationException', 400, false],
    ['ConflictException', 409, false],
    ['ResourceNotFoundException', 404, false],
    ['ServiceQuotaExceededException', 402, false],
    ['ThrottlingException', 429, true],
    ['InternalServerException', 500, true],
  ];

  it.each(errors)('%s named in the body (__type)', async (type, status, retryable) => {
    const fake = new FakeParticipantService().respondWith(() => ({
      ...serviceError(status, type, 'went wrong'),
      headers: { 'x-amzn-requestid': 'rid-42' },
    }));
    const error = await rejection(send(makeClient(fake)));
    expect(error).toMatchObject({ type, message: 'went wrong', statusCode: status, requestId: 'rid-42', retryable });
    expect(error.metadata).toBeNull();
    expect((error.cause as Error).name).toBe(type);
    expect(fake.requests).toHaveLength(retryable ? 3 : 1);
  });

  it.each(errors)('%s named in the x-amzn-ErrorType header', async (type, status, retryable) => {
    const fake = new FakeParticipantService().respondWith(() => headerError(status, type, 'from header'));
    const error = await rejection(send(makeClient(fake)));
    expect(error).toMatchObject({ type, message: 'from header', statusCode: status, retryable });
  });

  it('a network failure becomes NetworkError, retried, with the original as cause', async () => {
    const failure = new TypeError('Failed to fetch');
    const fake = new FakeParticipantService().respondWith(() => failure);
    const error = await rejection(send(makeClient(fake)));
    expect(error).toMatchObject({ type: 'NetworkError', message: 'Failed to fetch', statusCode: undefined, retryable: true });
    expect(error.cause).toBe(failure);
    expect(fake.requests).toHaveLength(3);
  });

  it('a Node socket error (ECONNREFUSED) becomes NetworkError', async () => {
    const failure = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9100'), { code: 'ECONNREFUSED' });
    const fake = new FakeParticipantService().respondWith(() => failure);
    const error = await rejection(send(makeClient(fake, { ...noDelay, maxAttempts: 2 })));
    expect(error.type).toBe('NetworkError');
    expect(fake.requests).toHaveLength(2);
  });

  it('an error without a type keeps the SDK name (Unknown) and the status', async () => {
    const fake = new FakeParticipantService().queue({ status: 403, body: { message: 'Access denied' } });
    const error = await rejection(send(makeClient(fake)));
    expect(error).toMatchObject({ type: 'Unknown', message: 'Access denied', statusCode: 403, retryable: false });
  });

  it('every method rejects with ChatServiceError', async () => {
    const fake = new FakeParticipantService().respondWith(() => serviceError(403, 'AccessDeniedException'));
    const client = makeClient(fake);
    const calls = [
      client.createParticipantConnection('pt'),
      client.disconnectParticipant('ct'),
      client.sendEvent('ct', { contentType: 't' }),
      client.getTranscript('ct', { maxResults: 15, scanDirection: 'BACKWARD', sortOrder: 'ASCENDING' }),
      client.startAttachmentUpload('ct', { attachmentName: 'a', attachmentSizeInBytes: 1, contentType: 'text/plain' }),
      client.completeAttachmentUpload('ct', 'att'),
      client.getAttachment('ct', 'att'),
      client.describeView('ct', 'vt'),
      client.getAuthenticationUrl('ct', { sessionId: 's', redirectUri: 'https://x' }),
      client.cancelParticipantAuthentication('ct', 's'),
    ];
    for (const call of calls) expect((await rejection(call)).type).toBe('AccessDeniedException');
  });
});

describe('retries', () => {
  it('retries a 429 and sends the same ClientToken every time', async () => {
    const fake = new FakeParticipantService().queue(
      serviceError(429, 'ThrottlingException'),
      serviceError(429, 'ThrottlingException'),
      { body: { Id: 'm-1' } },
    );
    const result = await send(makeClient(fake));
    expect(result.Id).toBe('m-1');
    expect(result.$metadata.attempts).toBe(3);
    const tokens = fake.requests.map((r) => r.json.ClientToken);
    expect(tokens).toHaveLength(3);
    expect(new Set(tokens).size).toBe(1);
  });

  it.each([500, 502, 503, 504])('retries HTTP %i', async (status) => {
    const fake = new FakeParticipantService().queue(serviceError(status, 'InternalServerException'), { body: {} });
    const result = await send(makeClient(fake));
    expect(result.$metadata.attempts).toBe(2);
  });

  it('makes 3 attempts in all by default, as the AWS SDK does', async () => {
    const fake = new FakeParticipantService().respondWith(() => serviceError(500, 'InternalServerException'));
    const error = await rejection(send(makeClient(fake)));
    expect(error.type).toBe('InternalServerException');
    expect(fake.requests).toHaveLength(3);
  });

  it.each([501, 505, 507])('does not retry HTTP %i and does not call it retryable', async (status) => {
    const fake = new FakeParticipantService().respondWith(() => serviceError(status, 'NotImplemented'));
    const error = await rejection(send(makeClient(fake)));
    expect(error.retryable).toBe(false);
    expect(fake.requests).toHaveLength(1);
  });

  it('stops retrying once the client\'s retry quota is spent, and refills it on success', async () => {
    let failing = true;
    const fake = new FakeParticipantService().respondWith(() => (failing ? serviceError(503, 'ServiceUnavailable') : { body: {} }));
    const client = makeClient(fake);
    // 500 tokens at 14 per retry: 35 retries, then every call gets one attempt only.
    for (let i = 0; i < 20; i += 1) await rejection(send(client));
    expect(fake.requests).toHaveLength(20 + 35);
    failing = false;
    await send(client);
    failing = true;
    fake.requests.length = 0;
    await rejection(send(client));
    expect(fake.requests).toHaveLength(1);
  });

  it.each([400, 402, 403, 404, 409])('does not retry HTTP %i', async (status) => {
    const fake = new FakeParticipantService().respondWith(() => serviceError(status, 'ValidationException'));
    await rejection(send(makeClient(fake)));
    expect(fake.requests).toHaveLength(1);
  });

  describe('with fake timers', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    it('waits for Retry-After before the next attempt', async () => {
      const fake = new FakeParticipantService().queue(
        { ...serviceError(429, 'ThrottlingException'), headers: { 'Retry-After': '2' } },
        { body: { Id: 'm-1' } },
      );
      const pending = send(makeClient(fake, { random: () => 0 }));
      await jest.advanceTimersByTimeAsync(1900);
      expect(fake.requests).toHaveLength(1);
      await jest.advanceTimersByTimeAsync(200);
      const result = await pending;
      expect(fake.requests).toHaveLength(2);
      expect(result.$metadata.totalRetryDelay).toBeGreaterThanOrEqual(1900);
    });

    it('backs off exponentially with the default bases (throttling 1000 ms, as the AWS SDK)', async () => {
      const fake = new FakeParticipantService().queue(
        serviceError(429, 'ThrottlingException'),
        serviceError(429, 'ThrottlingException'),
        { body: {} },
      );
      // random() = 1 gives the top of each jitter window: 1000 ms, then 2000 ms.
      const pending = send(makeClient(fake, { random: () => 1 }));
      await jest.advanceTimersByTimeAsync(999);
      expect(fake.requests).toHaveLength(1);
      await jest.advanceTimersByTimeAsync(1);
      expect(fake.requests).toHaveLength(2);
      await jest.advanceTimersByTimeAsync(1999);
      expect(fake.requests).toHaveLength(2);
      await jest.advanceTimersByTimeAsync(1);
      await expect(pending).resolves.toMatchObject({ $metadata: { attempts: 3, totalRetryDelay: 3000 } });
    });
  });
});
