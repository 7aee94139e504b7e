import { ValueError } from '../../../src/errors';
import { WebSocketManager, type ManagerState, type StateChangeInfo } from '../../../src/transport';
import type { WebSocketManagerLike } from '../../../src/types';
import { FakeSocket, flush, harness, openManager, validTransport } from '../../support/fakes/fakeSocket';

beforeEach(() => {
  jest.useFakeTimers();
  FakeSocket.reset();
});
afterEach(() => jest.useRealTimers());

describe('WebSocketManager module object', () => {
  it('has create, setGlobalConfig, LogLevel and Logger; create gives a new instance each call', () => {
    expect(typeof WebSocketManager.create).toBe('function');
    expect(typeof WebSocketManager.setGlobalConfig).toBe('function');
    expect(WebSocketManager.LogLevel).toEqual({ DEBUG: 10, INFO: 20, WARN: 30, ERROR: 40, ADVANCED_LOG: 50 });
    const logger = new WebSocketManager.Logger();
    expect(() => logger.info('x')).not.toThrow();
    const a = WebSocketManager.create(harness().options);
    const b = WebSocketManager.create(harness().options);
    expect(a).not.toBe(b);
    const asLike: WebSocketManagerLike = a; // the session's interface
    expect(asLike.onConnectionGain).toBeDefined();
  });

  it('rejects invalid timing options early', () => {
    expect(() => WebSocketManager.create({ ...harness().options, heartbeatIntervalMs: -1 })).toThrow(RangeError);
  });
});

describe('WebSocketManager connect', () => {
  it('idle → fetching → connecting → subscribing → open, with gain once', async () => {
    const h = harness();
    const manager = WebSocketManager.create(h.options);
    const states: Array<[ManagerState, ManagerState]> = [];
    manager.onStateChange((s: StateChangeInfo) => states.push([s.oldState, s.newState]));
    const gain = jest.fn();
    manager.onConnectionGain(gain);
    manager.subscribeTopics(['aws/chat']);
    expect(manager.getState()).toBe('idle');

    const init = manager.init(h.transport.fn);
    expect(manager.getState()).toBe('fetching');
    await expect(init).resolves.toEqual({ webSocketConnectionFailed: false });
    expect(manager.getState()).toBe('connecting');
    const socket = FakeSocket.last();
    expect(socket.url).toBe('wss://example.test/connect?AuthToken=t1');

    socket.open();
    expect(manager.getState()).toBe('subscribing');
    expect(gain).not.toHaveBeenCalled();
    // The subscribe first: the socket receives nothing of the chat until the service has it.
    expect(socket.frames()).toEqual([
      { topic: 'aws/subscribe', content: { topics: ['aws/chat'] } },
      { topic: 'aws/ping' },
      { topic: 'aws/heartbeat' },
    ]);

    socket.ackSubscribe(['aws/chat']);
    expect(manager.getState()).toBe('open');
    expect(gain).toHaveBeenCalledTimes(1);
    expect(states).toEqual([
      ['idle', 'fetching'],
      ['fetching', 'connecting'],
      ['connecting', 'subscribing'],
      ['subscribing', 'open'],
    ]);
  });

  it('goes straight to open when there is nothing to subscribe', async () => {
    const h = harness();
    const { manager, socket } = await openManager(h, []);
    expect(manager.getState()).toBe('open');
    expect(socket.topicsSent()).toEqual(['aws/ping', 'aws/heartbeat']);
  });

  it('fires onConnectionOpen with upstream fields', async () => {
    const h = harness();
    const manager = WebSocketManager.create(h.options);
    const open = jest.fn();
    manager.onConnectionOpen(open);
    void manager.init(h.transport.fn);
    await flush();
    jest.advanceTimersByTime(250);
    FakeSocket.last().open();
    expect(open).toHaveBeenCalledTimes(1);
    const info = open.mock.calls[0][0];
    expect(info).toEqual({
      connectWebSocketRetryCount: 0,
      connectionAttemptStartTime: expect.any(Number),
      noOpenConnectionsTimestamp: expect.any(Number),
      connectionEstablishedTime: expect.any(Number),
      timeToConnect: 250,
      timeWithoutConnection: 250,
    });
  });

  it('replays gain to a callback registered while open', async () => {
    const { manager } = await openManager(harness());
    const gain = jest.fn();
    manager.onConnectionGain(gain);
    expect(gain).toHaveBeenCalledTimes(1);
  });

  it('validates init and ignores a second init', async () => {
    const h = harness();
    const manager = WebSocketManager.create(h.options);
    expect(() => manager.init('nope' as never)).toThrow(ValueError);
    void manager.init(h.transport.fn);
    expect(manager.init(h.transport.fn)).toBeUndefined();
    await flush();
    expect(h.transport.calls).toBe(1);
  });

  it('accepts a transport function that returns a plain value or throws synchronously', async () => {
    const h = harness();
    const manager = WebSocketManager.create(h.options);
    await expect(manager.init(() => validTransport('ws://127.0.0.1:9100/ws'))).resolves.toEqual({ webSocketConnectionFailed: false });
    expect(FakeSocket.last().url).toBe('ws://127.0.0.1:9100/ws');

    const other = WebSocketManager.create(h.options);
    const result = other.init(() => {
      throw new TypeError('Failed to fetch');
    });
    await expect(result).resolves.toEqual({ webSocketConnectionFailed: true });
    expect(other.getState()).toBe('waiting');
    other.closeWebSocket();
    manager.closeWebSocket();
  });

  it('accepts loopback ws:// URLs (localhost, [::1])', async () => {
    for (const url of ['ws://localhost:9100/ws', 'ws://[::1]:9100/ws']) {
      const h = harness();
      h.transport.resolveNext(validTransport(url));
      const manager = WebSocketManager.create(h.options);
      await manager.init(h.transport.fn);
      expect(FakeSocket.last().url).toBe(url);
      manager.closeWebSocket();
    }
  });
});

