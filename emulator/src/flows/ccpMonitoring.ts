// Supervisors of the emulated CCP: a logged-in agent monitors a chat (its snapshot gets the contact with a
// connection of type monitoring, so Streams gives it a chat session) and may barge in from Streams
// (contact.bargeIn → updateMonitorParticipantState) or the control API.
import type { Agent } from '../ccp/model';
import type { Router } from '../ccp/router';
import type { Clock } from '../core/scheduler';
import { conflictError, resourceNotFound } from '../core/errors';
import type { QueueDirectory } from '../queues/queueDirectory';
import type { Contact, Participant, Store } from '../store/store';
import type { MonitorMode, Monitoring } from './monitoring';

export interface CcpMonitoringDeps {
  router: () => Router;
  monitoring: Monitoring;
  store: Store;
  clock: Clock;
  queues: QueueDirectory;
}

/** `supervisor` (a CCP login) starts monitoring `contact`; returns its SUPERVISOR participant. */
export function monitorFromCcp(deps: CcpMonitoringDeps, contact: Contact, supervisor: Agent, mode: MonitorMode): Participant {
  const router = deps.router();
  if (supervisor.contacts.has(contact.contactId)) throw conflictError(`Agent ${supervisor.login} already has contact ${contact.contactId}`);
  const participant = deps.monitoring.monitor(contact, supervisor.displayName, 'SILENT_MONITOR');
  const customer = [...contact.participants.values()].find((candidate) => candidate.role === 'CUSTOMER');
  const handling = router.holderOf(contact.contactId)?.contact;
  const now = deps.clock.nowMs();
  router.setMonitoring(supervisor, {
    contactId: contact.contactId,
    initialContactId: contact.initialContactId,
    state: 'connected',
    stateSinceMs: now,
    queuedAtMs: handling?.queuedAtMs ?? now,
    queueName: handling?.queueName ?? deps.queues.defaultQueue.name,
    queueId: handling?.queueId ?? deps.queues.defaultQueue.queueId,
    agentParticipantId: participant.participantId,
    agentParticipantToken: participant.participantToken,
    customerParticipantId: customer?.participantId ?? '',
    customerName: customer?.displayName ?? 'Customer',
    monitorMode: 'SILENT_MONITOR',
  });
  if (mode === 'BARGE') bargeIn(deps, contact, participant);
  return participant;
}

/** The supervisor joins the conversation; a CCP supervisor's snapshot shows it barging. */
export function bargeIn(deps: CcpMonitoringDeps, contact: Contact, supervisor: Participant): void {
  deps.monitoring.barge(contact, supervisor);
  const router = deps.router();
  router.watchersOf(contact.contactId).forEach((agent) => {
    const entry = agent.contacts.get(contact.contactId);
    if (entry?.agentParticipantId === supervisor.participantId) router.setMonitoring(agent, { ...entry, monitorMode: 'BARGE' });
  });
}

/** Streams' bargeIn: the agent's monitoring entry names its participant. */
export function bargeInAsAgent(deps: CcpMonitoringDeps, contactId: string, agent: Agent): void {
  const entry = agent.contacts.get(contactId);
  const contact = deps.store.contacts.get(contactId);
  const participant = entry?.monitorMode ? contact?.participants.get(entry.agentParticipantId) : undefined;
  if (!contact || !participant) throw resourceNotFound(`Agent ${agent.login} is not monitoring contact ${contactId}`, contactId, 'CONTACT');
  bargeIn(deps, contact, participant);
}
