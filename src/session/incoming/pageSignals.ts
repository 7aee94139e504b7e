// `online` and "page visible again" as gap evidence: while the page slept or the network was away, the
// socket may have stayed open (or looked open) and dropped frames. The manager's own NetworkWatcher
// wakes a link that is down; this one asks the session to check a link that is up.
import { defaultIsPageVisible, defaultNetworkEventTarget, defaultVisibilityEventTarget, NetworkWatcher } from '../../transport/networkWatcher.js';
import type { EventSourceLike } from '../../transport/types.js';
import type { GapSignal } from './gapSignals.js';

export interface PageEventSources {
  network: EventSourceLike | null;
  visibility: EventSourceLike | null;
  isVisible(): boolean;
}

/** `window` and `document` when there are any (browsers, jsdom); none in Node. */
export const defaultPageEventSources = (): PageEventSources => ({
  network: defaultNetworkEventTarget(),
  visibility: defaultVisibilityEventTarget(),
  isVisible: defaultIsPageVisible,
});

/** Listens while the gap watch runs; the manager's NetworkWatcher does the listening, with gap signals as its calls. */
export class PageSignals {
  private readonly watcher: NetworkWatcher;

  constructor(sources: PageEventSources, signal: (signal: GapSignal) => void) {
    this.watcher = new NetworkWatcher({
      networkEventTarget: sources.network,
      visibilityEventTarget: sources.visibility,
      isPageVisible: () => sources.isVisible(),
      onOnline: () => signal('online'),
      // Going offline is no evidence of a gap: the link's own heartbeat tells a link that is down.
      onOffline: () => undefined,
      onVisible: () => signal('page-visible'),
    });
  }

  start(): void {
    this.watcher.start();
  }

  stop(): void {
    this.watcher.stop();
  }
}
