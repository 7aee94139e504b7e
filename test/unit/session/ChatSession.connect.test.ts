import { IllegalStateException, ChatServiceError } from '../../../src/errors';
import { accessDenied, connectCustomer, customerHarness, flush } from '../../support/fakes/sessionHarness';

describe('customer session: connecting', () => {
  it('exchanges the participant token, opens its own socket and resolves once it is up', async () => {
    const h = customerHarness();
    const established = jest.fn();
    h.session.onConnectionEstablished(established);
    const pending = h.session.connect({ metadata: { tag: 1 } });
    await flush();
    expect(h.client.createParticipantConnection).toHaveBeenCalledWith('pt-secret', {
      type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'],
      connectParticipant: undefined,
    });
    expect(h.manager.topics).toEqual(['aws/chat']);
    expect(h.manager.initCalls).toBe(1);
    // The manager's first transport call reuses the URL from connect() instead of a second request.
    await expect(h.manager.transport?.()).resolves.toEqual({
      webSocketTransport: { url: 'ws://127.0.0.1:9/ws/1', expiry: expect.any(String), transportLifeTimeInSeconds: 3540 },
    });
    expect(h.client.createParticipantConnection).toHaveBeenCalledTimes(1);
    h.manager.fire('gain');
    await expect(pending).resolves.toEqual({
      _debug: { websocketStatus: 'Connected' },
      connectSuccess: true,
      connectCalled: true,
      metadata: { tag: 1 },
    });
    await flush();
    expect(established).toHaveBeenCalledTimes(1);
    expect(established.mock.calls[0][0]).toMatchObject({ data: { reconnected: false }, chatDetails: { contactId: 'c-1' } });
  });

  it('returns the same result to a second connect() and the same promise while connecting', async () => {
    const h = customerHarness();
    const first = h.session.connect();
    const concurrent = h.session.connect();
    expect(concurrent).toBe(first);
    await flush();
    h.manager.fire('gain');
    const result = await first;
    await expect(h.session.connect()).resolves.toBe(result);
    expect(h.client.createParticipantConnection).toHaveBeenCalledTimes(1);
  });

  it('reports a lost link with its reason and fires established once when it is back', async () => {
    const h = customerHarness();
    await connectCustomer(h);
    const lost = jest.fn();
    const established = jest.fn();
    h.session.onConnectionLost(lost);
    h.session.onConnectionEstablished(established);
    h.manager.fire('lost', { code: 1006, reason: 'abnormal closure' });
    h.manager.fire('lost', { code: 1006, reason: 'again' });
    h.manager.fire('gain');
    h.manager.fire('gain');
    await flush();
    expect(lost).toHaveBeenCalledTimes(1);
    expect(lost.mock.calls[0][0].data).toEqual({ code: 1006, reason: 'abnormal closure' });
    expect(established).toHaveBeenCalledTimes(1);
    expect(established.mock.calls[0][0].data).toEqual({ reconnected: true });
  });

  it('fetches a fresh connection for later transport calls', async () => {
    const h = customerHarness();
    await connectCustomer(h);
    await h.manager.transport?.();
    const second = await h.manager.transport?.();
    expect(second?.webSocketTransport.url).toBe('ws://127.0.0.1:9/ws/2');
    expect(h.session.getChatDetails().connectionDetails?.connectionToken).toBe('conn-token-2');
  });

  it('connect() asks for the retrying client; the manager\'s later fetches for the single-try one', async () => {
    const h = customerHarness();
    await connectCustomer(h);
    const atConnect = h.client.uses.length;
    expect(atConnect).toBeGreaterThan(0);
    expect(h.client.uses).toEqual(h.client.uses.map(() => 'default'));
    await h.manager.transport?.();
    await h.manager.transport?.();
    // The manager's reconnect schedule is the retry: each of its fetches is one request, not five.
    expect(h.client.uses.slice(atConnect)).toEqual(['reconnect']);
  });

  it('reports a broken link, and connect() afterwards connects again', async () => {
    const h = customerHarness();
    await connectCustomer(h);
    const broken = jest.fn();
    h.session.onConnectionBroken(broken);
    h.manager.fire('initFailure', { reason: 'gave up' });
    await flush();
    expect(broken).toHaveBeenCalledTimes(1);
    expect(broken.mock.calls[0][0].data).toEqual({ reason: 'gave up' });
    expect(h.controller.getState()).toBe('broken');
    expect(h.managersCreated[0].closed).toBe(1);

    const again = h.session.connect();
    await flush();
    expect(h.managersCreated).toHaveLength(2);
    h.manager.fire('gain');
    await expect(again).resolves.toMatchObject({ connectSuccess: true });
    expect(h.controller.getState()).toBe('connected');
  });

  it('rejects connect() with the service error and can be retried', async () => {
    const h = customerHarness();
    h.client.createParticipantConnection.mockRejectedValueOnce(
      new ChatServiceError({ type: 'InternalServerException', message: 'oops', statusCode: 500 }),
    );
    await expect(h.session.connect()).rejects.toMatchObject({ type: 'InternalServerException', statusCode: 500 });
    expect(h.controller.getState()).toBe('broken');
    const retry = h.session.connect();
    await flush();
    h.manager.fire('gain');
    await expect(retry).resolves.toMatchObject({ connectSuccess: true });
  });

  it('ends the session when the service refuses to reconnect (403)', async () => {
    const h = customerHarness();
    await connectCustomer(h);
    const ended = jest.fn();
    const message = jest.fn();
    h.session.onEnded(ended);
    h.session.onMessage(message);
    await h.manager.transport?.();
    h.client.createParticipantConnection.mockRejectedValueOnce(accessDenied());
    await expect(h.manager.transport?.()).rejects.toMatchObject({ terminal: true, statusCode: 403 });
    await flush();
    expect(message.mock.calls[0][0].data.ContentType).toBe('application/vnd.amazonaws.connect.event.chat.ended');
    expect(ended).toHaveBeenCalledWith({ chatDetails: expect.any(Object), data: null }, 'CHAT_ENDED', expect.any(Object));
    expect(h.controller.getState()).toBe('ended');
  });

  it('rejects calls made before connect() with upstream’s message', async () => {
    const h = customerHarness();
    const error = await h.session.sendMessage({ message: 'hi' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IllegalStateException);
    expect((error as Error).message).toBe('Failed to call sendMessage, No active connection');
    await expect(h.session.getTranscript()).rejects.toThrow('Failed to call getTranscript, No active connection');
    await expect(h.session.describeView({ viewToken: 'v' })).rejects.toBeInstanceOf(IllegalStateException);
    expect(h.client.sendMessage).not.toHaveBeenCalled();
  });

  it('renews the connection token a minute before it expires, and retries a failed renewal soon', async () => {
    jest.useFakeTimers();
    try {
      const h = customerHarness();
      await connectCustomer(h);
      expect(h.client.createParticipantConnection).toHaveBeenCalledTimes(1);
      h.client.createParticipantConnection.mockRejectedValueOnce(new ChatServiceError({ type: 'NetworkError', message: 'down', retryable: true }));
      await jest.advanceTimersByTimeAsync(86_400_000 - 60_000);
      expect(h.client.createParticipantConnection).toHaveBeenCalledTimes(2);
      await jest.advanceTimersByTimeAsync(3_000);
      expect(h.client.createParticipantConnection).toHaveBeenCalledTimes(3);
      expect(h.session.getChatDetails().connectionDetails?.connectionToken).toBe('conn-token-2');
    } finally {
      jest.useRealTimers();
    }
  });
});
