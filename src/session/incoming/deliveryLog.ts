// What was delivered: each incoming item (live, recovered or synthetic) goes to the app once, by Id; and
// where a recovery starts: the newest item the last recovery fetched, before which nothing can be missing.
// (Not the newest item delivered: a socket can drop items and then deliver later ones.)
import type { ChatTranscriptItem, StartPosition } from '../../types.js';
import { isPartialMessage } from './itemRouter.js';

/** How many delivered Ids are remembered for deduplication. */
const REMEMBERED_IDS = 2000;

/** Lex streaming chunks share an Id and are delivered once per chunk. */
function deliveryKey(item: ChatTranscriptItem): string | null {
  if (!item.Id) return null;
  if (!isPartialMessage(item)) return item.Id;
  const meta = item.MessageMetadata;
  return `${item.Id}#${meta?.MessageCompleted ? 'done' : String(meta?.ChunkNumber ?? '')}`;
}

/** Items the transcript keeps (typing and receipts are not kept): the ones a recovery can fetch. */
export const isTranscriptItem = (item: ChatTranscriptItem): boolean =>
  item.Type === 'MESSAGE' || item.Type === 'ATTACHMENT' || (item.Type === 'EVENT' && !String(item.ContentType).endsWith('.typing'));

/**
 * Remembers what was delivered: the keys of the last REMEMBERED_IDS items at least (one set in insertion
 * order; when it holds twice that many, the older half is dropped in one pass, so each item costs one
 * lookup and O(1) amortized even in a flood), the newest transcript item's time, and the recovery checkpoint.
 */
export class DeliveryLog {
  private keys = new Set<string>();
  /** The newest item a recovery fetched (or the item a resume starts after): the next recovery starts there. */
  private checkpointId: string | null = null;
  /** AbsoluteTime (ms) of the newest transcript item delivered; NaN before the first. */
  private newestMs = Number.NaN;
  /** AbsoluteTime of the first transcript item delivered (the service's clock), null before it. */
  private firstTime: string | null = null;

  /** Records the item; false when it was delivered before. */
  admit(item: ChatTranscriptItem): boolean {
    const key = deliveryKey(item);
    if (key !== null) {
      if (this.keys.has(key)) return false;
      this.remember(key);
    }
    if (isTranscriptItem(item) && item.Id && item.AbsoluteTime) {
      const ms = Date.parse(item.AbsoluteTime);
      if (!Number.isNaN(ms) && !(ms <= this.newestMs)) this.newestMs = ms;
      if (this.firstTime === null && !Number.isNaN(ms)) this.firstTime = item.AbsoluteTime;
    }
    return true;
  }

  /** Whether the item with this Id was delivered already (not for Lex chunks, which share an Id). */
  hasId(itemId: string): boolean {
    return this.keys.has(itemId);
  }

  /** Whether the item was delivered already (by its delivery key). */
  has(item: ChatTranscriptItem): boolean {
    const key = deliveryKey(item);
    return key !== null && this.keys.has(key);
  }

  /** Whether a transcript item is older than the newest one delivered (so it came late, out of order). */
  isOlderThanDelivered(item: ChatTranscriptItem): boolean {
    if (!isTranscriptItem(item) || isPartialMessage(item) || !item.AbsoluteTime) return false;
    return Date.parse(item.AbsoluteTime) < this.newestMs;
  }

  /** A restart: `itemId` was handled by an earlier session, so it counts as delivered and recovery starts after it. */
  resumeAfter(itemId: string): void {
    this.remember(itemId);
    this.checkpointId = itemId;
  }

  /** A recovery fetched the transcript up to `itemId`: every item before it has been delivered. */
  checkpoint(itemId: string): void {
    this.checkpointId = itemId;
  }

  private remember(key: string): void {
    if (this.keys.size >= 2 * REMEMBERED_IDS) this.keys = new Set([...this.keys].slice(REMEMBERED_IDS));
    this.keys.add(key);
  }

  /**
   * Where a recovery starts: at the checkpoint, else at `fallbackTime` (when the link first came up, by this
   * device's clock) or at the first item delivered, whichever is earlier: a clock ahead of the service's
   * must not start the recovery after items it should fetch.
   */
  startPosition(fallbackTime: string): StartPosition {
    if (this.checkpointId) return { Id: this.checkpointId };
    const first = this.firstTime;
    return { AbsoluteTime: first !== null && Date.parse(first) < Date.parse(fallbackTime) ? first : fallbackTime };
  }
}
