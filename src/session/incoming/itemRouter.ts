// Decides which session event an incoming item becomes (chatjs-behavior §3.3, §3.4).
import { CHAT_EVENTS, CONTENT_TYPE } from '../../constants.js';
import type { ChatDetails, ChatTranscriptItem } from '../../types.js';
import type { ItemEventName, SessionEventMap } from '../events/sessionEvents.js';

const EVENT_CONTENT_PREFIX = 'application/vnd.amazonaws.connect.event.';

/**
 * Event items that have a session event of their own, by the part of ContentType after the prefix. A Map,
 * not an object: a suffix such as `__proto__` or `constructor` must not find an inherited property.
 */
const EVENT_BY_SUFFIX: ReadonlyMap<string, ItemEventName> = new Map<string, ItemEventName>(Object.entries({
  'typing': 'INCOMING_TYPING',
  'message.read': 'INCOMING_READ_RECEIPT',
  'message.delivered': 'INCOMING_DELIVERED_RECEIPT',
  'participant.idle': 'PARTICIPANT_IDLE',
  'participant.returned': 'PARTICIPANT_RETURNED',
  'participant.invited': 'PARTICIPANT_INVITED',
  'participant.autodisconnection': 'AUTODISCONNECTION',
  'participant.displayname.updated': 'PARTICIPANT_DISPLAY_NAME_UPDATED',
  'authentication.initiated': 'AUTHENTICATION_INITIATED',
  'authentication.succeeded': 'AUTHENTICATION_SUCCESSFUL',
  'authentication.failed': 'AUTHENTICATION_FAILED',
  'authentication.timeout': 'AUTHENTICATION_TIMEOUT',
  'authentication.expired': 'AUTHENTICATION_EXPIRED',
  'authentication.cancelled': 'AUTHENTICATION_CANCELED',
  'chat.rehydrated': 'CHAT_REHYDRATED',
} satisfies Record<string, ItemEventName>));

function eventForContentType(contentType: string | undefined): ItemEventName {
  // ATTACHMENT items carry no top-level ContentType.
  const suffix = typeof contentType === 'string' && contentType.startsWith(EVENT_CONTENT_PREFIX) ? contentType.slice(EVENT_CONTENT_PREFIX.length) : '';
  return EVENT_BY_SUFFIX.get(suffix) ?? CHAT_EVENTS.INCOMING_MESSAGE;
}

/** A streaming chunk or the completed message that closes a stream. */
export function isPartialMessage(item: ChatTranscriptItem): boolean {
  const completed = item.MessageMetadata?.MessageCompleted;
  return item.ParticipantRole === 'SYSTEM' && item.Type === 'MESSAGE' && completed !== undefined && completed !== null;
}

/** Receipt items pushed by the service (chatjs also accepts the underscored spelling). */
const isMetadataItem = (item: ChatTranscriptItem): boolean => item.Type === 'MESSAGEMETADATA' || item.Type === 'MESSAGE_METADATA';

export const isReceiptItem = (item: ChatTranscriptItem): boolean =>
  isMetadataItem(item) ||
  item.ContentType === CONTENT_TYPE.readReceipt ||
  item.ContentType === CONTENT_TYPE.deliveredReceipt;

export const isChatEnded = (item: ChatTranscriptItem): boolean => item.ContentType === CONTENT_TYPE.chatEnded;

export const isTransferSucceeded = (item: ChatTranscriptItem): boolean => item.ContentType === CONTENT_TYPE.transferSucceeded;

/** Read wins over delivered; null when the item carries no usable receipt. */
function receiptEvent(item: ChatTranscriptItem): ItemEventName | null {
  const [first] = item.MessageMetadata?.Receipts ?? [];
  if (first?.ReadTimestamp) return CHAT_EVENTS.INCOMING_READ_RECEIPT;
  if (first?.DeliveredTimestamp) return CHAT_EVENTS.INCOMING_DELIVERED_RECEIPT;
  return null;
}

/**
 * The event an item becomes for the participant `ownParticipantId`, or null when the session must drop it
 * (a receipt without receipts, or a receipt this participant sent itself).
 */
export function classifyItem(item: ChatTranscriptItem, ownParticipantId: string): ItemEventName | null {
  if (isReceiptItem(item)) {
    const recipient = item.MessageMetadata?.Receipts?.[0]?.RecipientParticipantId;
    if (recipient !== undefined && recipient === ownParticipantId) return null;
    return receiptEvent(item);
  }
  return eventForContentType(item.ContentType);
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
  return item.InitialContactId === initialContactId || item.ContactId === contactId || isMetadataItem(item);
}

/** The payload of `event` for `item` (classifyItem's answer); authentication.initiated adds its `sessionId`. */
export function itemPayload(event: ItemEventName, item: ChatTranscriptItem, chatDetails: ChatDetails): SessionEventMap[ItemEventName] {
  // The router picked the event from the item's ContentType, so the item is what that event's payload
  // narrows `data` to; the type system cannot see that, hence the cast.
  const payload = { data: item, chatDetails } as SessionEventMap[ItemEventName];
  return event === CHAT_EVENTS.AUTHENTICATION_INITIATED ? { ...payload, sessionId: parseSessionId(item.Content) } : payload;
}

/** The SessionId an authentication.initiated item's content names, if any. */
export function parseSessionId(content: string | undefined): string | undefined {
  if (!content) return undefined;
  try {
    const parsed = JSON.parse(content) as { SessionId?: unknown; sessionId?: unknown };
    const id = parsed.SessionId ?? parsed.sessionId;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

/** The item upstream replays when the service says the chat is gone (a fresh copy each time). */
export function syntheticChatEnded(): ChatTranscriptItem {
  return { AbsoluteTime: '', ContentType: CONTENT_TYPE.chatEnded, Id: '', Type: 'EVENT', InitialContactId: '' };
}
