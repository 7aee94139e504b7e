// Routing for the emulated CCP: chats started with StartChatContact wait in one queue and are offered to
// agents logged in through /ccp-v2/ whose state is routable, least recently offered first (round robin),
// up to CHAT_CONCURRENCY chats each. Accept, reject, hang up and clear change the agent's snapshot;
// every change is reported through `onAgentChange` so the agent's CCP pages get a fresh `agent::update`.
import { randomUUID } from 'crypto';
import { senderOf, type ChatListener } from '../chat/chatService';
import { EventTypes } from '../core/contentTypes';
import type { Contact, Participant } from '../store/store';
import { Agent, AGENT_STATES, CcpDeps, AgentContact, AgentContactState, CHAT_CONCURRENCY, MAX_AGENTS, OFFLINE } from './model';

/** A refused CCP request; the page turns it into the `err` of Streams' api_response. */
export class CcpRequestError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = 'CcpRequestError';
  }
}

export interface HeldContact {
  agent: Agent;
  contact: AgentContact;
}

export class Router implements ChatListener {
  /** Agents by login. */
  readonly agents = new Map<string, Agent>();
  /** Contact ids waiting for an agent, oldest first. */
  private readonly queue: string[] = [];
  /** When each contact first entered the queue (its snapshot's queueTimestamp). */
  private readonly queuedAtMs = new Map<string, number>();
  /** Agents (ids) that rejected a contact: it is not offered to them again. */
  private readonly rejectedBy = new Map<string, Set<string>>();
  private offerSeq = 0;

  constructor(
    private readonly deps: CcpDeps,
    private readonly onAgentChange: (agent: Agent) => void,
  ) {}

  /** A CCP page opened for `login`: the agent is created Offline on its first login. */
  openPage(login: string, displayName: string): Agent {
    const agent = this.agents.get(login) ?? this.createAgent(login, displayName);
    agent.openPages += 1;
    this.dispatch();
    return agent;
  }

  private createAgent(login: string, displayName: string): Agent {
    if (this.agents.size >= MAX_AGENTS) throw new CcpRequestError('LimitExceededException', `The emulated CCP keeps at most ${MAX_AGENTS} agents`);
    const agent: Agent = {
      agentId: randomUUID(),
      login,
      displayName,
      state: OFFLINE,
      stateSinceMs: this.deps.clock.nowMs(),
      contacts: new Map(),
      openPages: 0,
      lastOfferSeq: 0,
    };
    this.agents.set(login, agent);
    return agent;
  }

  /** A CCP page closed: with none left, the agent's unanswered offers go back to the queue. */
  closePage(agent: Agent): void {
    agent.openPages = Math.max(0, agent.openPages - 1);
    if (agent.openPages > 0) return;
    [...agent.contacts.values()].filter((held) => held.state === 'connecting').forEach((held) => this.withdrawOffer(agent, held));
    this.dispatch();
  }

  setState(agent: Agent, requested: { name?: unknown; agentStateARN?: unknown }): void {
    const state = AGENT_STATES.find((candidate) => candidate.agentStateARN === requested.agentStateARN || candidate.name === requested.name);
    if (!state) throw new CcpRequestError('InvalidStateException', `Unknown agent state; use one of ${AGENT_STATES.map((known) => known.name).join(', ')}`);
    if (state !== agent.state) {
      agent.state = state;
      agent.stateSinceMs = this.deps.clock.nowMs();
    }
    this.onAgentChange(agent);
    this.dispatch();
  }

  accept(agent: Agent, contactId: string): void {
    const held = this.heldBy(agent, contactId);
    if (held.state !== 'connecting') throw new CcpRequestError('InvalidStateException', `Contact ${contactId} is ${held.state}, not waiting to be accepted`);
    const { contact, participant } = this.chatOf(held);
    if (contact.state !== 'ACTIVE') throw new CcpRequestError('InvalidStateException', `Contact ${contactId} has ended`);
    this.setContactState(agent, held, 'connected');
    // The customer (and the bot) see the agent join only now, as with a real instance.
    this.deps.chat.sendEvent(contact, senderOf(participant), EventTypes.joined);
  }

  reject(agent: Agent, contactId: string): void {
    const held = this.heldBy(agent, contactId);
    if (held.state !== 'connecting') throw new CcpRequestError('InvalidStateException', `Contact ${contactId} is ${held.state}; only an offered contact can be rejected`);
    const refusers = this.rejectedBy.get(contactId) ?? new Set<string>();
    refusers.add(agent.agentId);
    this.rejectedBy.set(contactId, refusers);
    this.withdrawOffer(agent, held);
    this.dispatch();
  }

  /** destroyConnection: the agent ends the chat (it leaves, and the chat ends for the customer). */
  hangUp(agent: Agent, contactId: string): void {
    const held = this.heldBy(agent, contactId);
    if (held.state === 'connecting') return this.reject(agent, contactId);
    if (held.state === 'ended') return;
    const { contact, participant } = this.chatOf(held);
    this.deps.chat.leave(contact, participant);
    this.deps.chat.end(contact);
  }

  /** clearContact / completeContact: the contact leaves the agent's snapshot, freeing a slot. */
  clear(agent: Agent, contactId: string): void {
    const held = this.heldBy(agent, contactId);
    if (held.state !== 'ended') this.hangUp(agent, contactId);
    agent.contacts.delete(contactId);
    this.onAgentChange(agent);
    this.dispatch();
  }

