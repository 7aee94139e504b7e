// Builders for the items the service stores and pushes. Every item carries InitialContactId and
// ContactId because chatjs filters websocket items by them.
import { randomUUID } from 'crypto';
import type { Contact } from './store';
import type { AttachmentItem, Item, MessageMetadata, ParticipantRole } from '../types';

/** Who an item is from: a participant of the contact or a pseudo-participant (SYSTEM, bots). */
export interface Sender {
  participantId: string;
  displayName: string;
  role: ParticipantRole;
}

function base(contact: Contact, time: string, id?: string): Pick<Item, 'Id' | 'AbsoluteTime' | 'InitialContactId' | 'ContactId'> {
  return { Id: id ?? randomUUID(), AbsoluteTime: time, InitialContactId: contact.initialContactId, ContactId: contact.contactId };
}

function from(sender: Sender): Pick<Item, 'ParticipantId' | 'DisplayName' | 'ParticipantRole'> {
  return { ParticipantId: sender.participantId, DisplayName: sender.displayName, ParticipantRole: sender.role };
}

export function messageItem(
  contact: Contact,
  time: string,
  sender: Sender,
  message: { contentType: string; content: string; id?: string; messageMetadata?: MessageMetadata },
): Item {
  // Written out rather than spread from base() and from(): this runs for every message of a flood, and
  // spreading made building the item the emulator's largest cost.
  const item: Item = {
    Id: message.id ?? randomUUID(),
    AbsoluteTime: time,
    InitialContactId: contact.initialContactId,
    ContactId: contact.contactId,
    Type: 'MESSAGE',
    ContentType: message.contentType,
    Content: message.content,
    ParticipantId: sender.participantId,
    DisplayName: sender.displayName,
    ParticipantRole: sender.role,
  };
  if (message.messageMetadata) item.MessageMetadata = { ...message.messageMetadata };
  return item;
}

/** An EVENT item; the sender is omitted for service events such as chat.ended. */
export function eventItem(contact: Contact, time: string, contentType: string, sender?: Sender, content?: string): Item {
  const item: Item = { ...base(contact, time), Type: 'EVENT', ContentType: contentType };
  if (content !== undefined) item.Content = content;
  return sender ? { ...item, ...from(sender) } : item;
}

/** A read/delivered receipt as the websocket pushes it (`Type: MESSAGEMETADATA`). */
export function receiptItem(contact: Contact, time: string, kind: 'read' | 'delivered', messageId: string, recipientId: string): Item {
  const stamp = kind === 'read' ? { ReadTimestamp: time } : { DeliveredTimestamp: time };
  return {
    ...base(contact, time),
    Type: 'MESSAGEMETADATA',
    MessageMetadata: { MessageId: messageId, Receipts: [{ ...stamp, RecipientParticipantId: recipientId }] },
  };
}

export function attachmentItem(contact: Contact, time: string, sender: Sender, attachment: AttachmentItem): Item {
  return { ...base(contact, time), Type: 'ATTACHMENT', ...from(sender), Attachments: [attachment] };
}