describe('WebSocketManager callbacks', () => {
  it('every on* throws ValueError for a non-function and returns an unsubscribe function', () => {
    const manager = WebSocketManager.create(harness().options);
    const methods = [
      'onAllMessage',
      'onConnectionGain',
      'onConnectionLost',
      'onConnectionOpen',
      'onConnectionClose',
      'onInitFailure',
      'onSubscriptionUpdate',
      'onSubscriptionFailure',
      'onDeepHeartbeatSuccess',
      'onDeepHeartbeatFailure',
      'onTopicFailure',
    ] as const;
    for (const name of methods) {
      const register = manager[name].bind(manager) as (cb: unknown) => unknown;
      expect(() => register(42)).toThrow(new ValueError('cb must be a function'));
      expect(typeof register(() => undefined)).toBe('function');
    }
    expect(() => manager.onMessage('aws/chat', null as never)).toThrow(ValueError);
  });

  it('a throwing callback is logged and the others still run; unsubscribe removes only that callback', async () => {
    const error = jest.fn();
    const h = harness({ logger: { debug: jest.fn(), info: jest.fn(), warn: jest.fn(), error, advancedLog: jest.fn() } });
    const manager = WebSocketManager.create(h.options);
    const after = jest.fn();
    const removed = jest.fn();
    manager.onConnectionGain(() => {
      throw new Error('boom');
    });
    const off = manager.onConnectionGain(removed);
    manager.onConnectionGain(after);
    off();
    void manager.init(h.transport.fn);
    await flush();
    FakeSocket.last().open();
    expect(after).toHaveBeenCalledTimes(1);
    expect(removed).not.toHaveBeenCalled();
    expect(error).toHaveBeenCalledWith(expect.stringContaining('connectionGain'), expect.any(Error));
  });
});

describe('WebSocketManager remaining transitions', () => {
  const track = (manager: ReturnType<typeof WebSocketManager.create>): string[] => {
    const seen: string[] = [];
    manager.onStateChange((s) => seen.push(`${s.oldState}→${s.newState}:${s.reason}`));
    return seen;
  };

  it('connecting → waiting when the socket closes before open (no close/lost events)', async () => {
    const h = harness();
    const manager = WebSocketManager.create(h.options);
    const seen = track(manager);
    const close = jest.fn();
    const lost = jest.fn();
    manager.onConnectionClose(close);
    manager.onConnectionLost(lost);
    void manager.init(h.transport.fn);
    await flush();
    FakeSocket.last().serverClose(1006);
    expect(seen.at(-1)).toBe('connecting→waiting:socket-closed');
    expect(close).not.toHaveBeenCalled();
    expect(lost).not.toHaveBeenCalled();
    manager.closeWebSocket();
  });

  it('connecting → waiting when the WebSocket constructor throws', async () => {
    const h = harness({
      WebSocket: class {
        constructor() {
          throw new SyntaxError('bad url');
        }
      } as never,
    });
    const manager = WebSocketManager.create(h.options);
    const seen = track(manager);
    await manager.init(h.transport.fn);
    expect(seen).toEqual(['idle→fetching:init', 'fetching→connecting:transport-fetched', 'connecting→waiting:socket-error']);
    manager.closeWebSocket();
  });

  it('connecting → fetching on reconnectNow; idle and fetching ignore reconnectNow', async () => {
    const h = harness();
    const manager = WebSocketManager.create(h.options);
    const seen = track(manager);
    manager.reconnectNow();
    expect(manager.getState()).toBe('idle');
    void manager.init(h.transport.fn);
    manager.reconnectNow();
    expect(h.transport.calls).toBe(1);
    await flush();
    manager.reconnectNow();
    expect(seen.at(-1)).toBe('connecting→fetching:reconnect-requested');
    expect(FakeSocket.last().closedWith?.code).toBe(1000);
    manager.closeWebSocket();
  });

  it('idle → terminated on terminateWebSocketManager before init', () => {
    const manager = WebSocketManager.create(harness().options);
    const seen = track(manager);
    const failure = jest.fn();
    manager.onInitFailure(failure);
    manager.terminateWebSocketManager(new Error('gone'));
    expect(seen).toEqual(['idle→terminated:terminated-by-client']);
    expect(failure.mock.calls[0][0].error).toBeInstanceOf(Error);
  });

  it('subscribing → closed and connecting → closed leave no timers', async () => {
    for (const openFirst of [true, false]) {
      const h = harness();
      const manager = WebSocketManager.create(h.options);
      manager.subscribeTopics(['aws/chat']);
      void manager.init(h.transport.fn);
      await flush();
      if (openFirst) FakeSocket.last().open();
      manager.closeWebSocket();
      expect(manager.getState()).toBe('closed');
      expect(jest.getTimerCount()).toBe(0);
    }
  });
});
