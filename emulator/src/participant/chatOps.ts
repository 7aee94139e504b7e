// The chat operations of the Participant Service: connection, messages, events, transcript, disconnect.
import { isReceiptType, MAX_CONTENT_LENGTH, receiptKind, receiptMessageId, SENDABLE_EVENT_TYPES, SENDABLE_MESSAGE_TYPES } from '../core/contentTypes';
import { senderOf } from '../chat/chatService';
import { conflictError, participantValidationError } from '../core/errors';
import type { OperationCall } from './operation';
import { activeParticipants, Contact } from '../store/store';
import { pageTranscript, SortOrder, StartPosition, ScanDirection } from '../store/transcript';

const CONNECTION_TYPES = ['WEBSOCKET', 'CONNECTION_CREDENTIALS', 'WEBRTC_CONNECTION'] as const;

export function createParticipantConnection({ ctx, ref, fields }: OperationCall): unknown {
  const types = fields.optionalStringList('Type', 1, 3, 1, 100);
  types?.forEach((type) => {
    if (!(CONNECTION_TYPES as readonly string[]).includes(type)) {
      throw participantValidationError('Type', `Member must satisfy enum value set: [${CONNECTION_TYPES.join(', ')}]`);
    }
  });
  fields.optionalBoolean('ConnectParticipant');
  // No Type at all (an agent's ConnectParticipant-only call) still gets both, which no client minds.
  const wanted = types ?? ['WEBSOCKET', 'CONNECTION_CREDENTIALS'];
  const now = ctx.clock.nowMs();
  const answer: Record<string, unknown> = {};
  if (wanted.includes('WEBSOCKET')) {
    const { ticket, expiresAtMs } = ctx.store.issueWebsocketTicket(ref, ctx.options.websocketUrlTtlMs, now);
    answer.Websocket = { Url: ctx.hub.urlFor(ticket, ctx.address.url('ws')), ConnectionExpiry: new Date(expiresAtMs).toISOString() };
  }
  if (wanted.includes('CONNECTION_CREDENTIALS')) {
    const { token, expiresAtMs } = ctx.store.issueConnectionToken(ref, ctx.options.connectionTokenTtlMs, now);
    answer.ConnectionCredentials = { ConnectionToken: token, Expiry: new Date(expiresAtMs).toISOString() };
  }
  return answer;
}

export function sendMessage({ ctx, ref, fields }: OperationCall): unknown {
  const contentType = fields.string('ContentType', 1, 100);
  if (!(SENDABLE_MESSAGE_TYPES as readonly string[]).includes(contentType) || !contactAccepts(ref.contact, contentType)) {
    throw participantValidationError('ContentType', `Content type ${contentType} is not supported for this chat`);
  }
  const content = fields.string('Content', 1, MAX_CONTENT_LENGTH);
  fields.optionalString('ClientToken', 0, 500);
  ctx.contactCenter.monitoring.checkMaySend(ref.participant);
  ctx.retention.admitItems(2 * content.length);
  const item = ctx.chat.sendMessage(ref.contact, senderOf(ref.participant), { contentType, content });
  return { Id: item.Id, AbsoluteTime: item.AbsoluteTime };
}

function contactAccepts(contact: Contact, contentType: string): boolean {
  return !contact.supportedContentTypes || contact.supportedContentTypes.includes(contentType);
}

export function sendEvent({ ctx, ref, fields }: OperationCall): unknown {
  const contentType = fields.string('ContentType', 1, 100);
  if (!(SENDABLE_EVENT_TYPES as readonly string[]).includes(contentType)) {
    throw participantValidationError('ContentType', `Member must satisfy enum value set: [${SENDABLE_EVENT_TYPES.join(', ')}]`);
  }
  const content = fields.optionalString('Content', 1, MAX_CONTENT_LENGTH);
  fields.optionalString('ClientToken', 0, 500);
  ctx.retention.admitItems(2 * (content?.length ?? 0));
  const sender = senderOf(ref.participant);
  if (!isReceiptType(contentType)) {
    const item = ctx.chat.sendEvent(ref.contact, sender, contentType, content);
    return { Id: item.Id, AbsoluteTime: item.AbsoluteTime };
  }
  const messageId = receiptMessageId(content);
  if (messageId === undefined) throw participantValidationError('Content', 'Receipt content must be a JSON object with a messageId');
  if (hasBargedSupervisor(ref.contact)) throw conflictError('Message receipts are not supported when more than two participants are active');
  const item = ctx.chat.sendReceipt(ref.contact, sender, receiptKind(contentType), messageId);
  return { Id: item.Id, AbsoluteTime: item.AbsoluteTime };
}

function hasBargedSupervisor(contact: Contact): boolean {
  const active = activeParticipants(contact);
  return active.length > 2 && active.some((participant) => participant.role === 'SUPERVISOR');
}

export function getTranscript({ ref, fields }: OperationCall): unknown {
  const contactFilter = fields.optionalString('ContactId', 1, 256);
  if (contactFilter && !isInChain(ref.contact, contactFilter)) {
    throw participantValidationError('ContactId', 'Contact is not part of this chat');
  }
  const page = pageTranscript(ref.contact, {
    contactFilter: contactFilter === ref.contact.contactId ? undefined : contactFilter,
    maxResults: fields.optionalInteger('MaxResults', 0, 100) ?? 10,
    nextToken: fields.optionalString('NextToken', 1, 1000),
    scanDirection: fields.optionalOneOf<ScanDirection>('ScanDirection', ['FORWARD', 'BACKWARD']),
    sortOrder: fields.optionalOneOf<SortOrder>('SortOrder', ['DESCENDING', 'ASCENDING']) ?? 'DESCENDING',
    startPosition: readStartPosition(fields.optionalObject('StartPosition')),
  });
  const answer: Record<string, unknown> = { InitialContactId: ref.contact.initialContactId, Transcript: page.items };
  if (page.nextToken) answer.NextToken = page.nextToken;
  return answer;
}

/** `StartPosition: {}` (what chatjs sends by default) means no start position. */
function readStartPosition(position: ReturnType<OperationCall['fields']['optionalObject']>): StartPosition | undefined {
  if (!position || position.isEmpty()) return undefined;
  return {
    Id: position.optionalString('Id', 1, 256),
    AbsoluteTime: position.optionalString('AbsoluteTime', 1, 100),
    MostRecent: position.optionalInteger('MostRecent', 0, 100),
  };
}

function isInChain(contact: Contact, contactId: string): boolean {
  return contact.contactId === contactId || contact.items.some((stored) => stored.past && stored.item.RelatedContactId === contactId);
}

export function disconnectParticipant({ ctx, ref, fields }: OperationCall): unknown {
  fields.optionalString('ClientToken', 0, 500);
  ctx.chat.leave(ref.contact, ref.participant);
  return {};
}
