// Scripted participants that make a local chat feel alive.
// echo: an agent "Echo Bot" joins each new contact, types, marks customer messages read and answers,
//       until a human agent joins (an emulated CCP agent accepting it, or the control API): then it is quiet.
// lex:  a SYSTEM bot answers with Lex streaming chunks (same Id, ChunkNumber 1..n, then the completed message).
import { randomUUID } from 'crypto';
import { ChatService, senderOf } from './chatService';
import { EventTypes } from '../core/contentTypes';
import type { ChatListener } from './chatService';
import type { Sender } from '../store/items';
import { Scheduler } from '../core/scheduler';
import type { Contact, Participant } from '../store/store';
import type { BotKind, Item } from '../types';

const ECHO_BOT_NAME = 'Echo Bot';
const LEX_BOT_NAME = 'BOT';
/** How many streaming chunks a Lex answer is split into (fewer when the answer has fewer words). */
const LEX_CHUNKS = 3;

export function createBot(kind: BotKind, chat: ChatService, scheduler: Scheduler, delayMs: number): ChatListener | undefined {
  if (kind === 'echo') return new EchoBot(chat, scheduler, delayMs);
  if (kind === 'lex') return new LexBot(chat, scheduler, delayMs);
  return undefined;
}

function isCustomerMessage(item: Item): boolean {
  return item.ParticipantRole === 'CUSTOMER' && (item.Type === 'MESSAGE' || item.Type === 'ATTACHMENT');
}

/** What the bots say back: the text for messages, a note for attachments. */
function replyText(item: Item): string {
  if (item.Type === 'ATTACHMENT') return `Received ${item.Attachments?.[0]?.AttachmentName ?? 'an attachment'}`;
  return item.Content ?? '';
}

/** Markdown is answered in markdown; anything else (JSON, interactive responses) in plain text. */
function replyContentType(item: Item): string {
  return item.ContentType === 'text/markdown' ? 'text/markdown' : 'text/plain';
}

class EchoBot implements ChatListener {
  private readonly agents = new Map<string, Participant>();
  /** Contacts a human agent has joined: the bot hands over and says nothing more there. */
  private readonly handedOver = new Set<string>();
  /** The contact whose bot join is being published, so that join is not taken for a human's. */
  private joiningContactId: string | undefined;

  constructor(
    private readonly chat: ChatService,
    private readonly scheduler: Scheduler,
    private readonly delayMs: number,
  ) {}

  contactStarted(contact: Contact): void {
    this.scheduler.after(this.delayMs, () => this.agentFor(contact));
  }

  /** The contact's Echo Bot, joining now if the customer spoke before the scheduled join. */
  private agentFor(contact: Contact): Participant | undefined {
    const existing = this.agents.get(contact.contactId);
    if (existing || contact.state !== 'ACTIVE' || this.handedOver.has(contact.contactId)) return existing;
    this.joiningContactId = contact.contactId;
    try {
      const agent = this.chat.join(contact, 'AGENT', ECHO_BOT_NAME);
      this.agents.set(contact.contactId, agent);
      return agent;
    } finally {
      this.joiningContactId = undefined;
    }
  }

  contactEnded(contact: Contact): void {
    this.agents.delete(contact.contactId);
    this.handedOver.delete(contact.contactId);
  }

  itemPublished(contact: Contact, item: Item): void {
    if (this.isHumanAgentJoin(contact, item)) this.handedOver.add(contact.contactId);
    else if (isCustomerMessage(item) && !this.handedOver.has(contact.contactId)) void this.answer(contact, item);
  }

  private isHumanAgentJoin(contact: Contact, item: Item): boolean {
    const isAgentJoin = item.Type === 'EVENT' && item.ContentType === EventTypes.joined && item.ParticipantRole === 'AGENT';
    return isAgentJoin && this.joiningContactId !== contact.contactId && item.ParticipantId !== this.agents.get(contact.contactId)?.participantId;
  }

  private async answer(contact: Contact, item: Item): Promise<void> {
    await this.scheduler.sleep(this.delayMs);
    const agent = this.agentFor(contact);
    if (!agent || !this.isLive(contact, agent)) return;
    const sender = senderOf(agent);
    if (item.Type === 'MESSAGE') this.chat.sendReceipt(contact, sender, 'read', item.Id);
    this.chat.sendEvent(contact, sender, EventTypes.typing);
    await this.scheduler.sleep(this.delayMs);
    if (!this.isLive(contact, agent)) return;
    this.chat.sendMessage(contact, sender, { contentType: replyContentType(item), content: `Echo: ${replyText(item)}` });
  }

  private isLive(contact: Contact, agent: Participant): boolean {
    return contact.state === 'ACTIVE' && agent.state === 'ACTIVE' && !this.handedOver.has(contact.contactId);
  }
}

class LexBot implements ChatListener {
  private readonly senders = new Map<string, Sender>();

  constructor(
    private readonly chat: ChatService,
    private readonly scheduler: Scheduler,
    private readonly delayMs: number,
  ) {}

  contactEnded(contact: Contact): void {
    this.senders.delete(contact.contactId);
  }

  itemPublished(contact: Contact, item: Item): void {
    if (isCustomerMessage(item)) void this.answer(contact, `You said: ${replyText(item)}`);
  }

  private senderFor(contact: Contact): Sender {
    const existing = this.senders.get(contact.contactId);
    if (existing) return existing;
    const sender: Sender = { participantId: randomUUID(), displayName: LEX_BOT_NAME, role: 'SYSTEM' };
    this.senders.set(contact.contactId, sender);
    return sender;
  }

  /** Streams `text` in chunks sharing one Id, then sends the completed message with the full text. */
  private async answer(contact: Contact, text: string): Promise<void> {
    const id = randomUUID();
    const sender = this.senderFor(contact);
    const chunks = splitIntoChunks(text, LEX_CHUNKS);
    for (let index = 0; index < chunks.length; index += 1) {
      await this.scheduler.sleep(this.delayMs);
      if (contact.state !== 'ACTIVE') return;
      const messageMetadata = { MessageId: id, MessageCompleted: false, ChunkNumber: index + 1 };
      this.chat.sendMessage(contact, sender, { id, contentType: 'text/plain', content: chunks[index], messageMetadata });
    }
    await this.scheduler.sleep(this.delayMs);
    if (contact.state !== 'ACTIVE') return;
    this.chat.sendMessage(contact, sender, { id, contentType: 'text/plain', content: text, messageMetadata: { MessageId: id, MessageCompleted: true } });
  }
}

/** Splits at word boundaries into at most `count` non-empty pieces whose concatenation is `text`. */
export function splitIntoChunks(text: string, count: number): string[] {
  const words = text.match(/\S+\s*/g) ?? [text];
  const size = Math.ceil(words.length / count);
  const chunks: string[] = [];
  for (let start = 0; start < words.length; start += size) chunks.push(words.slice(start, start + size).join(''));
  return chunks.length > 0 ? chunks : [text];
}
