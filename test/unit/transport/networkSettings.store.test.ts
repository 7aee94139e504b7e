// One store for the online check and the WebSocket constructor, shared by
// ChatSession.setGlobalConfig and every WebSocketManager, including ones an app creates itself.
import { globalConfig } from '../../../src/config/globalConfig';
import { findWebSocket, WebSocketManager } from '../../../src/transport';
import { networkSettings } from '../../../src/transport/networkSettings';
import { resolveEnvironment } from '../../../src/transport/environment';

afterEach(() => {
  networkSettings.update({ isNetworkOnline: null, WebSocket: null });
  jest.restoreAllMocks();
});

describe('the network settings store', () => {
  it('setGlobalConfig({ webSocketManagerConfig }) reaches a manager environment made without options', () => {
    const environment = resolveEnvironment({});
    expect(environment.isNetworkOnline()).toBe(true);
    class Injected {}
    globalConfig.update({ webSocketManagerConfig: { isNetworkOnline: () => false, WebSocket: Injected as never } });
    expect(environment.isNetworkOnline()).toBe(false);
    expect(environment.WebSocket()).toBe(Injected);
    expect(findWebSocket()).toBe(Injected);
  });

  it('WebSocketManager.setGlobalConfig and ChatSession.setGlobalConfig write the same store', () => {
    const environment = resolveEnvironment({});
    WebSocketManager.setGlobalConfig({ webSocketManagerConfig: { isNetworkOnline: () => false } });
    expect(environment.isNetworkOnline()).toBe(false);
    globalConfig.update({ webSocketManagerConfig: { isNetworkOnline: () => true } });
    expect(environment.isNetworkOnline()).toBe(true);
    WebSocketManager.setGlobalConfig({ webSocketManagerConfig: { isNetworkOnline: () => false } });
    expect(environment.isNetworkOnline()).toBe(false);
  });

  it('a manager’s own option still wins, and navigator.onLine is the default', () => {
    globalConfig.update({ webSocketManagerConfig: { isNetworkOnline: () => false } });
    expect(resolveEnvironment({ isNetworkOnline: () => true }).isNetworkOnline()).toBe(true);
    networkSettings.update({ isNetworkOnline: null, WebSocket: null });
    jest.spyOn(window.navigator, 'onLine', 'get').mockReturnValue(false);
    expect(resolveEnvironment({}).isNetworkOnline()).toBe(false);
  });
});
