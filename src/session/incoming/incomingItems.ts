// The one way in for items of this session's contact: a live item goes straight to the app (once, by Id)
// unless a missed-message recovery runs, which then holds it until the items it fetched went first. While
// the link is up, the gap watch looks for items the socket silently missed (gapWatch.ts).
import type { Logger } from '../../log/logger.js';
import type { ChatTranscriptItem } from '../../types.js';
import { DeliveryLog } from './deliveryLog.js';
import type { GapSignal } from './gapSignals.js';
import { GapWatch } from './gapWatch.js';
import { MissedMessageRecovery, type FetchTranscriptPage } from './missedMessages.js';
import { defaultPageEventSources, type PageEventSources } from './pageSignals.js';

export class IncomingItems {
  private readonly log = new DeliveryLog();
  private readonly recovery: MissedMessageRecovery;
  private readonly gaps: GapWatch;
  /** Where a recovery starts when nothing was delivered yet: when the link first came up, or before that, when the session began. */
  private since = new Date().toISOString();
  private wasUp = false;

  constructor(
    fetchPage: FetchTranscriptPage,
    /** Hands one item, seen for the first time, to the session's events. */
    private readonly deliver: (item: ChatTranscriptItem) => void,
    logger: Logger,
    pageSources: PageEventSources = defaultPageEventSources(),
  ) {
    this.recovery = new MissedMessageRecovery(fetchPage, deliver, this.log, logger);
    this.gaps = new GapWatch({ recover: () => this.recover(), log: this.log, logger, pageSources });
  }

  /** The link came up; true when it had been up before (a reconnect). */
  linkUp(): boolean {
    if (this.wasUp) return true;
    this.wasUp = true;
    this.since = new Date().toISOString();
    return false;
  }

  /** A reload: paints the items the tab showed before it and resumes after the newest; false when there were none. */
  replay(items: ChatTranscriptItem[]): boolean {
    const newest = items[items.length - 1];
    if (!newest?.Id) return false;
    items.forEach((item) => this.accept(item));
    this.resumeAfter(newest.Id);
    return true;
  }

  /** A live item from the link. */
  accept(item: ChatTranscriptItem): void {
    this.gaps.arrived(item);
    if (this.recovery.running) this.recovery.hold(item);
    else if (this.log.admit(item)) this.deliver(item);
  }

  /** `itemId` was handled by an earlier session: it counts as delivered and a recovery starts after it. */
  resumeAfter(itemId: string): void {
    this.log.resumeAfter(itemId);
  }

  /** Fetches and delivers what was missed since the last item delivered (see `since`); resolves the count. */
  recover(): Promise<number> {
    return this.recovery.recover(this.since);
  }

  /** Watches for silent gaps while `on` (the link is up), else ends the watch's timers and listeners. */
  watchGaps(on: boolean): void {
    if (on) this.gaps.start();
    else this.gaps.stop();
  }

  /** This session's SendMessage answered with `itemId`: its echo is expected over the socket. */
  sent(itemId: string): void {
    this.gaps.sent(itemId);
  }

  /** Evidence from the link (a late heartbeat, a failed ping) that items may have been missed. */
  suspectGap(signal: GapSignal): void {
    this.gaps.suspect(signal);
  }

  /** Ends a running recovery and clears its timer, and the gap watch's (the link is gone). */
  stop(): void {
    this.gaps.stop();
    this.recovery.stop();
  }
}
