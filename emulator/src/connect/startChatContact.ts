// Amazon Connect StartChatContact (`PUT /contact/chat`): creates the contact and its customer, and for
// persistent chat carries the past transcript over (items keep their origin as RelatedContactId).
import type { IncomingMessage, ServerResponse } from 'http';
import { EventTypes, MAX_CONTENT_LENGTH, SENDABLE_MESSAGE_TYPES, SUPPORTED_MESSAGING_TYPES } from '../core/contentTypes';
import { senderOf } from '../chat/chatService';
import type { EmulatorContext } from '../context';
import { connectInvalidParameterError, invalidRequest, resourceNotFound, toServiceError, unknownOperation } from '../core/errors';
import { readJsonBody, sendError, sendJson } from '../http/common';
import type { Contact } from '../store/store';
import { visibleTranscript } from '../store/transcript';
import { ROLE_CONFIG_PATH, updateParticipantRoleConfig } from './participantRoleConfig';
import { FieldReader, isJsonObject, JsonObject } from '../core/validation';

export const START_CHAT_PATH = '/contact/chat';
const ATTRIBUTES_MAX_BYTES = 32_768;
const REHYDRATION_TYPES = ['ENTIRE_PAST_SESSION', 'FROM_SEGMENT'] as const;
type RehydrationType = (typeof REHYDRATION_TYPES)[number];

interface StartChatRequest {
  displayName: string;
  initialMessage?: { contentType: string; content: string };
  supportedContentTypes?: string[];
  chatDurationMinutes: number;
  persistent?: { rehydrationType: RehydrationType; sourceContactId: string };
}

export async function handleStartChatContact(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  if (ctx.faults.isInOutage({})) {
    req.socket.destroy();
    return;
  }
  try {
    const body = await readJsonBody(req);
    const roleConfig = ROLE_CONFIG_PATH.exec(path);
    if (req.method === 'PUT' && roleConfig) {
      updateParticipantRoleConfig(ctx, roleConfig[2], body);
      return sendJson(res, 200, {});
    }
    if (req.method !== 'PUT' || path !== START_CHAT_PATH) throw unknownOperation(req.method ?? 'GET', path);
    const injected = ctx.faults.takeHttpError('StartChatContact', {});
    if (injected) throw injected;
    const answer = startChatIdempotently(ctx, body);
    if (ctx.options.latencyMs > 0) await ctx.scheduler.sleep(ctx.options.latencyMs);
    sendJson(res, 200, answer);
  } catch (err) {
    sendError(res, toServiceError(err));
  }
}

function startChatIdempotently(ctx: EmulatorContext, body: JsonObject): unknown {
  const request = parseRequest(body);
  const clientToken = typeof body.ClientToken === 'string' ? body.ClientToken : undefined;
  // Same ClientToken → same contact, as the service treats the request as idempotent.
  const earlier = clientToken ? ctx.store.startAnswer(clientToken) : undefined;
  if (earlier) return earlier;
  ctx.retention.admitContact();
  const answer = startChat(ctx, request);
  if (clientToken) ctx.store.rememberStartAnswer(clientToken, answer);
  return answer;
}

function parseRequest(body: JsonObject): StartChatRequest {
  const fields = new FieldReader(body, connectInvalidParameterError);
  fields.string('InstanceId', 1, 100);
  fields.string('ContactFlowId', 0, 500);
  const displayName = fields.object('ParticipantDetails').string('DisplayName', 1, 256);
  checkAttributes(fields.raw('Attributes'));
  fields.optionalString('ClientToken', 0, 500);
  fields.optionalString('RelatedContactId', 1, 256);
  const chatDurationMinutes = fields.optionalInteger('ChatDurationInMinutes', 60, 10080) ?? 1500;
  const supportedContentTypes = readSupportedTypes(fields);
  const message = fields.optionalObject('InitialMessage');
  const initialMessage = message && { contentType: message.string('ContentType', 1, 100), content: message.string('Content', 1, MAX_CONTENT_LENGTH) };
  if (initialMessage && !(SENDABLE_MESSAGE_TYPES as readonly string[]).includes(initialMessage.contentType)) {
    throw invalidRequest(`InitialMessage.ContentType ${initialMessage.contentType} is not supported`);
  }
  const persistentFields = fields.optionalObject('PersistentChat');
  const persistent = persistentFields && {
    rehydrationType: persistentFields.oneOf('RehydrationType', REHYDRATION_TYPES),
    sourceContactId: persistentFields.string('SourceContactId', 1, 256),
  };
  if (persistent && fields.raw('RelatedContactId') !== undefined) throw invalidRequest('PersistentChat and RelatedContactId cannot be used together');
  return { displayName, initialMessage, supportedContentTypes, chatDurationMinutes, persistent };
}

