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
    this.listen(true);
  }

  stop(): void {
    this.listen(false);
  }

  /** Adds or removes all three listeners together; a repeated start or stop changes nothing. */
  private listen(on: boolean): void {
    if (on === this.started) return;
    this.started = on;
    const method = on ? 'addEventListener' : 'removeEventListener';
    const { networkEventTarget, visibilityEventTarget } = this.options;
    networkEventTarget?.[method]('online', this.online);
    networkEventTarget?.[method]('offline', this.offline);
    visibilityEventTarget?.[method]('visibilitychange', this.visibility);
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
