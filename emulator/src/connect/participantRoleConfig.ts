// Amazon Connect UpdateParticipantRoleConfig (`PUT /contact/participant-role-config/{InstanceId}/{ContactId}`):
// a contact's chat timers per role, in minutes (2..480), or `Unset`. The emulator keeps them with the
// contact's idle timers (timeouts/idleTimers.ts), which apply them from the next agent that joins.
import type { EmulatorContext } from '../context';
import { connectInvalidParameterError, invalidRequest, resourceNotFound } from '../core/errors';
import { FieldReader, isJsonObject, type JsonObject } from '../core/validation';
import type { ChatTimeouts } from '../types';

export const ROLE_CONFIG_PATH = /^\/contact\/participant-role-config\/([^/]+)\/([^/]+)$/;

const FIELDS: Record<string, keyof ChatTimeouts> = {
  'CUSTOMER:IDLE': 'customerIdleMs',
  'CUSTOMER:DISCONNECT_NONCUSTOMER': 'customerDisconnectMs',
  'AGENT:IDLE': 'agentIdleMs',
  'AGENT:DISCONNECT_NONCUSTOMER': 'agentDisconnectMs',
};
const MAX_TIMERS = 6;

function decodeLabel(label: string): string {
  try {
    return decodeURIComponent(label);
  } catch {
    throw connectInvalidParameterError('ContactId', 'Member must be a valid path segment');
  }
}

/** Applies the request; the answer is 200 with an empty body. */
export function updateParticipantRoleConfig(ctx: EmulatorContext, encodedContactId: string, body: JsonObject): void {
  const contactId = decodeLabel(encodedContactId);
  const contact = ctx.store.contacts.get(contactId);
  if (!contact) throw resourceNotFound(`Contact ${contactId} not found`, contactId, 'CONTACT');
  if (contact.state !== 'ACTIVE') throw invalidRequest(`Contact ${contactId} has ended`);
  const chat = new FieldReader(body, connectInvalidParameterError).object('ChannelConfiguration').object('Chat');
  const list = chat.raw('ParticipantTimerConfigList');
  if (!Array.isArray(list) || list.length < 1 || list.length > MAX_TIMERS) {
    throw connectInvalidParameterError('ChannelConfiguration.Chat.ParticipantTimerConfigList', `Member must have 1 to ${MAX_TIMERS} items`);
  }
  const timeouts: ChatTimeouts = {};
  list.forEach((entry, index) => {
    const path = `ChannelConfiguration.Chat.ParticipantTimerConfigList.${index + 1}`;
    if (!isJsonObject(entry)) throw connectInvalidParameterError(path, 'Member must be an object');
    const fields = new FieldReader(entry, (field, constraint) => connectInvalidParameterError(`${path}.${field}`, constraint));
    const role = fields.oneOf('ParticipantRole', ['CUSTOMER', 'AGENT'] as const);
    const type = fields.oneOf('TimerType', ['IDLE', 'DISCONNECT_NONCUSTOMER'] as const);
    const value = fields.object('TimerValue');
    const minutes = value.optionalInteger('ParticipantTimerDurationInMinutes', 2, 480);
    const action = value.optionalOneOf('ParticipantTimerAction', ['Unset'] as const);
    if ((minutes === undefined) === (action === undefined)) throw connectInvalidParameterError(`${path}.TimerValue`, 'Exactly one of ParticipantTimerAction or ParticipantTimerDurationInMinutes must be set');
    timeouts[FIELDS[`${role}:${type}`]] = minutes === undefined ? undefined : minutes * 60_000;
  });
  ctx.contactCenter.idleTimers.configure(contact.contactId, timeouts);
}
