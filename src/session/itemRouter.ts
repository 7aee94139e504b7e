// Decides which session event an incoming item becomes (chatjs-behavior §3.3, §3.4).
import { CHAT_EVENTS, CONTENT_TYPE, type ChatEventName } from '../constants.js';
import type { ChatTranscriptItem } from '../types.js';

const EVENT_BY_CONTENT_TYPE: Readonly<Record<string, ChatEventName>> = {
  [CONTENT_TYPE.typing]: CHAT_EVENTS.INCOMING_TYPING,
  [CONTENT_TYPE.readReceipt]: CHAT_EVENTS.INCOMING_READ_RECEIPT,
  [CONTENT_TYPE.deliveredReceipt]: CHAT_EVENTS.INCOMING_DELIVERED_RECEIPT,
  [CONTENT_TYPE.participantIdle]: CHAT_EVENTS.PARTICIPANT_IDLE,
  [CONTENT_TYPE.participantReturned]: CHAT_EVENTS.PARTICIPANT_RETURNED,
  [CONTENT_TYPE.participantInvited]: CHAT_EVENTS.PARTICIPANT_INVITED,
  [CONTENT_TYPE.autoDisconnection]: CHAT_EVENTS.AUTODISCONNECTION,
  [CONTENT_TYPE.authenticationInitiated]: CHAT_EVENTS.AUTHENTICATION_INITIATED,
  [CONTENT_TYPE.authenticationSuccessful]: CHAT_EVENTS.AUTHENTICATION_SUCCESSFUL,
  [CONTENT_TYPE.authenticationFailed]: CHAT_EVENTS.AUTHENTICATION_FAILED,
  [CONTENT_TYPE.authenticationTimeout]: CHAT_EVENTS.AUTHENTICATION_TIMEOUT,
  [CONTENT_TYPE.authenticationExpired]: CHAT_EVENTS.AUTHENTICATION_EXPIRED,
  [CONTENT_TYPE.authenticationCanceled]: CHAT_EVENTS.AUTHENTICATION_CANCELED,
  [CONTENT_TYPE.participantDisplayNameUpdated]: CHAT_EVENTS.PARTICIPANT_DISPLAY_NAME_UPDATED,
  [CONTENT_TYPE.chatRehydrated]: CHAT_EVENTS.CHAT_REHYDRATED,
};

export const isReceiptItem = (item: ChatTranscriptItem): boolean =>
  item.Type === 'MESSAGEMETADATA' ||
  item.Type === 'MESSAGE_METADATA' ||
  item.ContentType === CONTENT_TYPE.readReceipt ||
  item.ContentType === CONTENT_TYPE.deliveredReceipt;

export const isChatEnded = (item: ChatTranscriptItem): boolean => item.ContentType === CONTENT_TYPE.chatEnded;

export const isTransferSucceeded = (item: ChatTranscriptItem): boolean => item.ContentType === CONTENT_TYPE.transferSucceeded;

/** Read wins over delivered; null when the item carries no usable receipt. */
function receiptEvent(item: ChatTranscriptItem): ChatEventName | null {
  const receipt = item.MessageMetadata?.Receipts?.[0];
  if (!receipt) return null;
  if (receipt.ReadTimestamp) return CHAT_EVENTS.INCOMING_READ_RECEIPT;
  if (receipt.DeliveredTimestamp) return CHAT_EVENTS.INCOMING_DELIVERED_RECEIPT;
  return null;
}

/**
 * The event an item becomes for the participant `ownParticipantId`, or null when the session must drop it
 * (a receipt without receipts, or a receipt this participant sent itself).
 */
export function classifyItem(item: ChatTranscriptItem, ownParticipantId: string): ChatEventName | null {
  if (isReceiptItem(item)) {
    const recipient = item.MessageMetadata?.Receipts?.[0]?.RecipientParticipantId;
    if (recipient !== undefined && recipient === ownParticipantId) return null;
    return receiptEvent(item);
  }
  return EVENT_BY_CONTENT_TYPE[item.ContentType] ?? CHAT_EVENTS.INCOMING_MESSAGE;
}

/** Parses a websocket frame's `content` into an item; null when it is not one. */
export function parseItem(content: unknown): ChatTranscriptItem | null {
  let value: unknown = content;
  if (typeof content === 'string') {
    try {
      value = JSON.parse(content);
    } catch {
      return null;
    }
  }
  if (typeof value !== 'object' || value === null) return null;
  const item = value as Partial<ChatTranscriptItem>;
  if (typeof item.ContentType !== 'string' && typeof item.Type !== 'string') return null;
  return item as ChatTranscriptItem;
}

/** Whether an item on the shared `aws/chat` topic belongs to this session's contact (receipts are not filtered). */
export function belongsToContact(item: ChatTranscriptItem, contactId: string, initialContactId: string): boolean {
  return (
    item.InitialContactId === initialContactId ||
    item.ContactId === contactId ||
    item.Type === 'MESSAGEMETADATA' ||
    item.Type === 'MESSAGE_METADATA'
  );
}