  /** The agent and snapshot entry holding `contactId`, if any. */
  holderOf(contactId: string): HeldContact | undefined {
    for (const agent of this.agents.values()) {
      const contact = agent.contacts.get(contactId);
      if (contact) return { agent, contact };
    }
    return undefined;
  }

  /** Contact ids waiting for an agent, oldest first. */
  waiting(): string[] {
    return [...this.queue];
  }

  contactStarted(contact: Contact): void {
    this.queue.push(contact.contactId);
    this.queuedAtMs.set(contact.contactId, this.deps.clock.nowMs());
    this.dispatch();
  }

  contactEnded(contact: Contact): void {
    this.removeFromQueue(contact.contactId);
    this.rejectedBy.delete(contact.contactId);
    this.queuedAtMs.delete(contact.contactId);
    const holder = this.holderOf(contact.contactId);
    if (!holder) return;
    if (holder.contact.state === 'connecting') {
      holder.agent.contacts.delete(contact.contactId);
      this.onAgentChange(holder.agent);
      this.dispatch();
    } else if (holder.contact.state === 'connected') {
      this.setContactState(holder.agent, holder.contact, 'ended');
    }
  }

  participantLeft(contact: Contact, participant: Participant): void {
    const holder = this.holderOf(contact.contactId);
    // The agent's chat session left on its own (DisconnectParticipant): the chat ends as a hang-up does.
    if (holder?.contact.state === 'connected' && holder.contact.agentParticipantId === participant.participantId) this.deps.chat.end(contact);
  }

  private heldBy(agent: Agent, contactId: string): AgentContact {
    const held = agent.contacts.get(contactId);
    if (!held) throw new CcpRequestError('ResourceNotFoundException', `Contact ${contactId} is not assigned to agent ${agent.login}`);
    return held;
  }

  private chatOf(held: AgentContact): { contact: Contact; participant: Participant } {
    const contact = this.deps.store.contacts.get(held.contactId);
    const participant = contact?.participants.get(held.agentParticipantId);
    if (!contact || !participant) throw new CcpRequestError('ResourceNotFoundException', `Contact ${held.contactId} no longer exists`);
    return { contact, participant };
  }

  private setContactState(agent: Agent, held: AgentContact, state: AgentContactState): void {
    held.state = state;
    held.stateSinceMs = this.deps.clock.nowMs();
    this.onAgentChange(agent);
  }

  /** An offer taken back (rejected, or its agent's pages closed): the unjoined participant is retired and the contact queues first. */
  private withdrawOffer(agent: Agent, held: AgentContact): void {
    agent.contacts.delete(held.contactId);
    const participant = this.deps.store.contacts.get(held.contactId)?.participants.get(held.agentParticipantId);
    if (participant) participant.state = 'LEFT';
    this.queue.unshift(held.contactId);
    this.onAgentChange(agent);
  }

  private removeFromQueue(contactId: string): void {
    const index = this.queue.indexOf(contactId);
    if (index >= 0) this.queue.splice(index, 1);
  }

  /** Offers every waiting contact it can, oldest first. */
  private dispatch(): void {
    // Most contacts start with no agent able to take them (no CCP page open): then the queue is not walked.
    const available = [...this.agents.values()].filter((agent) => agent.openPages > 0 && agent.state.type === 'routable');
    if (available.length === 0) return;
    for (let index = 0; index < this.queue.length; ) {
      const contact = this.deps.store.contacts.get(this.queue[index]);
      if (!contact || contact.state !== 'ACTIVE') {
        this.queue.splice(index, 1);
        continue;
      }
      const agent = this.pickAgent(available, contact.contactId);
      if (!agent) {
        index += 1;
        continue;
      }
      this.queue.splice(index, 1);
      this.offer(agent, contact);
    }
  }

  /** Of the available agents, the one with a free slot that did not refuse the contact and was offered least lately. */
  private pickAgent(available: Agent[], contactId: string): Agent | undefined {
    const refusers = this.rejectedBy.get(contactId);
    const candidates = available.filter((agent) => agent.contacts.size < CHAT_CONCURRENCY && !refusers?.has(agent.agentId));
    return candidates.sort((a, b) => a.lastOfferSeq - b.lastOfferSeq)[0];
  }

  private offer(agent: Agent, contact: Contact): void {
    const customer = [...contact.participants.values()].find((participant) => participant.role === 'CUSTOMER');
    // The agent's participant exists from the offer on: Streams may start its chat session while the
    // contact is still connecting. It joins (participant.joined) on accept.
    const participant = this.deps.store.addParticipant(contact, 'AGENT', agent.displayName);
    const now = this.deps.clock.nowMs();
    agent.contacts.set(contact.contactId, {
      contactId: contact.contactId,
      initialContactId: contact.initialContactId,
      state: 'connecting',
      stateSinceMs: now,
      queuedAtMs: this.queuedAtMs.get(contact.contactId) ?? now,
      agentParticipantId: participant.participantId,
      agentParticipantToken: participant.participantToken,
      customerParticipantId: customer?.participantId ?? randomUUID(),
      customerName: customer?.displayName ?? 'Customer',
    });
    this.offerSeq += 1;
    agent.lastOfferSeq = this.offerSeq;
    this.onAgentChange(agent);
  }
}
