// What the control API does to a contact: add participants, speak as someone, emit events, flood.
import { randomUUID } from 'crypto';
import { senderOf } from '../chat/chatService';
import { INTERACTIVE_MESSAGE_TYPE, isReceiptType, receiptKind, receiptMessageId } from '../core/contentTypes';
import { checkInteractiveContent } from '../flows/templateCheck';
import type { EmulatorContext } from '../context';
import { conflictError, resourceNotFound, ServiceError, validationError } from '../core/errors';
import type { Sender } from '../store/items';
import type { Contact } from '../store/store';
import type { MessageMetadata, ParticipantRole } from '../types';
import { isJsonObject, JsonObject, optionalString } from '../core/validation';

const JOINABLE_ROLES: ParticipantRole[] = ['AGENT', 'CUSTOM_BOT', 'SUPERVISOR'];
const SPEAKING_ROLES: ParticipantRole[] = ['AGENT', 'CUSTOMER', 'SYSTEM', 'CUSTOM_BOT', 'SUPERVISOR'];
const DEFAULT_NAMES: Record<ParticipantRole, string> = {
  AGENT: 'Agent',
  CUSTOMER: 'Customer',
  SYSTEM: 'SYSTEM_MESSAGE',
  CUSTOM_BOT: 'BOT',
  SUPERVISOR: 'Supervisor',
};
const MAX_FLOOD = 100_000;
/** Text a control message may carry (four times SendMessage's 16 KB, for large interactive payloads). */
export const MAX_CONTROL_CONTENT = 65_536;
/** The JSON of a control message's messageMetadata. */
export const MAX_METADATA_JSON = 16_384;
/** count × bytes of one flood call. */
export const MAX_FLOOD_BYTES = 64 * 1024 * 1024;
/** Flood yields to the event loop this often so sockets get written while it runs. */
const FLOOD_BATCH = 50;

/** Stable pseudo-participants per contact and role, for messages sent "as a role". */
const pseudoSenders = new WeakMap<Contact, Map<ParticipantRole, string>>();

export function findContact(ctx: EmulatorContext, contactId: string): Contact {
  const contact = ctx.store.contacts.get(contactId);
  if (!contact) throw resourceNotFound(`Contact ${contactId} not found`, contactId, 'CONTACT');
  return contact;
}

function activeContact(ctx: EmulatorContext, contactId: string): Contact {
  const contact = findContact(ctx, contactId);
  if (contact.state !== 'ACTIVE') throw conflictError(`Contact ${contactId} has ended`);
  return contact;
}

const tooLarge = (message: string): ServiceError => new ServiceError(413, 'RequestEntityTooLargeException', message);

/** Every optional string of the control API's actions is non-empty when given. */
const optionalText = (body: JsonObject, field: string): string | undefined => optionalString(body, field, 'nonEmpty');

function optionalRole(body: JsonObject, allowed: ParticipantRole[]): ParticipantRole | undefined {
  const role = optionalText(body, 'role');
  if (role !== undefined && !(allowed as string[]).includes(role)) throw validationError(`role must be one of ${allowed.join(', ')}`);
  return role as ParticipantRole | undefined;
}

export function joinParticipant(ctx: EmulatorContext, contactId: string, body: JsonObject): unknown {
  const contact = activeContact(ctx, contactId);
  const role = optionalRole(body, JOINABLE_ROLES);
  if (!role) throw validationError(`role is required (${JOINABLE_ROLES.join(', ')})`);
  const participant = ctx.chat.join(contact, role, optionalText(body, 'displayName') ?? DEFAULT_NAMES[role]);
  return { ParticipantId: participant.participantId, ParticipantToken: participant.participantToken };
}

/** The sender named by `participantId`, else a pseudo-participant of `role` (or `fallbackRole`). */
function resolveSender(contact: Contact, body: JsonObject, fallbackRole: ParticipantRole | undefined): Sender | undefined {
  const participantId = optionalText(body, 'participantId');
  if (participantId) {
    const participant = contact.participants.get(participantId);
    if (!participant) throw resourceNotFound(`Participant ${participantId} not found`, participantId, 'PARTICIPANT');
    return senderOf(participant);
  }
  const role = optionalRole(body, SPEAKING_ROLES) ?? fallbackRole;
  if (!role) return undefined;
  const ids = pseudoSenders.get(contact) ?? new Map<ParticipantRole, string>();
  pseudoSenders.set(contact, ids);
  const id = ids.get(role) ?? randomUUID();
  ids.set(role, id);
  return { participantId: id, role, displayName: optionalText(body, 'displayName') ?? DEFAULT_NAMES[role] };
}

