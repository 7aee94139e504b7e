// The in-memory state of the emulator: contacts, their participants, tokens and stored items.
// Pure data and lookups; side effects (websocket pushes, bots) live in chatService.ts.
import { randomBytes, randomUUID } from 'crypto';
import type { Item, ParticipantRole } from '../types';
import { ExpiringGrant, GrantTable } from './grants';

export interface Participant {
  participantId: string;
  contactId: string;
  role: ParticipantRole;
  displayName: string;
  participantToken: string;
  /** LEFT after DisconnectParticipant: every token of the participant is then refused. */
  state: 'ACTIVE' | 'LEFT';
  /** Answers of idempotent writes by ClientToken and body, so an SDK retry is applied once. */
  idempotentAnswers: Map<string, unknown>;
}

export interface StoredItem {
  /** Global insertion order; transcript paging positions are expressed in it. */
  seq: number;
  item: Item;
  /** What the item was counted as against the transcript budget (see itemCost). */
  cost: number;
  /** True for items copied from a past contact by persistent chat. */
  past: boolean;
}

export interface Contact {
  contactId: string;
  initialContactId: string;
  state: 'ACTIVE' | 'ENDED';
  participants: Map<string, Participant>;
  items: StoredItem[];
  /** SupportedMessagingContentTypes of StartChatContact; undefined = every sendable type. */
  supportedContentTypes?: string[];
  /** First contact of the persistent-chat chain this contact belongs to. */
  persistentRootId: string;
  continuedFromContactId?: string;
  endedAtMs?: number;
}

export interface ParticipantRef {
  contact: Contact;
  participant: Participant;
}

const MAX_IDEMPOTENT_ANSWERS = 500;
/** Connection tokens (and, apart, websocket tickets) a participant holds at once; a new one retires the oldest. */
export const MAX_GRANTS_PER_PARTICIPANT = 16;
/** StartChatContact answers kept by ClientToken; the oldest go first. */
const MAX_START_ANSWERS = 10_000;
/** Per-item bookkeeping beyond its text (ids, timestamps, names), in bytes. */
const ITEM_OVERHEAD_BYTES = 512;

/** The memory an item is charged: its text twice (UTF-16) plus the fields every item has. */
export function itemCost(item: Item): number {
  const metadata = item.MessageMetadata ? JSON.stringify(item.MessageMetadata).length : 0;
  return ITEM_OVERHEAD_BYTES + 2 * ((item.Content?.length ?? 0) + metadata);
}

export class Store {
  readonly contacts = new Map<string, Contact>();
  private readonly participantTokens = new Map<string, { contactId: string; participantId: string }>();
  private readonly connectionTokens = new GrantTable(MAX_GRANTS_PER_PARTICIPANT);
  private readonly websocketTickets = new GrantTable(MAX_GRANTS_PER_PARTICIPANT);
  /** StartChatContact answers by ClientToken, so a retried start gets the same contact. */
  private readonly startAnswers = new Map<string, unknown>();
  private seq = 0;
  /** The sum of the costs of every stored item (see itemCost). */
  private transcriptBytes = 0;

  get storedTranscriptBytes(): number {
    return this.transcriptBytes;
  }

  activeContactCount(): number {
    let count = 0;
    this.contacts.forEach((contact) => {
      if (contact.state === 'ACTIVE') count += 1;
    });
    return count;
  }

  startAnswer(clientToken: string): unknown {
    return this.startAnswers.get(clientToken);
  }

  rememberStartAnswer(clientToken: string, answer: unknown): void {
    if (this.startAnswers.size >= MAX_START_ANSWERS) {
      const oldest = this.startAnswers.keys().next().value;
      if (oldest !== undefined) this.startAnswers.delete(oldest);
    }
    this.startAnswers.set(clientToken, answer);
  }

  /** Forgets a contact and every token of its participants. */
  removeContact(contact: Contact): void {
    this.contacts.delete(contact.contactId);
    contact.participants.forEach((participant) => this.participantTokens.delete(participant.participantToken));
    const ofContact = (grant: ExpiringGrant): boolean => grant.contactId === contact.contactId;
    this.connectionTokens.deleteWhere(ofContact);
    this.websocketTickets.deleteWhere(ofContact);
    contact.items.forEach((stored) => {
      this.transcriptBytes -= stored.cost;
    });
  }

  /** Drops connection tokens and websocket tickets that have expired. */
  sweepExpiredGrants(nowMs: number): void {
    const expired = (grant: ExpiringGrant): boolean => grant.expiresAtMs <= nowMs;
    this.connectionTokens.deleteWhere(expired);
    this.websocketTickets.deleteWhere(expired);
  }

  createContact(init: Partial<Pick<Contact, 'supportedContentTypes' | 'persistentRootId' | 'continuedFromContactId'>>): Contact {
    const contactId = randomUUID();
    const contact: Contact = {
      contactId,
      initialContactId: contactId,
      state: 'ACTIVE',
      participants: new Map(),
      items: [],
      supportedContentTypes: init.supportedContentTypes,
      persistentRootId: init.persistentRootId ?? contactId,
      continuedFromContactId: init.continuedFromContactId,
    };
    this.contacts.set(contactId, contact);
    return contact;
  }

