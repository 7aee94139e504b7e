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
  /** Where a gap recovery starts when nothing was delivered yet (set by watchGaps). */
  private fallbackTime = '';

  constructor(
    fetchPage: FetchTranscriptPage,
    /** Hands one item, seen for the first time, to the session's events. */
    private readonly deliver: (item: ChatTranscriptItem) => void,
    logger: Logger,
    pageSources: PageEventSources = defaultPageEventSources(),
  ) {
    this.recovery = new MissedMessageRecovery(fetchPage, deliver, this.log, logger);
    this.gaps = new GapWatch({ recover: () => this.recover(this.fallbackTime), log: this.log, logger, pageSources });
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

  /** Fetches and delivers what was missed since `fallbackTime` (or the last item); resolves the count. */
  recover(fallbackTime: string): Promise<number> {
    return this.recovery.recover(fallbackTime);
  }

  /** The link is up: watch for silent gaps (a recovery starts at `fallbackTime` when nothing was delivered). */
  watchGaps(fallbackTime: string): void {
    this.fallbackTime = fallbackTime;
    this.gaps.start();
  }

  /** The link is down or gone: the watch's timers and listeners end. */
  unwatchGaps(): void {
    this.gaps.stop();
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
