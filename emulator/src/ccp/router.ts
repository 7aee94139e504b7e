// Routing for the emulated CCP: chats wait in their queue (StartChatContact puts them in the default
// queue unless a flow holds them first) and are offered, oldest first whatever their queue, to agents
// logged in through /ccp-v2/ whose state is routable, least recently offered first (round robin), up to
// CHAT_CONCURRENCY chats each. Accept, reject, hang up and clear change the agent's snapshot;
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
  /** The queue each waiting or offered contact is in. */
  private readonly queueNames = new Map<string, string>();
  /** Contacts transferred to one agent: offered only to that agent (agent id). */
  private readonly reservedFor = new Map<string, string>();
  /** Called when a contact enters a queue or is offered, so waiting customers can be told their position. */
  onQueueChange: () => void = () => undefined;
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
      routingQueues: this.deps.queues.all(),
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
    if (held.monitorMode) return this.stopMonitoring(agent, held, contact, participant);
    this.deps.chat.leave(contact, participant);
    this.deps.chat.end(contact);
  }

  /** A supervisor hangs up: it leaves (seen only if it had barged in); the chat goes on. */
  private stopMonitoring(agent: Agent, held: AgentContact, contact: Contact, participant: Participant): void {
    this.setContactState(agent, held, 'ended');
    if (held.monitorMode === 'BARGE') this.deps.chat.leave(contact, participant);
    else participant.state = 'LEFT';
  }

  /** clearContact / completeContact: the contact leaves the agent's snapshot, freeing a slot. */
  clear(agent: Agent, contactId: string): void {
    const held = this.heldBy(agent, contactId);
    if (held.state !== 'ended') this.hangUp(agent, contactId);
    agent.contacts.delete(contactId);
    this.onAgentChange(agent);
    this.dispatch();
  }

  /** The agent and snapshot entry holding `contactId`, if any: the one still on it before one a transfer left behind. */
  holderOf(contactId: string): HeldContact | undefined {
    let ended: HeldContact | undefined;
    for (const agent of this.agents.values()) {
      const contact = agent.contacts.get(contactId);
      if (contact?.monitorMode) continue;
      if (contact && contact.state !== 'ended') return { agent, contact };
      if (contact) ended ??= { agent, contact };
    }
    return ended;
  }

  /** Agents whose CCP carries the contact's chat: the one handling it and any supervisor monitoring it (not mere offers). */
  watchersOf(contactId: string): Agent[] {
    return [...this.agents.values()].filter((agent) => {
      const held = agent.contacts.get(contactId);
      return held !== undefined && held.state !== 'connecting';
    });
  }

  /** A supervisor's snapshot gains (or changes) its monitoring entry; its pages get a fresh agent update. */
  setMonitoring(agent: Agent, entry: AgentContact): void {
    agent.contacts.set(entry.contactId, entry);
    this.onAgentChange(agent);
  }

  /** Contact ids waiting for an agent, oldest first. */
  waiting(): string[] {
    return [...this.queue];
  }

  /** Where a waiting contact stands: its queue, its 1-based place among that queue's contacts, how many wait there. */
  positionOf(contactId: string): { queueName: string; position: number; waiting: number; queuedAtMs: number } | undefined {
    const queueName = this.queueNames.get(contactId);
    if (!queueName || !this.queue.includes(contactId)) return undefined;
    const sameQueue = this.queue.filter((id) => this.queueNames.get(id) === queueName);
    return { queueName, position: sameQueue.indexOf(contactId) + 1, waiting: sameQueue.length, queuedAtMs: this.queuedAtMs.get(contactId) ?? 0 };
  }

  /** Agents with a CCP page open and a state other than Offline ("staffed", as Check staffing counts them). */
  staffedAgents(): Agent[] {
    return [...this.agents.values()].filter((agent) => agent.openPages > 0 && agent.state.type !== 'offline');
  }

  contactStarted(contact: Contact): void {
    if (this.deps.startsInFlow(contact)) return;
    this.enqueue(contact, this.deps.queues.defaultQueue.name);
  }

  /** Puts a contact at the back of `queueName` (a flow's Transfer to queue, or a transfer). */
  enqueue(contact: Contact, queueName: string, reservedForAgentId?: string): void {
    if (contact.state !== 'ACTIVE' || this.queue.includes(contact.contactId)) return;
    this.queue.push(contact.contactId);
    this.queuedAtMs.set(contact.contactId, this.deps.clock.nowMs());
    this.queueNames.set(contact.contactId, queueName);
    if (reservedForAgentId) this.reservedFor.set(contact.contactId, reservedForAgentId);
    else this.reservedFor.delete(contact.contactId);
    this.rejectedBy.delete(contact.contactId);
    this.dispatch();
    this.onQueueChange();
  }

  /** Takes a waiting contact out of its queue (the no-agent path); false when it was not waiting. */
  dequeue(contactId: string): boolean {
    if (!this.queue.includes(contactId)) return false;
    this.removeFromQueue(contactId);
    this.onQueueChange();
    return true;
  }

  /**
   * The agent holding the contact hands it on: its snapshot entry ends (after contact work), its chat
   * participant leaves without ending the chat, and the contact queues again (for one agent, or a queue).
   */
  transferFrom(agent: Agent, contactId: string, target: { queueName: string; agentId?: string }): void {
    const held = this.heldBy(agent, contactId);
    if (held.state !== 'connected') throw new CcpRequestError('InvalidStateException', `Contact ${contactId} is ${held.state}; only a connected contact can be transferred`);
    const { contact, participant } = this.chatOf(held);
    this.setContactState(agent, held, 'ended');
    this.deps.chat.sendEvent(contact, senderOf(participant), EventTypes.transferSucceeded);
    this.deps.chat.leave(contact, participant);
    this.enqueue(contact, target.queueName, target.agentId);
  }

  contactEnded(contact: Contact): void {
    this.removeFromQueue(contact.contactId);
    this.rejectedBy.delete(contact.contactId);
    this.queuedAtMs.delete(contact.contactId);
    this.queueNames.delete(contact.contactId);
    this.reservedFor.delete(contact.contactId);
    const holder = this.holderOf(contact.contactId);
    if (!holder) return;
    if (holder.contact.state === 'connecting') {
      holder.agent.contacts.delete(contact.contactId);
      this.onAgentChange(holder.agent);
      this.dispatch();
    } else if (holder.contact.state === 'connected') {
      this.setContactState(holder.agent, holder.contact, 'ended');
    }
    this.agents.forEach((agent) => {
      const monitoring = agent.contacts.get(contact.contactId);
      if (monitoring?.monitorMode && monitoring.state === 'connected') this.setContactState(agent, monitoring, 'ended');
    });
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

  private queueOf(contactId: string): { queueName: string; queueId: string } {
    const queue = this.deps.queues.find(this.queueNames.get(contactId) ?? '') ?? this.deps.queues.defaultQueue;
    return { queueName: queue.name, queueId: queue.queueId };
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
    let offered = false;
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
      offered = true;
    }
    if (offered) this.onQueueChange();
  }

  /** Of the available agents, the one with a free slot that did not refuse the contact and was offered least lately. */
  private pickAgent(available: Agent[], contactId: string): Agent | undefined {
    const refusers = this.rejectedBy.get(contactId);
    const reserved = this.reservedFor.get(contactId);
    const candidates = available.filter(
      (agent) => agent.contacts.size < CHAT_CONCURRENCY && !refusers?.has(agent.agentId) && !agent.contacts.has(contactId) && (!reserved || reserved === agent.agentId),
    );
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
      ...this.queueOf(contact.contactId),
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
