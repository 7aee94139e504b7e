import { ValueError } from '../../../src/errors';
import { WebSocketManager } from '../../../src/transport';
import { FakeSocket, flush, harness, openManager, openSubscribing } from '../../support/fakes/fakeSocket';

beforeEach(() => {
  jest.useFakeTimers();
  FakeSocket.reset();
});
afterEach(() => jest.useRealTimers());

const subscribes = (socket: FakeSocket): unknown[] => socket.frames().filter((f) => f.topic === 'aws/subscribe').map((f) => f.content);

describe('WebSocketManager subscriptions', () => {
  it('throws for a non-array', () => {
    const manager = WebSocketManager.create(harness().options);
    expect(() => manager.subscribeTopics('aws/chat' as never)).toThrow(ValueError);
  });

  it('sends every topic queued before open in one subscribe frame', async () => {
    const h = harness();
    const manager = WebSocketManager.create(h.options);
    manager.subscribeTopics(['a']);
    manager.subscribeTopics(['b', 'a']);
    void manager.init(h.transport.fn);
    await flush();
    const socket = FakeSocket.last();
    expect(socket.sent).toEqual([]);
    socket.open();
    expect(subscribes(socket)).toEqual([{ topics: ['a', 'b'] }]);
  });

  it('subscribes a new topic on the open socket, skipping subscribed ones, and reports each ack', async () => {
    const h = harness();
    const { manager, socket } = await openManager(h, ['aws/chat']);
    const update = jest.fn();
    manager.onSubscriptionUpdate(update);
    manager.subscribeTopics(['aws/chat', 'other']);
    expect(subscribes(socket).at(-1)).toEqual({ topics: ['other'] });
    socket.ackSubscribe(['other']);
    expect(update).toHaveBeenCalledWith({ topic: 'aws/subscribe', content: { status: 'success', topics: ['other'] } });
    expect(manager.getState()).toBe('open');
  });

  it('re-sends an unanswered subscribe every second and reports failure once more than 3 went unanswered', async () => {
    const failure = jest.fn();
    const { manager, socket } = await openSubscribing(harness(), (m) => m.onSubscriptionFailure(failure));
    socket.replyHeartbeat();
    jest.advanceTimersByTime(3000);
    expect(subscribes(socket)).toHaveLength(4);
    expect(failure).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1000);
    expect(failure).toHaveBeenCalledTimes(1);
    expect(failure).toHaveBeenCalledWith({ topic: 'aws/subscribe', content: { status: 'failure', topics: ['aws/chat'] } });
    expect(manager.getState()).toBe('subscribing');
    socket.ackSubscribe();
    expect(manager.getState()).toBe('open');
    jest.advanceTimersByTime(5000);
    expect(failure).toHaveBeenCalledTimes(1);
  });

  it('retries a refused subscribe after 500 ms and reports every 5th refusal', async () => {
    const failure = jest.fn();
    const { manager, socket } = await openSubscribing(harness(), (m) => m.onSubscriptionFailure(failure));
    for (let i = 1; i <= 5; i += 1) {
      socket.ackSubscribe(['aws/chat'], 'failure');
      expect(failure).toHaveBeenCalledTimes(i === 5 ? 1 : 0);
      const before = subscribes(socket).length;
      jest.advanceTimersByTime(499);
      expect(subscribes(socket)).toHaveLength(before);
      jest.advanceTimersByTime(1);
      expect(subscribes(socket)).toHaveLength(before + 1);
    }
    expect(failure).toHaveBeenCalledWith({ topic: 'aws/subscribe', content: { status: 'failure', topics: ['aws/chat'] } });
    socket.ackSubscribe();
    expect(manager.getState()).toBe('open');
  });

  it('an ack without a topics list settles everything pending', async () => {
    const h = harness();
    const manager = WebSocketManager.create(h.options);
    manager.subscribeTopics(['x', 'y']);
    void manager.init(h.transport.fn);
    await flush();
    const socket = FakeSocket.last();
    socket.open();
    socket.push({ topic: 'aws/subscribe', content: { status: 'success' } });
    expect(manager.getState()).toBe('open');
    jest.advanceTimersByTime(3000);
    expect(subscribes(socket)).toHaveLength(1);
  });
});