function readSupportedTypes(fields: FieldReader): string[] | undefined {
  const types = fields.optionalStringList('SupportedMessagingContentTypes', 1, 10, 1, 100);
  if (!types) return undefined;
  if (!types.includes('text/plain')) throw invalidRequest('SupportedMessagingContentTypes must include text/plain');
  const unknown = types.find((type) => !SUPPORTED_MESSAGING_TYPES.includes(type));
  if (unknown) throw invalidRequest(`SupportedMessagingContentTypes contains unsupported type ${unknown}`);
  return types;
}

function checkAttributes(attributes: unknown): void {
  if (attributes === undefined || attributes === null) return;
  if (!isJsonObject(attributes)) throw connectInvalidParameterError('Attributes', 'Member must be a map');
  let bytes = 0;
  Object.entries(attributes).forEach(([key, value]) => {
    if (key.length < 1 || key.length > 32767 || typeof value !== 'string' || value.length > 32767) {
      throw connectInvalidParameterError('Attributes', 'Map keys must have length 1..32767 and values must be strings of length 0..32767');
    }
    bytes += Buffer.byteLength(key) + Buffer.byteLength(value);
  });
  if (bytes > ATTRIBUTES_MAX_BYTES) throw connectInvalidParameterError('Attributes', `Attributes must not exceed ${ATTRIBUTES_MAX_BYTES} bytes in total`);
}

function startChat(ctx: EmulatorContext, request: StartChatRequest): Record<string, unknown> {
  const source = request.persistent && findRehydrationSource(ctx, request.persistent.sourceContactId, request.persistent.rehydrationType);
  const contact = ctx.store.createContact({
    supportedContentTypes: request.supportedContentTypes,
    persistentRootId: source?.persistentRootId,
    continuedFromContactId: source?.contactId,
  });
  if (source && request.persistent) copyPastTranscript(ctx, source, contact, request.persistent.rehydrationType);
  const customer = ctx.chat.join(contact, 'CUSTOMER', request.displayName);
  if (source) ctx.chat.sendEvent(contact, undefined, EventTypes.chatRehydrated);
  if (request.initialMessage) ctx.chat.sendMessage(contact, senderOf(customer), request.initialMessage);
  // The timer holds the id, not the contact, so an ended contact can be forgotten before it fires.
  const contactId = contact.contactId;
  ctx.scheduler.after(request.chatDurationMinutes * 60_000, () => {
    const current = ctx.store.contacts.get(contactId);
    if (current) ctx.chat.end(current);
  });
  ctx.chat.announceContactStarted(contact);
  const answer: Record<string, unknown> = { ContactId: contact.contactId, ParticipantId: customer.participantId, ParticipantToken: customer.participantToken };
  if (source) answer.ContinuedFromContactId = source.contactId;
  return answer;
}

/** ENTIRE_PAST_SESSION names the chain (its first contact) and takes its latest ended contact;
 * FROM_SEGMENT names exactly the contact to continue from. */
function findRehydrationSource(ctx: EmulatorContext, sourceContactId: string, type: RehydrationType): Contact {
  const named = ctx.store.contacts.get(sourceContactId);
  if (!named) throw resourceNotFound(`Contact ${sourceContactId} not found`, sourceContactId, 'CONTACT');
  const candidates = type === 'FROM_SEGMENT' ? [named] : [...ctx.store.contacts.values()].filter((contact) => contact.persistentRootId === named.persistentRootId);
  const ended = candidates.filter((contact) => contact.state === 'ENDED').sort((a, b) => (a.endedAtMs ?? 0) - (b.endedAtMs ?? 0));
  const latest = ended[ended.length - 1];
  if (!latest) throw invalidRequest(`Contact ${sourceContactId} has not ended; only an ended chat can be continued`);
  return latest;
}

/** ENTIRE_PAST_SESSION copies the source's whole transcript (its own past included); FROM_SEGMENT only the source's own items. */
function copyPastTranscript(ctx: EmulatorContext, source: Contact, contact: Contact, type: RehydrationType): void {
  visibleTranscript(source).forEach(({ item }) => {
    const isOwn = item.ContactId === source.contactId;
    if (type === 'FROM_SEGMENT' && !isOwn) return;
    const { ContactId, InitialContactId, ...rest } = item;
    void InitialContactId;
    ctx.store.appendItem(contact, { ...rest, RelatedContactId: ContactId ?? item.RelatedContactId }, true);
  });
}
