// What happens in a chat: joining, messages, events, receipts, leaving, ending. Each step stores an
// item and hands it to the listeners (the websocket hub pushes it, bots react to it).
import { EventTypes } from '../core/contentTypes';
import { eventItem, messageItem, receiptItem, Sender } from '../store/items';
import { Clock } from '../core/scheduler';
import { Contact, Participant, Store, StoredItem } from '../store/store';
import type { Item, MessageMetadata, ParticipantRole } from '../types';

export interface ChatListener {
  /** An item was stored for `contact` (typing and receipts included). */
  itemPublished?(contact: Contact, item: Item): void;
  /** A participant left; its sockets should close once the left event is out. */
  participantLeft?(contact: Contact, participant: Participant): void;
  /** The contact ended (chat.ended already published). */
  contactEnded?(contact: Contact): void;
  /** StartChatContact created a contact (bots join here). */
  contactStarted?(contact: Contact): void;
  /** An ended contact was forgotten (retention): drop anything kept about it. */
  contactForgotten?(contact: Contact): void;
}

export interface OutgoingMessage {
  contentType: string;
  content: string;
  id?: string;
  messageMetadata?: MessageMetadata;
}

export function senderOf(participant: Participant): Sender {
  return { participantId: participant.participantId, displayName: participant.displayName, role: participant.role };
}

export class ChatService {
  private readonly listeners: ChatListener[] = [];

  constructor(
    readonly store: Store,
    readonly clock: Clock,
  ) {}

  addListener(listener: ChatListener): void {
    this.listeners.push(listener);
  }

  private notify(call: (listener: ChatListener) => void): void {
    this.listeners.forEach((listener) => {
      try {
        call(listener);
      } catch {
        // One misbehaving listener (a closed socket, a bot) must not stop the others.
      }
    });
  }

  /** Stores an item and pushes it to every listener. */
  publish(contact: Contact, item: Item): StoredItem {
    const stored = this.store.appendItem(contact, item);
    this.notify((listener) => listener.itemPublished?.(contact, item));
    return stored;
  }

  announceContactStarted(contact: Contact): void {
    this.notify((listener) => listener.contactStarted?.(contact));
  }

  join(contact: Contact, role: ParticipantRole, displayName: string): Participant {
    const participant = this.store.addParticipant(contact, role, displayName);
    this.publish(contact, eventItem(contact, this.clock.nowIso(), EventTypes.joined, senderOf(participant)));
    return participant;
  }

  sendMessage(contact: Contact, sender: Sender, message: OutgoingMessage): Item {
    const item = messageItem(contact, this.clock.nowIso(), sender, message);
    if (message.id && this.store.findItem(contact, message.id)) {
      // A later Lex chunk (or the completed message) replaces the stored one and is pushed again.
      const stored = this.store.upsertItem(contact, item);
      this.notify((listener) => listener.itemPublished?.(contact, item));
      return stored.item;
    }
    this.publish(contact, item);
    return item;
  }

  sendEvent(contact: Contact, sender: Sender | undefined, contentType: string, content?: string): Item {
    const item = eventItem(contact, this.clock.nowIso(), contentType, sender, content);
    this.publish(contact, item);
    return item;
  }

  sendReceipt(contact: Contact, sender: Sender, kind: 'read' | 'delivered', messageId: string): Item {
    const item = receiptItem(contact, this.clock.nowIso(), kind, messageId, sender.participantId);
    this.publish(contact, item);
    return item;
  }

  /** DisconnectParticipant: participant.left; a customer leaving ends the chat. */
  leave(contact: Contact, participant: Participant): void {
    if (participant.state === 'LEFT' || contact.state === 'ENDED') return;
    this.sendEvent(contact, senderOf(participant), EventTypes.left);
    participant.state = 'LEFT';
    this.notify((listener) => listener.participantLeft?.(contact, participant));
    if (participant.role === 'CUSTOMER') this.end(contact);
  }

  /** Tells the listeners an ended contact is gone from the store. */
  forget(contact: Contact): void {
    this.notify((listener) => listener.contactForgotten?.(contact));
  }

  /** Ends the contact: chat.ended to everyone, then every token of the contact is refused. */
  end(contact: Contact): void {
    if (contact.state === 'ENDED') return;
    this.sendEvent(contact, undefined, EventTypes.chatEnded);
    contact.state = 'ENDED';
    contact.endedAtMs = this.clock.nowMs();
    this.notify((listener) => listener.contactEnded?.(contact));
  }
}
