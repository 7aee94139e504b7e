// Answers the `api_request`s Streams sends through its CCP (spec/streams-ccp-emulation.md §2.2). Every
// method gets an answer: the ones a chat agent page uses act on the router; a few harmless ones succeed
// with an empty result; anything else fails with a clear error rather than leaving Streams waiting.
import { isJsonObject, JsonObject } from '../core/validation';
import type { Agent, CcpDeps } from './model';
import { CcpRequestError, Router } from './router';
import { ServiceError } from '../core/errors';
import { quickConnects, targetOfEndpoint, transferChat } from './transfers';

/** Methods that need no action here: telemetry and configuration Streams sends along the way. */
const ACKNOWLEDGED_METHODS = new Set(['updateAgentConfiguration', 'sendClientLogs', 'sendSoftphoneCallMetrics', 'sendSoftphoneCallReport', 'notifyContactIssue']);

export function answerRequest(deps: CcpDeps, router: Router, agent: Agent, method: string, params: JsonObject): unknown {
  switch (method) {
    case 'putAgentState':
      router.setState(agent, isJsonObject(params.state) ? params.state : {});
      return {};
    case 'acceptContact':
      router.accept(agent, contactIdOf(params));
      return {};
    case 'rejectContact':
      router.reject(agent, contactIdOf(params));
      return {};
    case 'destroyConnection':
      router.hangUp(agent, contactIdOf(params));
      return {};
    case 'clearContact':
    case 'completeContact':
      router.clear(agent, contactIdOf(params));
      return {};
    case 'createTransport':
      return createTransport(deps, agent, params);
    case 'getEndpoints':
      return { endpoints: quickConnects(router, deps.queues, agent.agentId), nextToken: null };
    case 'createAdditionalConnection':
    case 'addNewConnection':
    case 'transferContact':
      // A chat cannot be conferenced: a quick connect on a chat transfers it (the agent leaves).
      return transferThroughQuickConnect(deps, router, agent, params);
    case 'updateMonitorParticipantState':
      return bargeFromCcp(deps, agent, params);
    case 'qrIntegrationExists':
      return { qrIntegrationExists: false };
    default:
      if (ACKNOWLEDGED_METHODS.has(method)) return {};
      throw new CcpRequestError('UnsupportedOperationException', `${method} is not supported by the emulated CCP`);
  }
}

function transferThroughQuickConnect(deps: CcpDeps, router: Router, agent: Agent, params: JsonObject): unknown {
  const contactId = contactIdOf(params);
  if (router.holderOf(contactId)?.agent !== agent) throw new CcpRequestError('ResourceNotFoundException', `Contact ${contactId} is not connected to agent ${agent.login}`);
  try {
    transferChat(router, deps.queues, contactId, targetOfEndpoint(router, deps.queues, params.endpoint));
  } catch (error) {
    if (error instanceof ServiceError) throw new CcpRequestError(error.errorType, error.message);
    throw error;
  }
  return {};
}

/** A monitoring supervisor barges in (Streams' contact.bargeIn() / updateMonitorParticipantState). */
function bargeFromCcp(deps: CcpDeps, agent: Agent, params: JsonObject): unknown {
  const contactId = contactIdOf(params);
  if (params.targetMonitorMode !== 'BARGE') throw new CcpRequestError('InvalidParameterException', 'targetMonitorMode must be BARGE (a supervisor cannot go back to silent monitoring)');
  try {
    deps.bargeIn(contactId, agent);
  } catch (error) {
    if (error instanceof ServiceError) throw new CcpRequestError(error.errorType, error.message);
    throw error;
  }
  return {};
}

function contactIdOf(params: JsonObject): string {
  const contactId = params.contactId;
  if (typeof contactId !== 'string' || contactId.length === 0) throw new CcpRequestError('InvalidParameterException', 'contactId must be a non-empty string');
  return contactId;
}

/** `chat_token`: a connection token for the agent's chat participant, which the chat SDK uses for participant calls. */
function createTransport(deps: CcpDeps, agent: Agent, params: JsonObject): unknown {
  if (params.transportType !== 'chat_token') {
    throw new CcpRequestError('InvalidParameterException', `transportType ${String(params.transportType)} is not supported; the emulated CCP hands out chat_token only`);
  }
  const contactId = contactIdOf(params);
  const held = agent.contacts.get(contactId);
  if (!held || held.agentParticipantId !== params.participantId) {
    throw new CcpRequestError('ResourceNotFoundException', `participantId ${String(params.participantId)} is not this agent's connection on contact ${contactId}`);
  }
  const ref = deps.store.findParticipant(contactId, held.agentParticipantId);
  if (!ref || ref.participant.state !== 'ACTIVE' || ref.contact.state !== 'ACTIVE') throw new CcpRequestError('AccessDeniedException', `Contact ${contactId} has ended`);
  const { token, expiresAtMs } = deps.store.issueConnectionToken(ref, deps.connectionTokenTtlMs, deps.clock.nowMs());
  return { chatTokenTransport: { participantToken: token, expiry: new Date(expiresAtMs).toISOString() } };
}
