// Transfers of a connected chat: to a queue (any agent there takes it next) or to one agent (a quick
// connect of type agent: only that agent is offered it). The holding agent sees transfer.succeeded and
// leaves; the customer stays and waits; the next agent's accept publishes its participant.joined.
import type { Router } from './router';
import { agentArn, queueArn } from './model';
import { conflictError, resourceNotFound, validationError } from '../core/errors';
import type { QueueDirectory } from '../queues/queueDirectory';

export interface TransferTarget {
  queue?: string;
  /** The target agent's CCP login. */
  agent?: string;
}

/** Hands the chat from the agent holding it to `target`. */
export function transferChat(router: Router, queues: QueueDirectory, contactId: string, target: TransferTarget): void {
  const holder = router.holderOf(contactId);
  if (!holder || holder.contact.state !== 'connected') throw conflictError(`Contact ${contactId} is not connected to an agent of the emulated CCP`);
  if (Boolean(target.queue) === Boolean(target.agent)) throw validationError('Give exactly one of queue (a queue name) or agent (an agent login)');
  if (target.queue) {
    if (!queues.find(target.queue)) throw resourceNotFound(`Queue ${target.queue} not found`, target.queue, 'QUEUE');
    return router.transferFrom(holder.agent, contactId, { queueName: target.queue });
  }
  const agent = router.agents.get(target.agent ?? '');
  if (!agent) throw resourceNotFound(`Agent ${String(target.agent)} has never logged in to the emulated CCP`, String(target.agent), 'AGENT');
  if (agent === holder.agent) throw validationError('An agent cannot transfer a chat to itself');
  router.transferFrom(holder.agent, contactId, { queueName: holder.contact.queueName, agentId: agent.agentId });
}

/** The quick connects the CCP lists (`agent.getEndpoints`): every queue, and every other agent. */
export function quickConnects(router: Router, queues: QueueDirectory, selfAgentId: string): Array<Record<string, unknown>> {
  const queueEndpoints = queues.all().map((queue) => ({ endpointARN: queueArn(queue.queueId), endpointId: queueArn(queue.queueId), type: 'queue', name: queue.name }));
  const agentEndpoints = [...router.agents.values()]
    .filter((agent) => agent.agentId !== selfAgentId)
    .map((agent) => ({ endpointARN: agentArn(agent.agentId), endpointId: agentArn(agent.agentId), type: 'agent', name: agent.displayName }));
  return [...queueEndpoints, ...agentEndpoints];
}

/** The transfer target a quick connect endpoint (as Streams sends it) names. */
export function targetOfEndpoint(router: Router, queues: QueueDirectory, endpoint: unknown): TransferTarget {
  const arn = typeof endpoint === 'object' && endpoint !== null ? String((endpoint as Record<string, unknown>).endpointARN ?? '') : '';
  const queue = queues.all().find((candidate) => queueArn(candidate.queueId) === arn);
  if (queue) return { queue: queue.name };
  const agent = [...router.agents.values()].find((candidate) => agentArn(candidate.agentId) === arn);
  if (agent) return { agent: agent.login };
  throw resourceNotFound(`No quick connect has endpointARN ${arn}`, arn, 'QUICK_CONNECT');
}
