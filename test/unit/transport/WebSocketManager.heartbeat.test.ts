import { advance, FakeSocket, harness, openManager, openSubscribing } from '../../support/fakes/fakeSocket';

beforeEach(() => {
  jest.useFakeTimers();
  FakeSocket.reset();
});
afterEach(() => jest.useRealTimers());

const beats = (socket: FakeSocket): number => socket.topicsSent().filter((t) => t === 'aws/heartbeat').length;

describe('WebSocketManager heartbeat', () => {
  it('sends aws/ping then aws/heartbeat at open and every 10 s while answered', async () => {
    const { socket } = await openManager(harness());
    expect(socket.topicsSent().slice(0, 3)).toEqual(['aws/subscribe', 'aws/ping', 'aws/heartbeat']);
    for (let i = 1; i <= 3; i += 1) {
      socket.replyHeartbeat();
      socket.replyPing();
      jest.advanceTimersByTime(9999);
      expect(beats(socket)).toBe(i);
      jest.advanceTimersByTime(1);
      expect(beats(socket)).toBe(i + 1);
      expect(socket.topicsSent().slice(-2)).toEqual(['aws/ping', 'aws/heartbeat']);
    }
  });

  it('reports deep-heartbeat success and failure replies', async () => {
    const { manager, socket } = await openManager(harness());
    const ok = jest.fn();
    const bad = jest.fn();
    manager.onDeepHeartbeatSuccess(ok);
    manager.onDeepHeartbeatFailure(bad);
    socket.replyPing(200);
    expect(ok).toHaveBeenCalledWith({ timestamp: Date.now() });
    socket.replyPing(500, 'Internal');
    expect(bad).toHaveBeenCalledWith({ timestamp: Date.now(), statusCode: 500, statusContent: 'Internal' });
  });

  it('a ping without reply by the next tick is a deep failure only (no reconnect)', async () => {
    const { manager, socket } = await openManager(harness());
    const bad = jest.fn();
    const lost = jest.fn();
    manager.onDeepHeartbeatFailure(bad);
    manager.onConnectionLost(lost);
    socket.replyHeartbeat();
    jest.advanceTimersByTime(10_000);
    expect(bad).toHaveBeenCalledWith({ timestamp: Date.now(), error: expect.any(Error) });
    expect(lost).not.toHaveBeenCalled();
    expect(manager.getState()).toBe('open');
    expect(FakeSocket.instances).toHaveLength(1);
  });

  it('a heartbeat without reply by the next tick drops the half-open socket and reconnects', async () => {
    const h = harness();
    const { manager, socket } = await openManager(h);
    const lost = jest.fn();
    const gain = jest.fn();
    manager.onConnectionLost(lost);
    manager.onConnectionGain(gain);
    gain.mockClear();
    jest.advanceTimersByTime(10_000);
    expect(socket.closedWith).toEqual({ code: 1000, reason: 'heartbeat-missed' });
    expect(lost).toHaveBeenCalledTimes(1);
    expect(lost.mock.calls[0][0]).toMatchObject({ disconnectReason: 'heartbeat-missed', openTimestamp: expect.any(Number), connectionDuration: 10_000 });
    expect(lost.mock.calls[0][0].error).toBeInstanceOf(Error);
    expect(manager.getState()).toBe('waiting');

    await advance(1000); // backoff after a link that was up for a full interval: attempt 1 → 1 s
    expect(FakeSocket.instances).toHaveLength(2);
    expect(h.transport.calls).toBe(1); // URL fetched 11 s ago: reused
    const next = FakeSocket.last();
    next.open();
    expect(next.frames().find((f) => f.topic === 'aws/subscribe')).toEqual({ topic: 'aws/subscribe', content: { topics: ['aws/chat'] } });
    next.ackSubscribe();
    expect(gain).toHaveBeenCalledTimes(1);
    expect(lost).toHaveBeenCalledTimes(1);
  });

  it('misses while subscribing (never usable) retry without a lost event', async () => {
    const lost = jest.fn();
    const { manager } = await openSubscribing(harness(), (m) => m.onConnectionLost(lost));
    jest.advanceTimersByTime(10_000);
    expect(manager.getState()).toBe('waiting');
    expect(lost).not.toHaveBeenCalled();
    manager.closeWebSocket();
  });
});
