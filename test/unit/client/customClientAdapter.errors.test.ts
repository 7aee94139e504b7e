/**
 * @jest-environment node
 */
// The custom-client adapter on its own: what a client's rejections and odd answers become, and which calls
// it tries again. (Node environment: the adapter imports the client module, which loads the AWS SDK.)
import { ChatClient, unimplementedMethods } from '../../../src/client/chatClient';
import { CLIENT_HELD_TOKEN, CustomClientAdapter, toCustomClientError } from '../../../src/client/customClientAdapter';
import { ParticipantRetryStrategy } from '../../../src/client/retryStrategy';
import { ChatServiceError, UnImplementedMethodException } from '../../../src/errors';
import { silentLogger } from '../../../src/log/logger';
import type { ChatClientLike } from '../../../src/types';

describe('toCustomClientError', () => {
  it.each([
    ['upstream’s throttling object', { type: 'ThrottlingException', message: 'slow', statusCode: 429 }, { type: 'ThrottlingException', statusCode: 429, retryable: true }],
    ['upstream’s 5xx object', { type: 'InternalServerException', message: 'x', statusCode: 503 }, { type: 'InternalServerException', statusCode: 503, retryable: true }],
    ['upstream’s 403 object', { type: 'AccessDeniedException', message: 'no', statusCode: 403 }, { type: 'AccessDeniedException', statusCode: 403, retryable: false }],
    ['a fetch failure', new TypeError('Failed to fetch'), { type: 'NetworkError', retryable: true }],
    ['an AWS SDK error', Object.assign(new Error('bad'), { name: 'ValidationException', $metadata: { httpStatusCode: 400 } }), { type: 'ValidationException', statusCode: 400, retryable: false }],
    ['a string', 'proxy said no', { type: 'UnknownError', message: 'proxy said no', retryable: false }],
  ])('reads %s', (_what, thrown, expected) => {
    const error = toCustomClientError(thrown);
    expect(error).toBeInstanceOf(ChatServiceError);
    expect(error).toMatchObject(expected);
  });

  it('keeps ChatServiceError and UnImplementedMethodException as they are, and the original as cause', () => {
    const service = new ChatServiceError({ type: 'X', message: 'y' });
    const missing = new UnImplementedMethodException('no');
    expect(toCustomClientError(service)).toBe(service);
    expect(toCustomClientError(missing)).toBe(missing);
    const raw = { type: 'ConflictException', message: 'dup', statusCode: 409 };
    expect((toCustomClientError(raw) as ChatServiceError).cause).toBe(raw);
  });
});

describe('CustomClientAdapter', () => {
  const once = (client: Partial<ChatClientLike>) => new CustomClientAdapter(client as ChatClientLike, silentLogger, null);

  it('refuses an answer without { data }, naming the method', async () => {
    const adapter = once({ sendMessage: (() => Promise.resolve({ Id: 'm' })) as unknown as ChatClientLike['sendMessage'] });
    await expect(adapter.sendMessage('t', { content: 'x', contentType: 'text/plain' })).rejects.toMatchObject({
      type: 'InvalidResponse',
      message: 'customChatClient.sendMessage must resolve { data }',
    });
  });

  it('turns a synchronous throw into a rejection of the call', async () => {
    const adapter = once({
      sendEvent: () => {
        throw { type: 'ValidationException', message: 'bad content type', statusCode: 400 };
      },
    });
    await expect(adapter.sendEvent('t', { contentType: 'x' })).rejects.toMatchObject({ type: 'ValidationException', statusCode: 400 });
  });

  it('maps the held-token placeholder to null and passes real tokens through; the argument order is the contract’s', async () => {
    const describeView = jest.fn(async () => ({ data: { View: { Id: 'v' } } }));
    const getAuthenticationUrl = jest.fn(async () => ({ data: { AuthenticationUrl: 'https://a' } }));
    const adapter = once({ describeView, getAuthenticationUrl });
    await adapter.describeView(CLIENT_HELD_TOKEN, 'view-token');
    await adapter.getAuthenticationUrl('ct-1', { sessionId: 's-1', redirectUri: 'https://r' });
    expect(describeView).toHaveBeenCalledWith('view-token', null);
    expect(getAuthenticationUrl).toHaveBeenCalledWith('ct-1', 'https://r', 's-1');
  });

  it('a connection answer without credentials (and with a websocket URL) runs on the placeholder token', async () => {
    const adapter = once({ createParticipantConnection: async () => ({ data: { Websocket: { Url: 'wss://relay' } } }) });
    const out = await adapter.createParticipantConnection(null, { type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'] });
    expect(out.ConnectionCredentials?.ConnectionToken).toBe(CLIENT_HELD_TOKEN);
    expect(out.Websocket?.Url).toBe('wss://relay');
  });

  it('tries a retrying adapter 3 times, spending the retry quota, and a single-try adapter once', async () => {
    jest.useFakeTimers();
    try {
      const failing = jest.fn(async () => Promise.reject({ type: 'InternalServerException', message: 'down', statusCode: 500 }));
      const strategy = new ParticipantRetryStrategy({ random: () => 0 });
      const retrying = new CustomClientAdapter({ getTranscript: failing } as unknown as ChatClientLike, silentLogger, strategy);
      const request = { maxResults: 15, scanDirection: 'BACKWARD' as const, sortOrder: 'ASCENDING' as const };
      const settled = (p: Promise<unknown>) => p.then(() => 'resolved', (e: ChatServiceError) => e.type);
      const first = settled(retrying.getTranscript('t', request));
      await jest.advanceTimersByTimeAsync(1_000);
      expect(await first).toBe('InternalServerException');
      expect(failing).toHaveBeenCalledTimes(3);
      expect(strategy.quota).toBe(500 - 2 * 14);

      failing.mockClear();
      await expect(once({ getTranscript: failing }).getTranscript('t', request)).rejects.toMatchObject({ type: 'InternalServerException' });
      expect(failing).toHaveBeenCalledTimes(1);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('unimplementedMethods', () => {
  it('counts an inherited stub and a missing method alike, split by how much a chat needs them', () => {
    class Partial extends ChatClient {
      override sendMessage() {
        return Promise.resolve({ data: { Id: 'm', AbsoluteTime: 't' } });
      }
    }
    const result = unimplementedMethods(new Partial());
    expect(result.core).toEqual(['createParticipantConnection', 'disconnectParticipant', 'sendEvent', 'getTranscript']);
    expect(result.features).toHaveLength(6);
    expect(unimplementedMethods({} as ChatClientLike).core).toHaveLength(5);
  });
});
