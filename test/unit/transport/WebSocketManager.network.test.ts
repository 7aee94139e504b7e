import { WebSocketManager } from '../../../src/transport';
import { networkSettings } from '../../../src/transport/networkSettings';
import { advance, FakeSocket, flush, harness, openManager } from '../../support/fakes/fakeSocket';

beforeEach(() => {
  jest.useFakeTimers();
  FakeSocket.reset();
});
afterEach(() => {
  // Undo what a test set through WebSocketManager.setGlobalConfig: null is the store's "back to the default".
  networkSettings.update({ isNetworkOnline: null, WebSocket: null });
  jest.useRealTimers();
});

describe('WebSocketManager network and visibility', () => {
  it('offline at init: no attempts; online event → immediate attempt', async () => {
    const h = harness();
    h.online.value = false;
    const manager = WebSocketManager.create(h.options);
    await expect(manager.init(h.transport.fn)).resolves.toEqual({ webSocketConnectionFailed: true });
    expect(manager.getState()).toBe('waiting');
    await advance(60_000);
    expect(h.transport.calls).toBe(0);
    h.online.value = true;
    h.network.fire('online');
    await flush();
    expect(h.transport.calls).toBe(1);
    expect(manager.getState()).toBe('connecting');
    manager.closeWebSocket();
  });

  it('while offline the backoff ticks do nothing but wait; back online on a tick connects', async () => {
    const h = harness();
    const { manager, socket } = await openManager(h);
    h.online.value = false;
    h.network.fire('offline');
    socket.serverClose();
    await advance(1000 + 2000 + 4000);
    expect(FakeSocket.instances).toHaveLength(1);
    h.online.value = true;
    await advance(8000);
    expect(FakeSocket.instances).toHaveLength(2);
    manager.closeWebSocket();
  });

  it('online resets the backoff and tries now', async () => {
    const h = harness();
    h.transport.rejectNext(new TypeError('Failed to fetch'), 5);
    const manager = WebSocketManager.create(h.options);
    void manager.init(h.transport.fn);
    await advance(1000 + 2000 + 4000);
    expect(h.transport.calls).toBe(4);
    h.network.fire('online');
    await flush();
    expect(h.transport.calls).toBe(5); // rejected again: back to the first delay
    await advance(1000);
    expect(h.transport.calls).toBe(6);
    manager.closeWebSocket();
  });

  it('becoming visible while waiting tries now; hidden does nothing', async () => {
    const h = harness();
    const { manager, socket } = await openManager(h);
    socket.serverClose();
    h.visible.value = false;
    h.visibility.fire('visibilitychange');
    await flush();
    expect(FakeSocket.instances).toHaveLength(1);
    h.visible.value = true;
    h.visibility.fire('visibilitychange');
    await flush();
    expect(FakeSocket.instances).toHaveLength(2);
    expect(manager.getState()).toBe('connecting');
    manager.closeWebSocket();
  });

  it('online or visible while connected changes nothing', async () => {
    const h = harness();
    const { manager } = await openManager(h);
    h.network.fire('online');
    h.visibility.fire('visibilitychange');
    await flush();
    expect(FakeSocket.instances).toHaveLength(1);
    expect(manager.getState()).toBe('open');
  });

  it('uses the online check of setGlobalConfig when none is injected', async () => {
    let online = false;
    WebSocketManager.setGlobalConfig({ webSocketManagerConfig: { isNetworkOnline: () => online } });
    const h = harness();
    delete h.options.isNetworkOnline;
    const manager = WebSocketManager.create(h.options);
    void manager.init(h.transport.fn);
    await flush();
    expect(h.transport.calls).toBe(0);
    online = true;
    h.network.fire('online');
    await flush();
    expect(h.transport.calls).toBe(1);
    manager.closeWebSocket();
  });

  it('a throwing online check counts as online', async () => {
    const h = harness({
      isNetworkOnline: () => {
        throw new Error('no');
      },
    });
    const manager = WebSocketManager.create(h.options);
    void manager.init(h.transport.fn);
    await flush();
    expect(h.transport.calls).toBe(1);
    manager.closeWebSocket();
  });

  it('stops listening once closed', async () => {
    const h = harness();
    const { manager } = await openManager(h);
    expect(h.network.count()).toBe(2);
    expect(h.visibility.count()).toBe(1);
    manager.closeWebSocket();
    expect(h.network.count() + h.visibility.count()).toBe(0);
  });
});
