// `online` and "page visible again" as gap evidence: while the page slept or the network was away, the
// socket may have stayed open (or looked open) and dropped frames. The manager's own NetworkWatcher
// wakes a link that is down; this one asks the session to check a link that is up.
import { defaultIsPageVisible, defaultNetworkEventTarget, defaultVisibilityEventTarget } from '../../transport/networkWatcher.js';
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

export class PageSignals {
  private listening = false;
  private readonly online = (): void => this.signal('online');
  private readonly visibility = (): void => {
    if (this.sources.isVisible()) this.signal('page-visible');
  };

  constructor(
    private readonly sources: PageEventSources,
    private readonly signal: (signal: GapSignal) => void,
  ) {}

  start(): void {
    if (this.listening) return;
    this.listening = true;
    this.sources.network?.addEventListener('online', this.online);
    this.sources.visibility?.addEventListener('visibilitychange', this.visibility);
  }

  stop(): void {
    if (!this.listening) return;
    this.listening = false;
    this.sources.network?.removeEventListener('online', this.online);
    this.sources.visibility?.removeEventListener('visibilitychange', this.visibility);
  }
}
