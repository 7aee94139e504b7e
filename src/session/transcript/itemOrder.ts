// Where an item goes in the tracked transcript: ordered by AbsoluteTime, ties in arrival order, and items
// still without a time (messages being sent) after everything that has one.
import type { ChatTranscriptItem } from '../../types.js';

/** Milliseconds since the epoch, or null when the item has no usable time. */
export function timeOf(item: ChatTranscriptItem): number | null {
  if (!item.AbsoluteTime) return null;
  const ms = Date.parse(item.AbsoluteTime);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * The index at which `item` is inserted into `items` (already in order): after every timed item that is
 * not later than it, so equal times keep arrival order. An untimed item goes last.
 */
export function insertionIndex(items: readonly ChatTranscriptItem[], item: ChatTranscriptItem): number {
  const time = timeOf(item);
  if (time === null) return items.length;
  let index = items.length;
  // Most items arrive in order, so the walk from the end usually stops at once.
  while (index > 0) {
    const before = timeOf(items[index - 1] as ChatTranscriptItem);
    if (before !== null && before <= time) break;
    index -= 1;
  }
  return index;
}
