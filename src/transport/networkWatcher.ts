// Turns `online` and `visibilitychange` (page became visible) into "try now" signals for the manager.
// Sleep/wake and network changes are exactly when a backoff timer may be far in the future.
import type { EventSourceLike } from './types.js';

export interface NetworkWatcherOptions {
  networkEventTarget: EventSourceLike | null;
  visibilityEventTarget: EventSourceLike | null;
  isPageVisible: () => boolean;
  onOnline(): void;
  onOffline(): void;
  onVisible(): void;
}

export class NetworkWatcher {
  private started = false;
  private readonly online = (): void => this.options.onOnline();
  private readonly offline = (): void => this.options.onOffline();
  private readonly visibility = (): void => {
    if (this.options.isPageVisible()) this.options.onVisible();
  };

  constructor(private readonly options: NetworkWatcherOptions) {}

  start(): void {
    if (this.started) return;
    this.started = true;
    this.options.networkEventTarget?.addEventListener('online', this.online);
    this.options.networkEventTarget?.addEventListener('offline', this.offline);
    this.options.visibilityEventTarget?.addEventListener('visibilitychange', this.visibility);
  }

  stop(): void {
    if (!this.started) return;
    this.started = false;
    this.options.networkEventTarget?.removeEventListener('online', this.online);
    this.options.networkEventTarget?.removeEventListener('offline', this.offline);
    this.options.visibilityEventTarget?.removeEventListener('visibilitychange', this.visibility);
  }
}

/** `window` when there is one (browser, jsdom), else null. */
export function defaultNetworkEventTarget(): EventSourceLike | null {
  return typeof window !== 'undefined' && typeof window.addEventListener === 'function' ? window : null;
}

/** `document` when there is one, else null. */
export function defaultVisibilityEventTarget(): EventSourceLike | null {
  return typeof document !== 'undefined' && typeof document.addEventListener === 'function' ? document : null;
}

export function defaultIsPageVisible(): boolean {
  return typeof document === 'undefined' || document.visibilityState !== 'hidden';
}

/** `navigator.onLine` when the platform has it, else true (Node has no notion of offline). */
export function navigatorOnline(): boolean {
  return typeof navigator === 'undefined' || typeof navigator.onLine !== 'boolean' ? true : navigator.onLine;
}
