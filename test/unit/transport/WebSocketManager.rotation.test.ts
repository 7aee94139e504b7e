import { TerminalTransportError } from '../../../src/transport';
import { advance, FakeSocket, flush, harness, openManager, validTransport } from '../../support/fakes/fakeSocket';

beforeEach(() => {
  jest.useFakeTimers();
  FakeSocket.reset();
});
afterEach(() => jest.useRealTimers());

const ROTATE_AT = 3540_000 - 30_000; // lifetime minus rotationLeadMs

/** Keeps the heartbeat of `socket` answered while the clock moves `ms`, then settles promises. */
async function liveFor(socket: FakeSocket, ms: number): Promise<void> {
  let left = ms;
  while (left > 0) {
    socket.replyHeartbeat();
    socket.replyPing();
    const step = Math.min(left, 10_000);
    jest.advanceTimersByTime(step);
    left -= step;
  }
  await flush();
}

describe('WebSocketManager rotation (make-before-break)', () => {
  it('opens and subscribes a second socket before the lifetime ends, then closes the old one with 1000', async () => {
    const h = harness();
    const { manager, socket: old } = await openManager(h);
    const lost = jest.fn();
    const gain = jest.fn();
    const items: unknown[] = [];
    manager.onConnectionLost(lost);
    manager.onConnectionGain(gain);
    gain.mockClear();
    manager.onMessage('aws/chat', (f) => items.push(f.content));

    await liveFor(old, ROTATE_AT - 1);
    expect(h.transport.calls).toBe(1);
    await liveFor(old, 1);
    expect(h.transport.calls).toBe(2);
    const next = FakeSocket.last();
    expect(next).not.toBe(old);
    expect(next.url).toContain('t2');

    old.push({ topic: 'aws/chat', content: 'm1' });
    next.open();
    expect(next.frames()).toEqual([{ topic: 'aws/subscribe', content: { topics: ['aws/chat'] } }]);
    // Both sockets are open: the new one's data before its ack is dropped, the old one still delivers.
    old.push({ topic: 'aws/chat', content: 'm2' });
    next.push({ topic: 'aws/chat', content: 'm2' });
    next.ackSubscribe();
    expect(old.closedWith).toEqual({ code: 1000, reason: 'rotated to a new socket' });
    old.push({ topic: 'aws/chat', content: 'm3' }); // detached: ignored
    next.push({ topic: 'aws/chat', content: 'm3' });
    next.push({ topic: 'aws/chat', content: 'm4' });

    expect(items).toEqual(['m1', 'm2', 'm3', 'm4']);
    expect(lost).not.toHaveBeenCalled();
    expect(gain).not.toHaveBeenCalled();
    expect(manager.getState()).toBe('open');

    // The heartbeat moved to the new socket; the next rotation is armed from its open.
    const beatsBefore = next.topicsSent().filter((t) => t === 'aws/heartbeat').length;
    expect(beatsBefore).toBe(1);
    await liveFor(next, ROTATE_AT);
    expect(h.transport.calls).toBe(3);
  });

  it('retries a failed rotation fetch with backoff while the old socket keeps serving', async () => {
    const h = harness();
    const { manager, socket: old } = await openManager(h);
    const lost = jest.fn();
    manager.onConnectionLost(lost);
    h.transport.rejectNext(new TypeError('Failed to fetch'), 2);
    await liveFor(old, ROTATE_AT);
    expect(h.transport.calls).toBe(2);
    await liveFor(old, 1000);
    expect(h.transport.calls).toBe(3);
    await liveFor(old, 2000);
    expect(h.transport.calls).toBe(4);
    FakeSocket.last().open();
    FakeSocket.last().ackSubscribe();
    expect(old.closedWith?.code).toBe(1000);
    expect(lost).not.toHaveBeenCalled();
  });

  it('retries when the next socket fails before its ack', async () => {
    const h = harness();
    const { manager, socket: old } = await openManager(h);
    const close = jest.fn();
    manager.onConnectionClose(close);
    await liveFor(old, ROTATE_AT);
    const next = FakeSocket.last();
    next.open();
    next.serverClose(1006);
    expect(close).toHaveBeenCalledTimes(1);
    await liveFor(old, 1000);
    expect(h.transport.calls).toBe(3);
    const third = FakeSocket.last();
    third.open();
    third.ackSubscribe();
    expect(old.closedWith?.code).toBe(1000);
    expect(manager.getState()).toBe('open');
  });

  it('the primary dying during a rotation abandons it and reports the loss', async () => {
    const h = harness();
    const { manager, socket: old } = await openManager(h);
    const lost = jest.fn();
    manager.onConnectionLost(lost);
    await liveFor(old, ROTATE_AT);
    const next = FakeSocket.last();
    next.open();
    old.serverClose(1006);
    expect(lost).toHaveBeenCalledTimes(1);
    expect(next.closedWith?.code).toBe(1000);
    expect(manager.getState()).toBe('waiting');
    await advance(1000);
    expect(h.transport.calls).toBe(2); // the URL the rotation fetched is reused
    expect(FakeSocket.last().url).toContain('t2');
  });

  it('reconnectNow while open rotates without a lost event', async () => {
    const h = harness();
    const { manager, socket: old } = await openManager(h);
    const lost = jest.fn();
    manager.onConnectionLost(lost);
    manager.reconnectNow('token refreshed');
    await advance(0);
    expect(h.transport.calls).toBe(2);
    const next = FakeSocket.last();
    next.open();
    next.ackSubscribe();
    expect(old.closedWith?.code).toBe(1000);
    expect(lost).not.toHaveBeenCalled();
  });

  it('a terminal rejection during rotation stops the manager', async () => {
    const h = harness();
    const { manager, socket: old } = await openManager(h);
    const failure = jest.fn();
    manager.onInitFailure(failure);
    h.transport.rejectNext(new TerminalTransportError('chat over', null, 403));
    await liveFor(old, ROTATE_AT);
    expect(failure).toHaveBeenCalledTimes(1);
    expect(manager.getState()).toBe('terminated');
    expect(old.closedWith?.code).toBe(1000);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('an invalid rotation result stops the manager', async () => {
    const h = harness();
    const { manager, socket: old } = await openManager(h);
    const failure = jest.fn();
    manager.onInitFailure(failure);
    h.transport.resolveNext(validTransport('ws://example.com/'));
    await liveFor(old, ROTATE_AT);
    expect(failure).toHaveBeenCalledWith(expect.objectContaining({ disconnectReason: 'invalid-transport' }));
  });
});
