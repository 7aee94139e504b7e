// Opt-in: the customer closed the last tab of the chat, so the participant leaves (DisconnectParticipant
// with `keepalive`, a request the browser finishes after the page is gone) and the agent sees it at once.
//
// A page cannot ask the browser why it is going away. `pagehide` fires for a close, a reload and any
// navigation alike, so the page watches what comes before it and counts as staying when:
//  - the page goes into the back/forward cache (`persisted`): it may come back;
//  - the Navigation API announced a reload, or a navigation to a page of this origin;
//  - (browsers without it) F5 / Ctrl+R / Cmd+R was pressed, or a same-origin link or form was used;
//  - another session of the chat is open (another tab, or a frame).
// What cannot be told apart is listed in docs/tabs.md (e.g. the browser's reload button where the Navigation
// API is missing, a same-site address typed in the address bar, a crash).
//
// A browser may stop a closing page's `pagehide` listeners partway (Firefox does, at a tab close, typically
// at the first loop it runs): so the request is built ahead, when the page turns hidden (which comes before
// `pagehide`), and the listener hands it to `fetch` as is, before doing anything else.
import type { Logger } from '../../log/logger.js';
import type { TabEventSource, TabPage } from './tabEnvironment.js';

/** A hint that the page stays (reload, same-site navigation) counts for this long before `pagehide`. */
export const STAYING_HINT_MS = 10_000;

type Listener = [source: TabEventSource, type: string, listener: (event: Event) => void];

export class LeaveOnClose {
  /** When the last hint that this page stays was seen (ms since epoch); null when none. */
  private stayingSince: number | null = null;
  private listeners: Listener[] = [];

  constructor(
    private readonly page: TabPage,
    /** True when no other session of the chat is open. */
    private readonly isLastSession: () => boolean,
    /** Sends the keepalive DisconnectParticipant. */
    private readonly leave: () => void,
    /** Builds that request ahead, so that `leave` has little left to do (cheap to call again). */
    private readonly prepareLeave: () => void,
    private readonly logger: Logger,
  ) {}

  start(): void {
    if (this.listeners.length > 0) return;
    const { window, navigation } = this.page;
    this.listen(window, 'pagehide', (event) => this.pageHidden(event));
    // `visibilitychange` is fired at the document and reaches the window's capture listeners.
    this.listen(window, 'visibilitychange', () => this.prepareLeave());
    this.listen(window, 'keydown', (event) => this.keyPressed(event));
    this.listen(window, 'click', (event) => this.clicked(event));
    this.listen(window, 'submit', (event) => this.submitted(event));
    if (navigation) this.listen(navigation, 'navigate', (event) => this.navigating(event));
  }

  stop(): void {
    for (const [source, type, listener] of this.listeners) source.removeEventListener(type, listener, { capture: true });
    this.listeners = [];
  }

  private listen(source: TabEventSource, type: string, listener: (event: Event) => void): void {
    source.addEventListener(type, listener, { capture: true });
    this.listeners.push([source, type, listener]);
  }

  private staying(): void {
    this.stayingSince = Date.now();
  }

  private sameOrigin(url: unknown): boolean {
    if (typeof url !== 'string') return false;
    try {
      return new URL(url, this.page.origin).origin === this.page.origin;
    } catch {
      return false;
    }
  }

  private navigating(event: Event): void {
    const navigation = event as Event & { navigationType?: string; destination?: { url?: string; sameDocument?: boolean } };
    if (navigation.destination?.sameDocument) return;
    if (navigation.navigationType === 'reload' || this.sameOrigin(navigation.destination?.url)) this.staying();
    else this.stayingSince = null;
  }

  private keyPressed(event: Event): void {
    const key = event as KeyboardEvent;
    if (key.key === 'F5' || ((key.ctrlKey || key.metaKey) && (key.key === 'r' || key.key === 'R'))) this.staying();
  }

  private clicked(event: Event): void {
    const target = event.target as { closest?: (selector: string) => Element | null } | null;
    const link = target?.closest?.('a[href]') as HTMLAnchorElement | null | undefined;
    if (link && (link.target === '' || link.target === '_self') && this.sameOrigin(link.href)) this.staying();
  }

  private submitted(event: Event): void {
    const form = event.target as HTMLFormElement | null;
    if (form && this.sameOrigin(form.action || this.page.origin)) this.staying();
  }

  private pageHidden(event: Event): void {
    if ((event as PageTransitionEvent).persisted) return;
    const hinted = this.stayingSince !== null && Date.now() - this.stayingSince < STAYING_HINT_MS;
    if (hinted || !this.isLastSession()) return;
    this.leave();
    this.logger.info('The last tab of the chat is closing: the participant left');
  }
}
