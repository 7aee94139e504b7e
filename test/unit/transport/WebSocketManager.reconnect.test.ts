import { WebSocketManager } from '../../../src/transport';
import { advance, FakeSocket, flush, harness, openManager, openSubscribing } from '../../support/fakes/fakeSocket';

beforeEach(() => {
  jest.useFakeTimers();
  FakeSocket.reset();
});
afterEach(() => jest.useRealTimers());

describe('WebSocketManager reconnect', () => {
  it('lost socket → one lost event → backoff → reconnect with re-subscribe → gain', async () => {
    const h = harness();
    const { manager, socket } = await openManager(h);
    const lost = jest.fn();
    const gain = jest.fn();
    const close = jest.fn();
    manager.onConnectionLost(lost);
    manager.onConnectionClose(close);
    manager.onConnectionGain(gain);
    gain.mockClear();
    socket.replyHeartbeat();
    jest.advanceTimersByTime(20_000 - 1);
    socket.replyHeartbeat();
    jest.advanceTimersByTime(1);

    socket.serverClose(1006, 'gone');
    expect(manager.getState()).toBe('waiting');
    expect(lost).toHaveBeenCalledTimes(1);
    expect(lost).toHaveBeenCalledWith({
      openTimestamp: expect.any(Number),
      closeTimestamp: Date.now(),
      connectionDuration: 20_000,
      code: 1006,
      reason: 'gone',
      disconnectReason: 'socket-closed',
      error: expect.any(Error),
    });
    expect(close).toHaveBeenCalledWith(expect.objectContaining({ code: 1006, reason: 'gone', wasClean: false, connectionDuration: 20_000 }));

    await advance(999);
    expect(FakeSocket.instances).toHaveLength(1);
    await advance(1);
    expect(h.transport.calls).toBe(1); // 20 s after the fetch: URL reused
    const next = FakeSocket.last();
    expect(next).not.toBe(socket);
    next.open();
    expect(next.frames()[0]).toEqual({ topic: 'aws/subscribe', content: { topics: ['aws/chat'] } });
    next.ackSubscribe();
    expect(gain).toHaveBeenCalledTimes(1);
    expect(lost).toHaveBeenCalledTimes(1);
  });

  it('fetches a new URL when the last fetch is older than 85 s', async () => {
    const h = harness();
    const { socket } = await openManager(h);
    for (let t = 0; t < 9; t += 1) {
      socket.replyHeartbeat();
      jest.advanceTimersByTime(10_000);
    }
    socket.serverClose();
    await advance(1000);
    expect(h.transport.calls).toBe(2);
    expect(FakeSocket.last().url).toContain('t2');
  });

  it('keeps retrying a rejecting transport function: 1 s, 2 s, then the first minute\'s pace, then recovers', async () => {
    const h = harness();
    h.transport.rejectNext(new TypeError('Failed to fetch'), 4).rejectNext({ statusCode: 500, message: 'boom' }, 4);
    const manager = WebSocketManager.create(h.options);
    const failure = jest.fn();
    manager.onInitFailure(failure);
    await expect(manager.init(h.transport.fn)).resolves.toEqual({ webSocketConnectionFailed: true });
    const expected = [1000, 2000, 2400, 2400, 2400, 2400, 2400, 2400];
    for (const [i, delay] of expected.entries()) {
      expect(manager.getState()).toBe('waiting');
      await advance(delay - 1);
      expect(h.transport.calls).toBe(i + 1);
      await advance(1);
      expect(h.transport.calls).toBe(i + 2);
    }
    expect(manager.getState()).toBe('connecting');
    FakeSocket.last().open();
    expect(manager.getState()).toBe('open'); // no topics
    expect(failure).not.toHaveBeenCalled();
  });

  it('an error before open retries with backoff and does not trust that URL again', async () => {
    const h = harness();
    const { socket } = await openManager(h);
    socket.replyHeartbeat();
    jest.advanceTimersByTime(10_000);
    socket.serverClose();
    await advance(1000);
    expect(h.transport.calls).toBe(1);
    FakeSocket.last().error();
    await advance(2000);
    expect(h.transport.calls).toBe(2);
  });

  it('a socket that never opens times out after 10 s and is retried', async () => {
    const h = harness();
    const manager = WebSocketManager.create(h.options);
    void manager.init(h.transport.fn);
    await flush();
    const first = FakeSocket.last();
    jest.advanceTimersByTime(10_000);
    expect(first.closedWith).toEqual({ code: 1000, reason: 'connect-timeout' });
    expect(manager.getState()).toBe('waiting');
    await advance(1000);
    expect(FakeSocket.instances).toHaveLength(2);
    manager.closeWebSocket();
  });

  it('a transport function that never settles times out and its late answer is ignored', async () => {
    const h = harness();
    h.transport.hangNext();
    const manager = WebSocketManager.create(h.options);
    const init = manager.init(h.transport.fn);
    await advance(30_000);
    await expect(init).resolves.toEqual({ webSocketConnectionFailed: true });
    expect(manager.getState()).toBe('waiting');
    await advance(1000);
    expect(h.transport.calls).toBe(2);
    expect(FakeSocket.instances).toHaveLength(1);
    manager.closeWebSocket();
  });

  it('ignores late events of a stale socket', async () => {
    const h = harness();
    const { manager, socket } = await openManager(h);
    const all = jest.fn();
    const lost = jest.fn();
    const close = jest.fn();
    manager.onAllMessage(all);
    manager.onConnectionLost(lost);
    manager.onConnectionClose(close);
    jest.advanceTimersByTime(10_000); // heartbeat missed: socket dropped
    await advance(1000);
    const next = FakeSocket.last();
    next.open();
    next.ackSubscribe();
    lost.mockClear();
    close.mockClear();

    socket.push({ topic: 'aws/chat', content: 'late' });
    socket.open();
    socket.serverClose(1006);
    socket.error();
    expect(all).not.toHaveBeenCalled();
    expect(lost).not.toHaveBeenCalled();
    expect(close).not.toHaveBeenCalled();
    expect(manager.getState()).toBe('open');
  });

  it('a lost event handler may close the manager', async () => {
    const h = harness();
    const { manager, socket } = await openManager(h);
    manager.onConnectionLost(() => manager.closeWebSocket());
    socket.serverClose();
    expect(manager.getState()).toBe('closed');
    expect(jest.getTimerCount()).toBe(0);
  });

  it('reconnectNow while waiting skips the backoff and fetches a fresh URL', async () => {
    const h = harness();
    h.transport.rejectNext(new TypeError('Failed to fetch'), 3);
    const manager = WebSocketManager.create(h.options);
    void manager.init(h.transport.fn);
    await advance(1000);
    await advance(2000);
    expect(h.transport.calls).toBe(3);
    manager.reconnectNow('token refreshed');
    await flush();
    expect(h.transport.calls).toBe(4);
    expect(manager.getState()).toBe('connecting');
    manager.closeWebSocket();
  });

  it('reconnectNow while connecting or subscribing replaces the socket without a lost event', async () => {
    const h = harness();
    const lost = jest.fn();
    const { manager, socket: first } = await openSubscribing(h, (m) => m.onConnectionLost(lost));
    expect(manager.getState()).toBe('subscribing');
    manager.reconnectNow();
    await flush();
    expect(first.closedWith?.code).toBe(1000);
    expect(h.transport.calls).toBe(2);
    expect(FakeSocket.instances).toHaveLength(2);
    expect(lost).not.toHaveBeenCalled();
    manager.closeWebSocket();
  });

  it('a link that drops right after it came up keeps backing off (no tight loop)', async () => {
    const h = harness();
    const { manager, socket } = await openManager(h);
    socket.serverClose();
    await advance(1000);
    FakeSocket.last().open();
    FakeSocket.last().ackSubscribe();
    FakeSocket.last().serverClose();
    expect(manager.getState()).toBe('waiting');
    await advance(1999);
    expect(FakeSocket.instances).toHaveLength(2);
    await advance(1);
    expect(FakeSocket.instances).toHaveLength(3);
    manager.closeWebSocket();
  });
});
