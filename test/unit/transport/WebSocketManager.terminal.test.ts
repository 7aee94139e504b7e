import { TerminalTransportError, WebSocketManager } from '../../../src/transport';
import { advance, FakeSocket, flush, harness, openManager, validTransport } from '../../support/fakes/fakeSocket';

beforeEach(() => {
  jest.useFakeTimers();
  FakeSocket.reset();
});
afterEach(() => jest.useRealTimers());

describe('WebSocketManager terminal failures', () => {
  const terminalErrors: Array<[string, unknown]> = [
    ['TerminalTransportError', new TerminalTransportError('chat over', null, 403)],
    ['terminal: true', Object.assign(new Error('stop'), { terminal: true })],
    ['statusCode 403', { statusCode: 403, message: 'AccessDenied' }],
    ['_debug.statusCode 403 (upstream shape)', { reason: 'Failed to fetch connectionDetails', _debug: { statusCode: 403 } }],
    ['$metadata.httpStatusCode 403 (SDK v3)', { name: 'AccessDeniedException', $metadata: { httpStatusCode: 403 } }],
  ];

  it.each(terminalErrors)('%s on reconnect → initFailure once, no more attempts, no timers', async (_name, error) => {
    const h = harness();
    const { manager, socket } = await openManager(h);
    const failure = jest.fn();
    const lost = jest.fn();
    manager.onInitFailure(failure);
    manager.onConnectionLost(lost);
    h.transport.rejectNext(error);
    for (let i = 0; i < 9; i += 1) {
      socket.replyHeartbeat();
      jest.advanceTimersByTime(10_000);
    }
    socket.serverClose();
    await advance(1000);
    expect(h.transport.calls).toBe(2);
    expect(lost).toHaveBeenCalledTimes(1);
    expect(failure).toHaveBeenCalledTimes(1);
    expect(failure.mock.calls[0][0]).toMatchObject({ disconnectReason: 'terminal-transport-error', reason: expect.any(String) });
    expect(manager.getState()).toBe('terminated');
    expect(jest.getTimerCount()).toBe(0);
    await advance(120_000);
    expect(h.transport.calls).toBe(2);
    const late = jest.fn();
    manager.onInitFailure(late); // replay at registration
    expect(late).toHaveBeenCalledWith(failure.mock.calls[0][0]);
  });

  it.each([
    ['http URL', validTransport('https://example.test/')],
    ['ws:// to a remote host', validTransport('ws://example.test/')],
    ['lifetime 299 s', validTransport('wss://example.test/', 299)],
    ['missing wrapper', { url: 'wss://example.test/', transportLifeTimeInSeconds: 3540 }],
  ])('invalid transport (%s) → terminal initFailure', async (_name, result) => {
    const h = harness();
    h.transport.resolveNext(result);
    const manager = WebSocketManager.create(h.options);
    const failure = jest.fn();
    manager.onInitFailure(failure);
    await expect(manager.init(h.transport.fn)).resolves.toEqual({ webSocketConnectionFailed: true });
    expect(failure).toHaveBeenCalledTimes(1);
    expect(failure.mock.calls[0][0]).toMatchObject({ disconnectReason: 'invalid-transport', reason: expect.stringMatching(/invalid transport/) });
    expect(FakeSocket.instances).toHaveLength(0);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('closeWebSocket stops everything: no lost event, sockets closed with 1000, no timers, late answers ignored', async () => {
    const h = harness();
    const { manager, socket } = await openManager(h);
    const lost = jest.fn();
    const failure = jest.fn();
    const close = jest.fn();
    manager.onConnectionLost(lost);
    manager.onInitFailure(failure);
    manager.onConnectionClose(close);
    manager.closeWebSocket();
    expect(manager.getState()).toBe('closed');
    expect(socket.closedWith).toEqual({ code: 1000, reason: 'closed by client' });
    expect(close).toHaveBeenCalledTimes(1);
    expect(lost).not.toHaveBeenCalled();
    expect(failure).not.toHaveBeenCalled();
    expect(jest.getTimerCount()).toBe(0);
    manager.closeWebSocket();
    manager.reconnectNow();
    manager.subscribeTopics(['x']);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('closeWebSocket while fetching ignores the answer that arrives later', async () => {
    const h = harness();
    const manager = WebSocketManager.create(h.options);
    void manager.init(h.transport.fn);
    manager.closeWebSocket();
    await flush();
    expect(FakeSocket.instances).toHaveLength(0);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('closeWebSocket while waiting clears the retry timer', async () => {
    const h = harness();
    h.transport.rejectNext(new TypeError('Failed to fetch'));
    const manager = WebSocketManager.create(h.options);
    await manager.init(h.transport.fn);
    expect(jest.getTimerCount()).toBe(1);
    manager.closeWebSocket();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('terminateWebSocketManager fires initFailure with the reason and stops', async () => {
    const h = harness();
    const { manager } = await openManager(h);
    const failure = jest.fn();
    const lost = jest.fn();
    manager.onInitFailure(failure);
    manager.onConnectionLost(lost);
    manager.terminateWebSocketManager('chat ended');
    expect(failure).toHaveBeenCalledWith(expect.objectContaining({ reason: 'chat ended', disconnectReason: 'terminated-by-client' }));
    expect(lost).not.toHaveBeenCalled();
    expect(manager.getState()).toBe('terminated');
    expect(jest.getTimerCount()).toBe(0);
    manager.terminateWebSocketManager('again');
    expect(failure).toHaveBeenCalledTimes(1);
  });

  it('init after close resolves failed and does nothing', async () => {
    const h = harness();
    const manager = WebSocketManager.create(h.options);
    manager.closeWebSocket();
    await expect(manager.init(h.transport.fn)).resolves.toEqual({ webSocketConnectionFailed: true });
    expect(h.transport.calls).toBe(0);
  });

  it('no WebSocket implementation keeps retrying (a polyfill may arrive) without throwing', async () => {
    const h = harness();
    h.options.WebSocket = undefined;
    const saved = (globalThis as { WebSocket?: unknown }).WebSocket;
    (globalThis as { WebSocket?: unknown }).WebSocket = undefined;
    try {
      const manager = WebSocketManager.create(h.options);
      await manager.init(h.transport.fn);
      expect(manager.getState()).toBe('waiting');
      manager.closeWebSocket();
    } finally {
      (globalThis as { WebSocket?: unknown }).WebSocket = saved;
    }
  });
});

describe('WebSocketManager re-entrant stops', () => {
  it.each([
    ['onConnectionClose', 'close'],
    ['onStateChange', 'state'],
    ['onConnectionOpen', 'open'],
  ])('closeWebSocket from an %s callback leaves the manager closed with no timers', async (_name, which) => {
    const h = harness();
    const { manager, socket } = await openManager(h);
    const lost = jest.fn();
    manager.onConnectionLost(lost);
    const stop = (): void => manager.closeWebSocket();
    if (which === 'close') manager.onConnectionClose(stop);
    if (which === 'state') manager.onStateChange(stop);
    if (which === 'open') {
      manager.onConnectionOpen(stop);
      socket.serverClose();
      expect(lost).toHaveBeenCalledTimes(1);
      await advance(1000);
      FakeSocket.last().open();
    } else {
      socket.serverClose();
      expect(lost).not.toHaveBeenCalled();
    }
    expect(manager.getState()).toBe('closed');
    expect(jest.getTimerCount()).toBe(0);
    await advance(60_000);
    expect(FakeSocket.instances.length).toBeLessThanOrEqual(2);
  });
});
