// The one way in for items of this session's contact: a live item goes straight to the app (once, by Id)
// unless a missed-message recovery runs, which then holds it until the items it fetched went first.
import type { Logger } from '../../log/logger.js';
import type { ChatTranscriptItem } from '../../types.js';
import { DeliveryLog } from './deliveryLog.js';
import { MissedMessageRecovery, type FetchTranscriptPage } from './missedMessages.js';

export class IncomingItems {
  private readonly log = new DeliveryLog();
  private readonly recovery: MissedMessageRecovery;

  constructor(
    fetchPage: FetchTranscriptPage,
    /** Hands one item, seen for the first time, to the session's events. */
    private readonly deliver: (item: ChatTranscriptItem) => void,
    logger: Logger,
  ) {
    this.recovery = new MissedMessageRecovery(fetchPage, deliver, this.log, logger);
  }

  /** A live item from the link. */
  accept(item: ChatTranscriptItem): void {
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

  /** Ends a running recovery and clears its timer (the link is gone). */
  stop(): void {
    this.recovery.stop();
  }
}