export function contactMessage(ctx: EmulatorContext, contactId: string, body: JsonObject): unknown {
  const contact = activeContact(ctx, contactId);
  const content = body.content;
  if (typeof content !== 'string') throw validationError('content must be a string');
  if (content.length > MAX_CONTROL_CONTENT) throw tooLarge(`content must be at most ${MAX_CONTROL_CONTENT} characters`);
  const metadata = body.messageMetadata;
  if (metadata !== undefined && !isJsonObject(metadata)) throw validationError('messageMetadata must be an object');
  const metadataLength = metadata === undefined ? 0 : JSON.stringify(metadata).length;
  if (metadataLength > MAX_METADATA_JSON) throw tooLarge(`messageMetadata must be at most ${MAX_METADATA_JSON} characters of JSON`);
  ctx.retention.admitItems(2 * (content.length + metadataLength));
  const sender = resolveSender(contact, body, 'AGENT') as Sender;
  const contentType = optionalText(body, 'contentType') ?? 'text/plain';
  // A bot's or flow's template is checked as a flow checks it before sending.
  if (contentType === INTERACTIVE_MESSAGE_TYPE) checkInteractiveContent(content);
  const item = ctx.chat.sendMessage(contact, sender, {
    contentType,
    content,
    id: optionalText(body, 'id'),
    messageMetadata: metadata as MessageMetadata | undefined,
  });
  return { Id: item.Id, AbsoluteTime: item.AbsoluteTime };
}

export function contactEvent(ctx: EmulatorContext, contactId: string, body: JsonObject): unknown {
  const contact = activeContact(ctx, contactId);
  const contentType = optionalText(body, 'contentType');
  if (!contentType) throw validationError('contentType is required');
  const content = body.content === undefined || body.content === null ? undefined : typeof body.content === 'string' ? body.content : JSON.stringify(body.content);
  if (content !== undefined && content.length > MAX_CONTROL_CONTENT) throw tooLarge(`content must be at most ${MAX_CONTROL_CONTENT} characters`);
  ctx.retention.admitItems(2 * (content?.length ?? 0));
  const sender = resolveSender(contact, body, undefined);
  const messageId = isReceiptType(contentType) ? receiptMessageId(content) : undefined;
  const item =
    messageId && sender
      ? ctx.chat.sendReceipt(contact, sender, receiptKind(contentType), messageId)
      : ctx.chat.sendEvent(contact, sender, contentType, content);
  return { Id: item.Id, AbsoluteTime: item.AbsoluteTime };
}

/** Sends `count` messages back to back; for benchmarks of the client's receive path. */
export async function flood(ctx: EmulatorContext, contactId: string, body: JsonObject): Promise<unknown> {
  const contact = activeContact(ctx, contactId);
  const count = body.count;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_FLOOD) throw validationError(`count must be an integer 1..${MAX_FLOOD}`);
  const bytes = body.bytes === undefined ? 0 : Number(body.bytes);
  if (!Number.isInteger(bytes) || bytes < 0 || bytes > 16384) throw validationError('bytes must be an integer 0..16384');
  if (count * bytes > MAX_FLOOD_BYTES) throw tooLarge(`count × bytes must be at most ${MAX_FLOOD_BYTES}`);
  const sender = resolveSender(contact, body, 'AGENT') as Sender;
  const contentType = optionalText(body, 'contentType') ?? 'text/plain';
  const started = Date.now();
  const ids: string[] = [];
  for (let index = 0; index < count && contact.state === 'ACTIVE'; index += 1) {
    const content = `flood ${index + 1}`.padEnd(bytes, '.');
    ctx.retention.admitItems(2 * content.length);
    ids.push(ctx.chat.sendMessage(contact, sender, { contentType, content }).Id);
    if ((index + 1) % FLOOD_BATCH === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return { firstId: ids[0], lastId: ids[ids.length - 1], ms: Date.now() - started };
}
