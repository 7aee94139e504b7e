// The demo contact flow (`bot: 'demo'`): a Lex-style bot (ParticipantRole SYSTEM, DisplayName BOT, as a
// Get customer input block shows it) greets the customer and asks with interactive messages; choosing
// "Talk to an agent" (or typing "agent") runs Transfer to queue: a flow message, the contact waits in the
// default queue, and an agent accepting it joins. Each contact's step is one state: bot → queued → agent.
import { randomUUID } from 'crypto';
import type { ChatListener, ChatService } from '../chat/chatService';
import type { Router } from '../ccp/router';
import { EventTypes, INTERACTIVE_MESSAGE_TYPE } from '../core/contentTypes';
import type { Cancel, Clock, Scheduler } from '../core/scheduler';
import type { Sender } from '../store/items';
import type { Contact } from '../store/store';
import type { Item } from '../types';
import type { ResolvedContactCenter } from './contactCenterOptions';
import { anythingElse, MENU, menuPicker, MORE, orderPanel, plansCarousel, readAnswer, visitTimePicker } from './demoContent';
import { checkInteractiveContent } from './templateCheck';

type FlowStep = 'bot' | 'queued' | 'agent';

interface FlowContact {
  step: FlowStep;
  bot: Sender;
  system: Sender;
  /** Timers of the queued step: the next position update and the longest wait; cleared when it ends. */
  positionTimer?: Cancel;
  waitTimer?: Cancel;
}

export interface DemoFlowDeps {
  chat: ChatService;
  scheduler: Scheduler;
  clock: Clock;
  router: () => Router;
  settings: ResolvedContactCenter;
  delayMs: number;
}

export const NO_AGENT_MESSAGE = 'Sorry, no agents are available right now. Please try again later.';
export const HANDOVER_MESSAGE = 'Thanks! Connecting you to an agent.';

export class DemoFlow implements ChatListener {
  private readonly contacts = new Map<string, FlowContact>();

  constructor(private readonly deps: DemoFlowDeps) {}


  contactStarted(contact: Contact): void {
    this.contacts.set(contact.contactId, {
      step: 'bot',
      bot: { participantId: randomUUID(), displayName: 'BOT', role: 'SYSTEM' },
      system: { participantId: randomUUID(), displayName: 'SYSTEM_MESSAGE', role: 'SYSTEM' },
    });
    void this.say(contact, [
      { contentType: 'text/plain', content: `Hi ${customerName(contact)}! I am the demo bot.` },
      { contentType: INTERACTIVE_MESSAGE_TYPE, content: menuPicker() },
    ]);
  }

  contactEnded(contact: Contact): void {
    this.leaveQueueStep(contact.contactId);
    this.contacts.delete(contact.contactId);
  }

  itemPublished(contact: Contact, item: Item): void {
    const flow = this.contacts.get(contact.contactId);
    if (!flow) return;
    if (flow.step === 'queued' && item.Type === 'EVENT' && item.ContentType === EventTypes.joined && item.ParticipantRole === 'AGENT') {
      this.leaveQueueStep(contact.contactId);
      flow.step = 'agent';
    } else if (flow.step === 'bot' && item.Type === 'MESSAGE' && item.ParticipantRole === 'CUSTOMER') {
      this.answer(contact, readAnswer(item.ContentType, item.Content));
    }
  }

  private answer(contact: Contact, answer: { text: string; templateType?: string }): void {
    const text = answer.text.toLowerCase();
    const bot = (content: string): { contentType: string; content: string } => ({ contentType: INTERACTIVE_MESSAGE_TYPE, content });
    const plain = (content: string): { contentType: string; content: string } => ({ contentType: 'text/plain', content });
    if (text === 'agent' || answer.text === MENU.agent) return this.handOver(contact);
    if (answer.templateType === 'TimePicker') return void this.say(contact, [plain(`Your visit is booked for ${answer.text}.`), bot(anythingElse())]);
    if (answer.templateType === 'Carousel' || answer.text.startsWith('Choose ')) return void this.say(contact, [plain(`Good choice: ${answer.text.replace(/^Choose /, '')}.`), bot(anythingElse())]);
    switch (answer.text) {
      case MENU.track:
        return void this.say(contact, [bot(orderPanel())]);
      case MENU.book:
        return void this.say(contact, [bot(visitTimePicker(this.deps.clock.nowMs()))]);
      case MENU.plans:
        return void this.say(contact, [bot(plansCarousel())]);
      case 'Web shop':
      case 'In a store':
        return void this.say(contact, [plain('Your order is on its way and arrives tomorrow.'), bot(anythingElse())]);
      case MORE.menu:
        return void this.say(contact, [bot(menuPicker())]);
      default:
        return void this.say(contact, [plain('Sorry, I did not get that. Pick an option, or type "agent" to talk to a person.')]);
    }
  }

