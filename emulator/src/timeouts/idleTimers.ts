// Chat timeouts as Amazon Connect runs them (the UpdateParticipantRoleConfig timers): once a customer and
// an agent (or a custom bot) are both on the chat, each timed participant has one timer. With an idle
// timeout it first fires participant.idle; then (or at once when only that is set) the auto-disconnect
// timeout fires participant.autodisconnection, every participant but the customer is disconnected and the
// chat ends. A message or attachment from the participant restarts its timer (participant.returned when it
// was idle). A configuration changed mid-chat applies from the next agent join, as the service does it.
import type { ChatListener, ChatService } from '../chat/chatService';
import { senderOf } from '../chat/chatService';
import { EventTypes } from '../core/contentTypes';
import type { Cancel, Scheduler } from '../core/scheduler';
import { activeParticipants, type Contact, type Participant } from '../store/store';
import type { ChatTimeouts, Item } from '../types';

interface TimedParticipant {
  participant: Participant;
  /** active: counting down to idle (or to disconnect); idle: counting down to disconnect. */
  state: 'active' | 'idle';
  cancel: Cancel;
  timeouts: { idleMs?: number; disconnectMs?: number };
}

const TIMED_JOINERS = new Set(['AGENT', 'CUSTOM_BOT']);

export class IdleTimers implements ChatListener {
  /** Timed participants by participant id. */
  private readonly timed = new Map<string, TimedParticipant>();
  /** Participants that joined each contact (an offered agent exists before it joins). */
  private readonly joined = new Map<string, Set<string>>();
  /** Per-contact configurations set through the control API or UpdateParticipantRoleConfig. */
  private readonly configured = new Map<string, ChatTimeouts>();

  constructor(
    private readonly chat: ChatService,
    private readonly scheduler: Scheduler,
    private readonly defaults: ChatTimeouts,
  ) {}

  /** Stores a contact's timeouts (a field set to undefined unsets that timer); they apply from the next agent that joins. */
  configure(contactId: string, timeouts: ChatTimeouts): void {
    const merged: ChatTimeouts = { ...(this.configured.get(contactId) ?? this.defaults), ...timeouts };
    (Object.keys(merged) as Array<keyof ChatTimeouts>).forEach((key) => {
      if (merged[key] === undefined) delete merged[key];
    });
    this.configured.set(contactId, merged);
  }

  timeoutsOf(contactId: string): ChatTimeouts {
    return this.configured.get(contactId) ?? this.defaults;
  }

  itemPublished(contact: Contact, item: Item): void {
    if (contact.state !== 'ACTIVE' || !item.ParticipantId) return;
    if (item.Type === 'EVENT' && item.ContentType === EventTypes.joined) this.joinedSet(contact).add(item.ParticipantId);
    if (item.Type === 'EVENT' && item.ContentType === EventTypes.joined && TIMED_JOINERS.has(item.ParticipantRole ?? '')) this.agentJoined(contact, item.ParticipantId);
    else if (item.Type === 'EVENT' && item.ContentType === EventTypes.left) this.participantGone(contact, item.ParticipantId);
    else if (item.Type === 'MESSAGE' || item.Type === 'ATTACHMENT') this.participantSpoke(contact, item.ParticipantId);
  }

  contactEnded(contact: Contact): void {
    contact.participants.forEach((participant) => this.stop(participant.participantId));
    this.joined.delete(contact.contactId);
  }

  private joinedSet(contact: Contact): Set<string> {
    let set = this.joined.get(contact.contactId);
    if (!set) {
      set = new Set();
      this.joined.set(contact.contactId, set);
    }
    return set;
  }

  /** Who is on the chat: joined and not left, plus monitoring supervisors (silent ones never join). */
  private onChat(contact: Contact): Participant[] {
    const joined = this.joinedSet(contact);
    return activeParticipants(contact).filter((participant) => joined.has(participant.participantId) || participant.role === 'SUPERVISOR');
  }

  contactForgotten(contact: Contact): void {
    this.configured.delete(contact.contactId);
  }

  private agentJoined(contact: Contact, participantId: string): void {
    const timeouts = this.timeoutsOf(contact.contactId);
    const agent = contact.participants.get(participantId);
    if (agent?.role === 'AGENT') this.start(contact, agent, { idleMs: timeouts.agentIdleMs, disconnectMs: timeouts.agentDisconnectMs });
    const customer = this.onChat(contact).find((participant) => participant.role === 'CUSTOMER');
    if (customer && !this.timed.has(customer.participantId)) this.start(contact, customer, { idleMs: timeouts.customerIdleMs, disconnectMs: timeouts.customerDisconnectMs });
  }

  private participantGone(contact: Contact, participantId: string): void {
    this.stop(participantId);
    this.joinedSet(contact).delete(participantId);
    const timedJoinerLeft = this.onChat(contact).some((participant) => TIMED_JOINERS.has(participant.role) && participant.participantId !== participantId);
    if (timedJoinerLeft) return;
    // No agent or custom bot left on the chat: the customer's timer stops until one joins again.
    this.onChat(contact)
      .filter((participant) => participant.role === 'CUSTOMER')
      .forEach((customer) => this.stop(customer.participantId));
  }

  private participantSpoke(contact: Contact, participantId: string): void {
    const timed = this.timed.get(participantId);
    if (!timed) return;
    if (timed.state === 'idle') this.chat.sendEvent(contact, senderOf(timed.participant), EventTypes.returned);
    this.start(contact, timed.participant, timed.timeouts);
  }

  private start(contact: Contact, participant: Participant, timeouts: TimedParticipant['timeouts']): void {
    this.stop(participant.participantId);
    if (timeouts.idleMs === undefined && timeouts.disconnectMs === undefined) return;
    const timed: TimedParticipant = { participant, state: 'active', timeouts, cancel: () => undefined };
    this.timed.set(participant.participantId, timed);
    if (timeouts.idleMs !== undefined) timed.cancel = this.scheduler.after(timeouts.idleMs, () => this.becameIdle(contact, timed));
    else this.armDisconnect(contact, timed);
  }

  private becameIdle(contact: Contact, timed: TimedParticipant): void {
    if (contact.state !== 'ACTIVE' || this.timed.get(timed.participant.participantId) !== timed) return;
    timed.state = 'idle';
    this.chat.sendEvent(contact, senderOf(timed.participant), EventTypes.idle);
    this.armDisconnect(contact, timed);
  }

  private armDisconnect(contact: Contact, timed: TimedParticipant): void {
    const { disconnectMs } = timed.timeouts;
    timed.cancel = disconnectMs === undefined ? () => undefined : this.scheduler.after(disconnectMs, () => this.autoDisconnect(contact, timed));
  }

  /** Every participant but the customer is disconnected, then the chat ends (the emulator has no disconnect flow). */
  private autoDisconnect(contact: Contact, timed: TimedParticipant): void {
    if (contact.state !== 'ACTIVE' || this.timed.get(timed.participant.participantId) !== timed) return;
    this.chat.sendEvent(contact, senderOf(timed.participant), EventTypes.autoDisconnection);
    this.onChat(contact)
      .filter((participant) => participant.role !== 'CUSTOMER')
      .forEach((participant) => this.chat.leave(contact, participant));
    this.chat.end(contact);
  }

  private stop(participantId: string): void {
    const timed = this.timed.get(participantId);
    if (!timed) return;
    timed.cancel();
    this.timed.delete(participantId);
  }
}