  addParticipant(contact: Contact, role: ParticipantRole, displayName: string): Participant {
    const participant: Participant = {
      participantId: randomUUID(),
      contactId: contact.contactId,
      role,
      displayName,
      participantToken: secretToken('pt'),
      state: 'ACTIVE',
      idempotentAnswers: new Map(),
    };
    contact.participants.set(participant.participantId, participant);
    this.participantTokens.set(participant.participantToken, { contactId: contact.contactId, participantId: participant.participantId });
    return participant;
  }

  findParticipant(contactId: string, participantId: string): ParticipantRef | undefined {
    const contact = this.contacts.get(contactId);
    const participant = contact?.participants.get(participantId);
    return contact && participant ? { contact, participant } : undefined;
  }

  byParticipantToken(token: string): ParticipantRef | undefined {
    const grant = this.participantTokens.get(token);
    return grant && this.findParticipant(grant.contactId, grant.participantId);
  }

  issueConnectionToken(ref: ParticipantRef, ttlMs: number, nowMs: number): { token: string; expiresAtMs: number } {
    const { secret, expiresAtMs } = issueGrant(this.connectionTokens, 'ct', ref, nowMs + ttlMs);
    return { token: secret, expiresAtMs };
  }

  byConnectionToken(token: string, nowMs: number): ParticipantRef | undefined {
    return this.resolveGrant(this.connectionTokens, token, nowMs);
  }

  /** Drops the connection tokens of the matching participants (the expire-connection-tokens fault). */
  revokeConnectionTokens(matches: (grant: { contactId: string; participantId: string }) => boolean): number {
    return this.connectionTokens.deleteWhere(matches);
  }

  issueWebsocketTicket(ref: ParticipantRef, ttlMs: number, nowMs: number): { ticket: string; expiresAtMs: number } {
    const { secret, expiresAtMs } = issueGrant(this.websocketTickets, 'ws', ref, nowMs + ttlMs);
    return { ticket: secret, expiresAtMs };
  }

  byWebsocketTicket(ticket: string, nowMs: number): ParticipantRef | undefined {
    return this.resolveGrant(this.websocketTickets, ticket, nowMs);
  }

  private resolveGrant(grants: GrantTable, key: string, nowMs: number): ParticipantRef | undefined {
    const grant: ExpiringGrant | undefined = grants.resolve(key, nowMs);
    return grant && this.findParticipant(grant.contactId, grant.participantId);
  }

  appendItem(contact: Contact, item: Item, past = false): StoredItem {
    const stored: StoredItem = { seq: ++this.seq, item, past, cost: itemCost(item) };
    contact.items.push(stored);
    this.transcriptBytes += stored.cost;
    return stored;
  }

  /** Replaces the item with the same Id in place (Lex chunks → completed message), else appends. */
  upsertItem(contact: Contact, item: Item): StoredItem {
    const existing = contact.items.find((stored) => stored.item.Id === item.Id);
    if (!existing) return this.appendItem(contact, item);
    existing.item = { ...item, AbsoluteTime: existing.item.AbsoluteTime };
    const cost = itemCost(existing.item);
    this.transcriptBytes += cost - existing.cost;
    existing.cost = cost;
    return existing;
  }

  findItem(contact: Contact, itemId: string): StoredItem | undefined {
    return contact.items.find((stored) => stored.item.Id === itemId);
  }

  /** Remembers a write's answer under its ClientToken (bounded, oldest dropped first). */
  rememberAnswer(participant: Participant, key: string, answer: unknown): void {
    if (participant.idempotentAnswers.size >= MAX_IDEMPOTENT_ANSWERS) {
      const oldest = participant.idempotentAnswers.keys().next().value;
      if (oldest !== undefined) participant.idempotentAnswers.delete(oldest);
    }
    participant.idempotentAnswers.set(key, answer);
  }
}

/** An unguessable bearer value with a readable prefix. */
function secretToken(prefix: string): string {
  return `${prefix}-${randomBytes(24).toString('base64url')}`;
}

/** Stores a new secret (connection token or websocket ticket) for one participant until `expiresAtMs`. */
function issueGrant(grants: GrantTable, prefix: string, ref: ParticipantRef, expiresAtMs: number): { secret: string; expiresAtMs: number } {
  const secret = secretToken(prefix);
  grants.issue(secret, { contactId: ref.contact.contactId, participantId: ref.participant.participantId, expiresAtMs });
  return { secret, expiresAtMs };
}

/** Active participants of a contact that can still act (not LEFT). */
export function activeParticipants(contact: Contact): Participant[] {
  return [...contact.participants.values()].filter((participant) => participant.state === 'ACTIVE');
}
