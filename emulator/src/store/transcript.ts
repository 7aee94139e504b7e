// GetTranscript: which stored items a participant sees and how they are paged.
// Typing events and receipt items are not kept in the transcript; receipts are folded into the
// MessageMetadata.Receipts of the message they acknowledge.
import { EventTypes } from '../core/contentTypes';
import { validationError } from '../core/errors';
import type { Contact, StoredItem } from './store';
import type { Item, Receipt } from '../types';

export type ScanDirection = 'FORWARD' | 'BACKWARD';
export type SortOrder = 'ASCENDING' | 'DESCENDING';

export interface StartPosition {
  Id?: string;
  AbsoluteTime?: string;
  MostRecent?: number;
}

export interface TranscriptQuery {
  contactFilter?: string;
  maxResults: number;
  nextToken?: string;
  scanDirection?: ScanDirection;
  sortOrder: SortOrder;
  startPosition?: StartPosition;
}

export interface TranscriptPage {
  items: Item[];
  nextToken?: string;
}

interface VisibleItem {
  seq: number;
  item: Item;
}

/** The transcript as GetTranscript shows it, oldest first, receipts folded in. */
export function visibleTranscript(contact: Contact): VisibleItem[] {
  const receipts = collectReceipts(contact.items);
  return contact.items
    .filter((stored) => stored.item.Type !== 'MESSAGEMETADATA' && stored.item.ContentType !== EventTypes.typing)
    .map((stored) => ({ seq: stored.seq, item: withReceipts(stored.item, receipts.get(stored.item.Id)) }));
}

/** Merges the receipt items of a contact by message id and recipient. */
function collectReceipts(items: StoredItem[]): Map<string, Receipt[]> {
  const byMessage = new Map<string, Map<string, Receipt>>();
  items.forEach(({ item }) => {
    const target = item.MessageMetadata?.MessageId;
    if (item.Type !== 'MESSAGEMETADATA' || !target) return;
    const perRecipient = byMessage.get(target) ?? new Map<string, Receipt>();
    (item.MessageMetadata?.Receipts ?? []).forEach((receipt) => {
      const merged = { ...perRecipient.get(receipt.RecipientParticipantId), ...receipt };
      perRecipient.set(receipt.RecipientParticipantId, merged);
    });
    byMessage.set(target, perRecipient);
  });
  return new Map([...byMessage].map(([messageId, perRecipient]) => [messageId, [...perRecipient.values()]]));
}

function withReceipts(item: Item, receipts: Receipt[] | undefined): Item {
  if (!receipts || item.Type !== 'MESSAGE') return item;
  return { ...item, MessageMetadata: { ...item.MessageMetadata, MessageId: item.Id, Receipts: receipts } };
}

/** The position a page starts from, expressed as a sequence number and a direction. */
interface Cursor {
  seq: number;
  direction: ScanDirection;
}

export function pageTranscript(contact: Contact, query: TranscriptQuery): TranscriptPage {
  const all = visibleTranscript(contact).filter((entry) => matchesContact(entry.item, query.contactFilter));
  const cursor = query.nextToken ? decodeToken(query.nextToken, contact.contactId) : startCursor(contact, all, query);
  const { page, next } = cursor.direction === 'FORWARD' ? forwardPage(all, cursor.seq, query.maxResults) : backwardPage(all, cursor.seq, query.maxResults);
  const items = page.map((entry) => entry.item);
  if (query.sortOrder === 'DESCENDING') items.reverse();
  return { items, nextToken: next === undefined ? undefined : encodeToken(contact.contactId, { seq: next, direction: cursor.direction }) };
}

function matchesContact(item: Item, contactFilter: string | undefined): boolean {
  return !contactFilter || item.ContactId === contactFilter || item.RelatedContactId === contactFilter;
}

function startCursor(contact: Contact, all: VisibleItem[], query: TranscriptQuery): Cursor {
  const position = query.startPosition;
  const direction = query.scanDirection ?? (position ? 'FORWARD' : 'BACKWARD');
  if (!position) return { seq: direction === 'FORWARD' ? 0 : Number.MAX_SAFE_INTEGER, direction };
  if (position.Id !== undefined) return { seq: seqOfId(contact, position.Id), direction };
  if (position.AbsoluteTime !== undefined) return { seq: seqOfTime(all, position.AbsoluteTime, direction), direction };
  const anchor = all[all.length - 1 - (position.MostRecent ?? 0)];
  return { seq: anchor ? anchor.seq : direction === 'FORWARD' ? 0 : -1, direction };
}

/** An Id anchors at its stored position, so a typing or receipt Id works too. */
function seqOfId(contact: Contact, id: string): number {
  const stored = contact.items.find((entry) => entry.item.Id === id);
  if (!stored) throw validationError(`StartPosition.Id ${id} was not found in this chat`);
  return stored.seq;
}

function seqOfTime(all: VisibleItem[], time: string, direction: ScanDirection): number {
  if (Number.isNaN(Date.parse(time))) throw validationError('StartPosition.AbsoluteTime is not a valid ISO-8601 timestamp');
  const at = Date.parse(time);
  if (direction === 'FORWARD') {
    const first = all.find((entry) => Date.parse(entry.item.AbsoluteTime) >= at);
    return first ? first.seq : Number.MAX_SAFE_INTEGER;
  }
  const earlier = all.filter((entry) => Date.parse(entry.item.AbsoluteTime) <= at);
  return earlier.length ? earlier[earlier.length - 1].seq : -1;
}

/** Items with seq ≥ start, oldest first; `next` is where the following page starts. */
function forwardPage(all: VisibleItem[], start: number, max: number): { page: VisibleItem[]; next?: number } {
  const from = all.findIndex((entry) => entry.seq >= start);
  if (from < 0 || max === 0) return { page: [] };
  const page = all.slice(from, from + max);
  const following = all[from + max];
  return { page, next: following?.seq };
}

/** Items with seq ≤ end, the newest `max` of them, returned oldest first. */
function backwardPage(all: VisibleItem[], end: number, max: number): { page: VisibleItem[]; next?: number } {
  let last = -1;
  all.forEach((entry, index) => {
    if (entry.seq <= end) last = index;
  });
  if (last < 0 || max === 0) return { page: [] };
  const from = Math.max(0, last - max + 1);
  const preceding = all[from - 1];
  return { page: all.slice(from, last + 1), next: preceding?.seq };
}

function encodeToken(contactId: string, cursor: Cursor): string {
  return Buffer.from(JSON.stringify({ c: contactId, s: cursor.seq, d: cursor.direction })).toString('base64url');
}

function decodeToken(token: string, contactId: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { c?: unknown; s?: unknown; d?: unknown };
    if (parsed.c === contactId && typeof parsed.s === 'number' && (parsed.d === 'FORWARD' || parsed.d === 'BACKWARD')) {
      return { seq: parsed.s, direction: parsed.d };
    }
  } catch {
    // fall through: any undecodable token is simply invalid
  }
  throw validationError('Invalid NextToken');
}
