// The one store of the module-wide network settings: the online check and the WebSocket constructor.
// `connect.ChatSession.setGlobalConfig({ webSocketManagerConfig })` and `WebSocketManager.setGlobalConfig`
// both write here, and every manager reads it when it checks, so a setting reaches the session's own
// managers and the ones an app made with `WebSocketManager.create()` alike, as in 5.0.0.
import { navigatorOnline } from './networkWatcher.js';
import type { WebSocketConstructorLike } from './types.js';

export class NetworkSettings {
  private onlineCheck: (() => boolean) | null = null;
  private webSocket: WebSocketConstructorLike | null = null;

  /** The configured online check, else `navigator.onLine` (true where there is none). */
  isNetworkOnline(): () => boolean {
    return this.onlineCheck ?? navigatorOnline;
  }

  /** The configured WebSocket constructor, if any. */
  configuredWebSocket(): WebSocketConstructorLike | undefined {
    return this.webSocket ?? undefined;
  }

  /** Sets what is given; `null` goes back to the default, `undefined` keeps the current value. */
  update(next: { isNetworkOnline?: (() => boolean) | null; WebSocket?: WebSocketConstructorLike | null }): void {
    if (next.isNetworkOnline !== undefined) this.onlineCheck = next.isNetworkOnline;
    if (next.WebSocket !== undefined) this.webSocket = next.WebSocket;
  }
}

/** The store every manager and the SDK-wide `setGlobalConfig` share. */
export const networkSettings = new NetworkSettings();
