// The emulated CCP's data: agents logged in through /ccp-v2/, their chosen state, and the chat contacts
// routed to them. Plain data; what changes it lives in router.ts.
import type { ChatService } from '../chat/chatService';
import type { Clock } from '../core/scheduler';
import type { Contact, Store } from '../store/store';
import type { QueueDirectory } from '../queues/queueDirectory';

/** What the CCP uses of the emulator: the chat store and service, the clock, the token lifetime. */
export interface CcpDeps {
  store: Store;
  clock: Clock;
  chat: ChatService;
  connectionTokenTtlMs: number;
  /** Unsent bytes past which a CCP socket is cut (its page stopped reading). */
  maxSocketBufferBytes: number;
  /** The instance's queues (names and ids). */
  queues: QueueDirectory;
  /** True when a flow (the demo bot) holds a new contact and queues it itself, later. */
  startsInFlow: (contact: Contact) => boolean;
  /** A supervisor agent monitoring `contactId` barges in. */
  bargeIn: (contactId: string, supervisor: Agent) => void;
}

/** Streams' agent state types (spec/streams-ccp-emulation.md §3.2). */
export type AgentStateType = 'routable' | 'not_routable' | 'offline';

export interface AgentStateDefinition {
  agentStateARN: string;
  type: AgentStateType;
  name: string;
}

/** Contact states the emulated CCP uses: offered, accepted, after chat work (ended). */
export type AgentContactState = 'connecting' | 'connected' | 'ended';

export interface AgentContact {
  contactId: string;
  initialContactId: string;
  state: AgentContactState;
  stateSinceMs: number;
  /** When the contact entered the queue (StartChatContact, a flow's handover or a transfer). */
  queuedAtMs: number;
  /** The queue it was routed from. */
  queueName: string;
  queueId: string;
  /** The agent's chat participant, created when the contact is offered; Streams calls it the agent connection. */
  agentParticipantId: string;
  agentParticipantToken: string;
  customerParticipantId: string;
  customerName: string;
  /** Set when the agent is a supervisor monitoring the chat (its connection is of type monitoring). */
  monitorMode?: 'SILENT_MONITOR' | 'BARGE';
}

export interface Agent {
  /** Stable id (the agent ARN's last part). */
  agentId: string;
  /** The CCP URL's `agent` query parameter; one agent per login, shared by every CCP page that uses it. */
  login: string;
  /** The name Streams shows (`agent.getName()`) and the chat shows as the agent's DisplayName. */
  displayName: string;
  state: AgentStateDefinition;
  stateSinceMs: number;
  /** Contacts in the agent's snapshot, in offer order, until the agent clears them. */
  contacts: Map<string, AgentContact>;
  /** Open CCP pages (CTI channels) of this agent: routing offers only to agents with at least one. */
  openPages: number;
  /** Offer counter value of the last offer: the lowest goes first (round robin). */
  lastOfferSeq: number;
  /** The queues of the agent's routing profile (every queue of the instance). */
  routingQueues: Array<{ name: string; queueId: string }>;
}

/** The instance every emulated agent belongs to; ARNs are only read for their region and ids. */
export const INSTANCE = {
  region: 'us-east-1',
  accountId: '000000000000',
  instanceId: '00000000-0000-4000-8000-00000000ccb2',
};

const INSTANCE_ARN = `arn:aws:connect:${INSTANCE.region}:${INSTANCE.accountId}:instance/${INSTANCE.instanceId}`;

export function agentArn(agentId: string): string {
  return `${INSTANCE_ARN}/agent/${agentId}`;
}

export function queueArn(queueId: string): string {
  return `${INSTANCE_ARN}/queue/${queueId}`;
}

export const ROUTING_PROFILE_ARN = `${INSTANCE_ARN}/routing-profile/00000000-0000-4000-8000-0000000000a1`;

/** Agents remembered at most (each login once): the emulator's memory stays bounded. */
export const MAX_AGENTS = 500;

/** How many chats an agent holds at once (routing profile channel concurrency). */
export const CHAT_CONCURRENCY = 5;

function stateArn(name: string): string {
  return `${INSTANCE_ARN}/agent-state/${name.toLowerCase()}`;
}

export const AGENT_STATES: readonly AgentStateDefinition[] = [
  { agentStateARN: stateArn('Available'), type: 'routable', name: 'Available' },
  { agentStateARN: stateArn('Break'), type: 'not_routable', name: 'Break' },
  { agentStateARN: stateArn('Offline'), type: 'offline', name: 'Offline' },
];

export const OFFLINE = AGENT_STATES[2];
