// The local Status a tracked message carries (MessageMetadata.Status) and how receipts move it.
import { MESSAGE_STATUS } from '../../constants.js';
import type { ChatTranscriptItem, Receipt } from '../../types.js';

export type ReceiptStatus = typeof MESSAGE_STATUS.READ | typeof MESSAGE_STATUS.DELIVERED;

/** READ when the receipt says read (read wins), DELIVERED when delivered, else null. */
export function statusOfReceipt(receipt: Receipt | undefined): ReceiptStatus | null {
  if (receipt?.ReadTimestamp) return MESSAGE_STATUS.READ;
  if (receipt?.DeliveredTimestamp) return MESSAGE_STATUS.DELIVERED;
  return null;
}

/** The strongest receipt a fetched message already carries from someone other than `ownParticipantId`. */
export function statusOfFetchedItem(item: ChatTranscriptItem, ownParticipantId: string): ReceiptStatus | null {
  const receipts = (item.MessageMetadata?.Receipts ?? []).filter((r) => r.RecipientParticipantId !== ownParticipantId);
  const statuses = receipts.map(statusOfReceipt);
  if (statuses.includes(MESSAGE_STATUS.READ)) return MESSAGE_STATUS.READ;
  return statuses.includes(MESSAGE_STATUS.DELIVERED) ? MESSAGE_STATUS.DELIVERED : null;
}

/** A message once read stays read: a late delivered receipt never downgrades it. */
export function mergeStatus(current: string | undefined, next: ReceiptStatus): string {
  return current === MESSAGE_STATUS.READ ? current : next;
}

/** `item` with MessageMetadata.Status set (a new object; the original is not touched). */
export function withStatus(item: ChatTranscriptItem, status: string): ChatTranscriptItem {
  return { ...item, MessageMetadata: { ...item.MessageMetadata, Status: status } };
}
