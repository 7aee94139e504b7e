// Where a manager finds its WebSocket constructor: its own option, then WebSocketManager.setGlobalConfig's,
// then globalThis.WebSocket (Node 20 has none; a relay injects `ws`).
import { findWebSocket, WebSocketManager } from '../../../src/transport';
import { networkSettings } from '../../../src/transport/networkSettings';
import type { WebSocketConstructorLike } from '../../../src/transport';

const scope = globalThis as { WebSocket?: unknown };
const builtIn = scope.WebSocket;
const Own = class {} as unknown as WebSocketConstructorLike;
const Configured = class {} as unknown as WebSocketConstructorLike;

afterEach(() => {
  networkSettings.update({ isNetworkOnline: null, WebSocket: null });
  scope.WebSocket = builtIn;
});

describe('findWebSocket', () => {
  it('prefers the manager option, then the configured one, then the global', () => {
    WebSocketManager.setGlobalConfig({ webSocketManagerConfig: { WebSocket: Configured } });
    expect(findWebSocket(Own)).toBe(Own);
    expect(findWebSocket()).toBe(Configured);
    networkSettings.update({ isNetworkOnline: null, WebSocket: null });
    expect(findWebSocket()).toBe(builtIn);
  });

  it('finds none where the runtime has none and nothing was injected', () => {
    delete scope.WebSocket;
    expect(findWebSocket()).toBeUndefined();
    expect(findWebSocket(null)).toBeUndefined();
  });
});
