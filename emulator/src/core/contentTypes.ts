// Content types and limits of the chat service (participant-wire.md §7, §8).

const EVENT = 'application/vnd.amazonaws.connect.event.';

export const EventTypes = {
  typing: `${EVENT}typing`,
  read: `${EVENT}message.read`,
  delivered: `${EVENT}message.delivered`,
  connectionAcknowledged: `${EVENT}connection.acknowledged`,
  joined: `${EVENT}participant.joined`,
  left: `${EVENT}participant.left`,
  chatEnded: `${EVENT}chat.ended`,
  chatRehydrated: `${EVENT}chat.rehydrated`,
  transferSucceeded: `${EVENT}transfer.succeeded`,
  idle: `${EVENT}participant.idle`,
  returned: `${EVENT}participant.returned`,
  autoDisconnection: `${EVENT}participant.autodisconnection`,
} as const;

/** Message types a participant may send with SendMessage. */
export const SENDABLE_MESSAGE_TYPES = [
  'text/plain',
  'text/markdown',
  'application/json',
  'application/vnd.amazonaws.connect.message.interactive.response',
] as const;

/** What flows and bots send for the interactive templates (never SendMessage). */
export const INTERACTIVE_MESSAGE_TYPE = 'application/vnd.amazonaws.connect.message.interactive';
export const INTERACTIVE_RESPONSE_TYPE = 'application/vnd.amazonaws.connect.message.interactive.response';

/** Types a contact may list in SupportedMessagingContentTypes (adds what flows and bots send). */
export const SUPPORTED_MESSAGING_TYPES = [...SENDABLE_MESSAGE_TYPES, INTERACTIVE_MESSAGE_TYPE];

/** Event types a participant may send with SendEvent. */
export const SENDABLE_EVENT_TYPES = [
  EventTypes.typing,
  EventTypes.read,
  EventTypes.delivered,
  EventTypes.connectionAcknowledged,
] as const;

export const MAX_CONTENT_LENGTH = 16384;

/** The 20 MB per-attachment limit of the feature-limits page. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** MIME types of the allowed attachment extensions (.csv .doc .docx .heic .jfif .jpeg .jpg .mov .mp4 .pdf .png
 * .ppt .pptx .rtf .txt .wav .xls .xlsx). */
export const ATTACHMENT_TYPES: readonly string[] = [
  'text/csv',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'image/heic',
  'image/jpeg',
  'video/quicktime',
  'video/mp4',
  'application/pdf',
  'image/png',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/rtf',
  'text/rtf',
  'text/plain',
  'audio/wav',
  'audio/x-wav',
  'audio/vnd.wave',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

export function isReceiptType(contentType: string | undefined): boolean {
  return contentType === EventTypes.read || contentType === EventTypes.delivered;
}

/** Which receipt a receipt content type is. */
export function receiptKind(contentType: string): 'read' | 'delivered' {
  return contentType === EventTypes.read ? 'read' : 'delivered';
}

/** A receipt's Content names the item it answers, `{"messageId": "<Item.Id>"}`; undefined when it does not. */
export function receiptMessageId(content: string | undefined): string | undefined {
  try {
    const parsed: unknown = JSON.parse(content ?? '');
    const messageId = typeof parsed === 'object' && parsed !== null ? (parsed as { messageId?: unknown }).messageId : undefined;
    return typeof messageId === 'string' && messageId.length > 0 ? messageId : undefined;
  } catch {
    return undefined;
  }
}
