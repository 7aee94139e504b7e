// Builds the `agent::update` payload Streams expects from its CCP (spec/streams-ccp-emulation.md §3):
// the agent snapshot (state, contacts, connections) plus the agent configuration. Timestamps travel as
// ISO strings in fields whose name ends in "timestamp"; the CCP page turns them into Date objects.
import { Agent, AGENT_STATES, agentArn, AgentContact, CHAT_CONCURRENCY, queueArn, ROUTING_PROFILE_ARN } from './model';

type Json = Record<string, unknown>;

const iso = (ms: number): string => new Date(ms).toISOString();

function queue(queueId: string, name: string): Json {
  const arn = queueArn(queueId);
  return { queueARN: arn, queueId: arn, name };
}

/** The agent's own queue: Streams' log lines look for a queue whose ARN names the agent. */
function personalQueue(agent: Agent): Json {
  const arn = agentArn(agent.agentId).replace('/agent/', '/queue/agent/');
  return { queueARN: arn, queueId: arn, name: null };
}

function configurationOf(agent: Agent): Json {
  const [basic, ...others] = agent.routingQueues.map((routing) => queue(routing.queueId, routing.name));
  return {
    name: agent.displayName,
    username: agent.login,
    agentARN: agentArn(agent.agentId),
    extension: null,
    softphoneEnabled: false,
    softphoneAutoAccept: false,
    agentPreferences: { locale: 'en_US' },
    permissions: [],
    dialableCountries: [],
    agentStates: AGENT_STATES.map((state) => ({ ...state })),
    routingProfile: {
      name: 'Basic Routing Profile',
      routingProfileARN: ROUTING_PROFILE_ARN,
      routingProfileId: ROUTING_PROFILE_ARN,
      defaultOutboundQueue: basic,
      queues: [basic, ...others, personalQueue(agent)],
      channelConcurrencyMap: { VOICE: 0, CHAT: CHAT_CONCURRENCY, TASK: 0 },
    },
  };
}

/** A supervisor's connection is of type monitoring, in state silent_monitor or barge while connected. */
function connectionStateOf(contact: AgentContact): string {
  if (contact.state === 'ended') return 'disconnected';
  if (contact.monitorMode && contact.state === 'connected') return contact.monitorMode.toLowerCase();
  return contact.state;
}

function agentConnection(contact: AgentContact, agentName: string): Json {
  const connectionState = connectionStateOf(contact);
  return {
    connectionId: contact.agentParticipantId,
    type: contact.monitorMode ? 'monitoring' : 'agent',
    initial: false,
    state: { type: connectionState, timestamp: iso(contact.stateSinceMs) },
    endpoint: { type: 'agent', name: agentName, agentLogin: null, phoneNumber: null, queue: null, endpointARN: null },
    chatMediaInfo: {
      chatAutoAccept: false,
      connectionData: JSON.stringify({ ConnectionAuthenticationToken: contact.agentParticipantToken }),
      customerName: contact.customerName,
      agentName,
    },
    monitorCapabilities: contact.monitorMode ? ['SILENT_MONITOR', 'BARGE'] : [],
    monitorStatus: contact.monitorMode ?? null,
  };
}

function customerConnection(contact: AgentContact): Json {
  return {
    connectionId: contact.customerParticipantId,
    type: 'inbound',
    initial: true,
    state: { type: contact.state === 'ended' ? 'disconnected' : 'connected', timestamp: iso(contact.queuedAtMs) },
    endpoint: { type: 'phone_number', name: contact.customerName, phoneNumber: null, agentLogin: null, queue: null, endpointARN: null },
  };
}

function contactOf(contact: AgentContact, agentName: string): Json {
  const state = { type: contact.state, timestamp: iso(contact.stateSinceMs) };
  return {
    contactId: contact.contactId,
    initialContactId: contact.initialContactId,
    type: 'chat',
    state,
    status: state,
    connections: [agentConnection(contact, agentName), customerConnection(contact)],
    attributes: {},
    queue: queue(contact.queueId, contact.queueName),
    queueTimestamp: iso(contact.queuedAtMs),
    name: null,
    description: null,
    references: {},
    initiationMethod: 'API',
    contactFeatures: {},
    segmentAttributes: {},
    agentContactHandlingConfig: { autoAccept: false },
  };
}

/** The whole `agent::update` data for `agent`, as of `nowMs`. */
export function agentDataOf(agent: Agent, nowMs: number): Json {
  const busy = [...agent.contacts.values()].some((contact) => contact.state !== 'ended');
  return {
    snapshot: {
      state: { ...agent.state, startTimestamp: iso(agent.stateSinceMs) },
      nextState: null,
      agentAvailabilityState: { state: busy ? 'Busy' : agent.state.name, timeStamp: iso(agent.stateSinceMs) },
      contacts: [...agent.contacts.values()].map((contact) => contactOf(contact, agent.displayName)),
      snapshotTimestamp: iso(nowMs),
      localTimestamp: nowMs,
      skew: 0,
    },
    configuration: configurationOf(agent),
  };
}
