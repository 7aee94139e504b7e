// Control API of the contact-center sandbox (emulator only): queues and who waits where, transfers,
// supervisor monitoring and barge-in, per-contact chat timeouts. docs/emulator.md lists them.
import { queueArn } from '../ccp/model';
import type { EmulatorContext } from '../context';
import { resourceNotFound, validationError } from '../core/errors';
import type { JsonObject } from '../core/validation';
import { checkTimeouts } from '../flows/contactCenterOptions';
import type { MonitorMode } from '../flows/monitoring';
import { bargeIn, monitorFromCcp } from '../flows/ccpMonitoring';
import { transferChat } from '../ccp/transfers';
import type { ChatTimeouts } from '../types';
import { findContact } from './actions';

export function listQueues(ctx: EmulatorContext): unknown {
  const router = ctx.ccp.router;
  const now = ctx.clock.nowMs();
  const waiting = router.waiting().map((contactId) => ({ contactId, ...router.positionOf(contactId) }));
  return {
    queues: ctx.contactCenter.queues.all().map((queue) => ({
      name: queue.name,
      queueId: queue.queueId,
      queueARN: queueArn(queue.queueId),
      waiting: waiting
        .filter((entry) => entry.queueName === queue.name)
        .map((entry) => ({ contactId: entry.contactId, position: entry.position, waitingMs: now - (entry.queuedAtMs ?? now) })),
    })),
    staffedAgents: router.staffedAgents().length,
  };
}

function optionalText(body: JsonObject, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.length === 0 || value.length > 256) throw validationError(`${field} must be a string of 1 to 256 characters`);
  return value;
}

export function transfer(ctx: EmulatorContext, contactId: string, body: JsonObject): unknown {
  findContact(ctx, contactId);
  transferChat(ctx.ccp.router, ctx.contactCenter.queues, contactId, { queue: optionalText(body, 'queue'), agent: optionalText(body, 'agent') });
  return {};
}

export function monitor(ctx: EmulatorContext, contactId: string, body: JsonObject): unknown {
  const contact = findContact(ctx, contactId);
  if (contact.state !== 'ACTIVE') throw validationError(`Contact ${contactId} has ended`);
  const mode = optionalText(body, 'mode') ?? 'SILENT_MONITOR';
  if (mode !== 'SILENT_MONITOR' && mode !== 'BARGE') throw validationError('mode must be SILENT_MONITOR or BARGE');
  const login = optionalText(body, 'supervisor');
  if (login !== undefined) {
    // A supervisor of the emulated CCP: its Streams page gets the chat as a monitoring connection.
    const agent = ctx.ccp.router.agents.get(login);
    if (!agent) throw resourceNotFound(`Agent ${login} has never logged in to the emulated CCP`, login, 'AGENT');
    const supervisor = monitorFromCcp(ctx.contactCenter.ccpMonitoring, contact, agent, mode as MonitorMode);
    return { ParticipantId: supervisor.participantId, ParticipantToken: supervisor.participantToken, mode };
  }
  const supervisor = ctx.contactCenter.monitoring.monitor(contact, optionalText(body, 'displayName') ?? 'Supervisor', mode as MonitorMode);
  return { ParticipantId: supervisor.participantId, ParticipantToken: supervisor.participantToken, mode };
}

export function barge(ctx: EmulatorContext, contactId: string, body: JsonObject): unknown {
  const contact = findContact(ctx, contactId);
  const participantId = optionalText(body, 'participantId');
  const supervisor = participantId ? contact.participants.get(participantId) : undefined;
  if (!supervisor || !participantId) throw resourceNotFound(`Participant ${String(participantId)} not found`, String(participantId), 'PARTICIPANT');
  bargeIn(ctx.contactCenter.ccpMonitoring, contact, supervisor);
  return { mode: ctx.contactCenter.monitoring.modeOf(participantId) };
}

export function setTimeouts(ctx: EmulatorContext, contactId: string, body: JsonObject): unknown {
  findContact(ctx, contactId);
  const fields = ['customerIdleMs', 'customerDisconnectMs', 'agentIdleMs', 'agentDisconnectMs'] as const;
  const timeouts: ChatTimeouts = {};
  fields.forEach((field) => {
    const value = body[field];
    if (value !== undefined && typeof value !== 'number') throw validationError(`${field} must be a number of milliseconds`);
    if (typeof value === 'number') timeouts[field] = value;
  });
  try {
    ctx.contactCenter.idleTimers.configure(contactId, checkTimeouts(timeouts, 'timeouts'));
  } catch (error) {
    throw validationError((error as Error).message);
  }
  return { timeouts: ctx.contactCenter.idleTimers.timeoutsOf(contactId) };
}
