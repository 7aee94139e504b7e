// Which messages a fetched transcript shows as already read or delivered by this participant, so the
// throttler does not send those receipts again. Pure.
import type { ChatTranscriptItem, Receipt } from '../types.js';

export interface AcknowledgedMessages {
  read: string[];
  delivered: string[];
}

/**
 * Reads `MessageMetadata.Receipts` of every item: MESSAGEMETADATA items (keyed by `MessageId`) and
 * messages with receipts folded in (keyed by `MessageId`, else their own `Id`). Receipts another
 * participant sent are skipped, since they say nothing about what this participant has acknowledged.
 */
export function acknowledgedInTranscript(items: readonly ChatTranscriptItem[], participantId: string): AcknowledgedMessages {
  const result: AcknowledgedMessages = { read: [], delivered: [] };
  for (const item of items) {
    const metadata = item.MessageMetadata;
    const receipts = metadata?.Receipts;
    if (!Array.isArray(receipts)) continue;
    const messageId = metadata?.MessageId ?? (item.Type === 'MESSAGEMETADATA' ? undefined : item.Id);
    if (!messageId) continue;
    for (const receipt of receipts) {
      if (!isOwnReceipt(receipt, participantId)) continue;
      if (receipt.ReadTimestamp) result.read.push(messageId);
      if (receipt.DeliveredTimestamp) result.delivered.push(messageId);
    }
  }
  return result;
}

function isOwnReceipt(receipt: Receipt | null | undefined, participantId: string): boolean {
  if (receipt === null || typeof receipt !== 'object') return false;
  return !receipt.RecipientParticipantId || receipt.RecipientParticipantId === participantId;
}
