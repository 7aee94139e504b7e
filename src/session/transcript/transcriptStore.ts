// The transcript onTranscriptUpdated shows: items by Id, kept in AbsoluteTime order (see itemOrder.ts).
// Stored items are never mutated, only replaced, so a snapshot handed to the app cannot change under it.
import { MESSAGE_STATUS } from '../../constants.js';
import type { ChatTranscriptItem } from '../../types.js';
import { insertionIndex, timeOf } from './itemOrder.js';
import { mergeStatus, withStatus, type ReceiptStatus } from './messageStatus.js';

/** Receipts for messages not seen yet are remembered, up to this many (oldest forgotten first). */
const MAX_EARLY_RECEIPTS = 200;

export class TranscriptStore {
  private items: ChatTranscriptItem[] = [];
  /** A receipt can overtake its message (it may still be in flight, or older than the fetched pages). */
  private readonly earlyReceipts = new Map<string, ReceiptStatus>();

  get size(): number {
    return this.items.length;
  }

  has(id: string): boolean {
    return this.indexOf(id) >= 0;
  }

  get(id: string): ChatTranscriptItem | undefined {
    return this.items[this.indexOf(id)];
  }

  /** Adds `item`, or replaces the item with its Id where it stands (it moves only when its time changed). */
  upsert(item: ChatTranscriptItem): void {
    const index = this.indexOf(item.Id);
    const existing = this.items[index];
    let next = existing ? keepStatus(existing, item) : item;
    const early = this.earlyReceipts.get(item.Id);
    if (early !== undefined) {
      this.earlyReceipts.delete(item.Id);
      next = withStatus(next, mergeStatus(next.MessageMetadata?.Status, early));
    }
    if (existing && timeOf(existing) === timeOf(next)) {
      this.items[index] = next;
      return;
    }
    if (existing) this.items.splice(index, 1);
    this.items.splice(insertionIndex(this.items, next), 0, next);
  }

  /** Moves the item `fromId` to a new Id (and fields), as when a sent message gets its real Id. */
  replace(fromId: string, item: ChatTranscriptItem): void {
    this.remove(fromId);
    this.upsert(item);
  }

  remove(id: string): void {
    const index = this.indexOf(id);
    if (index >= 0) this.items.splice(index, 1);
  }

  /** A receipt for message `messageId`: its Status becomes READ or DELIVERED (READ is never downgraded). */
  applyReceipt(messageId: string, status: ReceiptStatus): void {
    const existing = this.get(messageId);
    if (existing) {
      this.upsert(withStatus(existing, mergeStatus(existing.MessageMetadata?.Status, status)));
      return;
    }
    this.earlyReceipts.set(messageId, mergeStatus(this.earlyReceipts.get(messageId), status) as ReceiptStatus);
    if (this.earlyReceipts.size > MAX_EARLY_RECEIPTS) {
      const oldest = this.earlyReceipts.keys().next().value as string;
      this.earlyReceipts.delete(oldest);
    }
  }

  /** A copy the app may keep or change: new array, new item and metadata objects. */
  snapshot(): ChatTranscriptItem[] {
    return this.items.map((item) => (item.MessageMetadata ? { ...item, MessageMetadata: { ...item.MessageMetadata } } : { ...item }));
  }

  private indexOf(id: string): number {
    return this.items.findIndex((item) => item.Id === id);
  }
}

/** A newer copy of an item keeps the local Status unless it brings a stronger one of its own. */
function keepStatus(existing: ChatTranscriptItem, next: ChatTranscriptItem): ChatTranscriptItem {
  const kept = existing.MessageMetadata?.Status;
  const incoming = next.MessageMetadata?.Status;
  if (kept === undefined || incoming === kept) return next;
  if (incoming === undefined) return withStatus(next, kept);
  return kept === MESSAGE_STATUS.READ ? withStatus(next, kept) : next;
}