  /** The bot's messages, one after the other with its typing pause; each template is checked as a flow checks it. */
  private async say(contact: Contact, messages: Array<{ contentType: string; content: string }>): Promise<void> {
    for (const message of messages) {
      await this.deps.scheduler.sleep(this.deps.delayMs);
      const flow = this.contacts.get(contact.contactId);
      if (!flow || flow.step !== 'bot' || contact.state !== 'ACTIVE') return;
      if (message.contentType === INTERACTIVE_MESSAGE_TYPE && !followsTemplate(message.content)) continue;
      this.deps.chat.sendMessage(contact, flow.bot, message);
    }
  }

  /** Transfer to queue: the flow says so, checks staffing, and the contact waits in the default queue. */
  private handOver(contact: Contact): void {
    const flow = this.contacts.get(contact.contactId);
    if (!flow || flow.step !== 'bot') return;
    flow.step = 'queued';
    this.deps.chat.sendMessage(contact, flow.system, { contentType: 'text/plain', content: HANDOVER_MESSAGE });
    const router = this.deps.router();
    if (this.deps.settings.noAgent === 'end' && router.staffedAgents().length === 0) return this.noAgent(contact);
    router.enqueue(contact, this.deps.settings.queues[0]);
    if (contact.state !== 'ACTIVE' || flow.step !== 'queued') return;
    this.tellPosition(contact);
    const { queueUpdateIntervalMs, maxQueueWaitMs } = this.deps.settings;
    if (queueUpdateIntervalMs > 0) this.everyInterval(contact, queueUpdateIntervalMs);
    if (maxQueueWaitMs !== undefined) {
      flow.waitTimer = this.deps.scheduler.after(maxQueueWaitMs, () => {
        if (router.dequeue(contact.contactId)) this.noAgent(contact);
      });
    }
  }

  private everyInterval(contact: Contact, intervalMs: number): void {
    const flow = this.contacts.get(contact.contactId);
    if (!flow) return;
    flow.positionTimer = this.deps.scheduler.after(intervalMs, () => {
      if (flow.step !== 'queued') return;
      this.tellPosition(contact);
      this.everyInterval(contact, intervalMs);
    });
  }

  /** A queue flow's message with the customer's place and the expected wait (see docs/emulator.md). */
  private tellPosition(contact: Contact): void {
    const flow = this.contacts.get(contact.contactId);
    const place = this.deps.router().positionOf(contact.contactId);
    if (!flow || !place || contact.state !== 'ACTIVE') return;
    const content = `You are number ${place.position} in the ${place.queueName} queue. Expected wait: about ${place.position} minute${place.position === 1 ? '' : 's'}.`;
    this.deps.chat.sendMessage(contact, flow.system, { contentType: 'text/plain', content });
  }

  private noAgent(contact: Contact): void {
    const flow = this.contacts.get(contact.contactId);
    if (!flow || contact.state !== 'ACTIVE') return;
    this.leaveQueueStep(contact.contactId);
    this.deps.chat.sendMessage(contact, flow.system, { contentType: 'text/plain', content: NO_AGENT_MESSAGE });
    this.deps.chat.end(contact);
  }

  private leaveQueueStep(contactId: string): void {
    const flow = this.contacts.get(contactId);
    if (!flow) return;
    flow.positionTimer?.();
    flow.waitTimer?.();
    flow.positionTimer = flow.waitTimer = undefined;
  }
}

/** A flow does not send a template that breaks the rules (the demo's own never do). */
function followsTemplate(content: string): boolean {
  try {
    checkInteractiveContent(content);
    return true;
  } catch {
    return false;
  }
}

function customerName(contact: Contact): string {
  return [...contact.participants.values()].find((participant) => participant.role === 'CUSTOMER')?.displayName ?? 'there';
}
