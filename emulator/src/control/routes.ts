// The emulator-only control API under /emulator/ (emulator-api.md "Control API"): inspect contacts,
// act as other participants, end chats, read the request log and inject faults.
import type { IncomingMessage, ServerResponse } from 'http';
import type { EmulatorContext } from '../context';
import { ServiceError, toServiceError, unknownOperation } from '../core/errors';
import { readJsonBody, sendError, sendJson } from '../http/common';
import { checkControlContentType } from '../http/policy';
import { contactEvent, contactMessage, findContact, flood, joinParticipant } from './actions';
import { barge, listQueues, monitor, setTimeouts, transfer } from './contactCenterRoutes';
import type { JsonObject } from '../core/validation';

export const CONTROL_PREFIX = '/emulator/';

interface ControlAnswer {
  status: number;
  body: unknown;
}

type ControlHandler = (ctx: EmulatorContext, contactId: string, body: JsonObject, query: URLSearchParams) => ControlAnswer | Promise<ControlAnswer>;

interface ControlRoute {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path under /emulator; `{contactId}` is the only label. */
  pattern: RegExp;
  handler: ControlHandler;
}

const ok = (body: unknown): ControlAnswer => ({ status: 200, body });

const ROUTES: ControlRoute[] = [
  { method: 'GET', pattern: /^health$/, handler: () => ok({ status: 'ok' }) },
  { method: 'GET', pattern: /^contacts$/, handler: (ctx) => ok({ contacts: listContacts(ctx) }) },
  { method: 'POST', pattern: /^contacts\/([^/]+)\/participants$/, handler: (ctx, id, body) => ({ status: 201, body: joinParticipant(ctx, id, body) }) },
  { method: 'POST', pattern: /^contacts\/([^/]+)\/messages$/, handler: (ctx, id, body) => ok(contactMessage(ctx, id, body)) },
  { method: 'POST', pattern: /^contacts\/([^/]+)\/events$/, handler: (ctx, id, body) => ok(contactEvent(ctx, id, body)) },
  { method: 'POST', pattern: /^contacts\/([^/]+)\/flood$/, handler: async (ctx, id, body) => ok(await flood(ctx, id, body)) },
  { method: 'POST', pattern: /^contacts\/([^/]+)\/end$/, handler: (ctx, id) => ok(endContact(ctx, id)) },
  { method: 'GET', pattern: /^contacts\/([^/]+)\/transcript$/, handler: (ctx, id) => ok({ items: findContact(ctx, id).items.map((stored) => stored.item) }) },
  { method: 'GET', pattern: /^agents$/, handler: (ctx) => ok({ agents: ctx.ccp.listAgents(), waiting: ctx.ccp.router.waiting() }) },
  { method: 'GET', pattern: /^queues$/, handler: (ctx) => ok(listQueues(ctx)) },
  { method: 'POST', pattern: /^contacts\/([^/]+)\/transfer$/, handler: (ctx, id, body) => ok(transfer(ctx, id, body)) },
  { method: 'POST', pattern: /^contacts\/([^/]+)\/monitor$/, handler: (ctx, id, body) => ({ status: 201, body: monitor(ctx, id, body) }) },
  { method: 'POST', pattern: /^contacts\/([^/]+)\/barge$/, handler: (ctx, id, body) => ok(barge(ctx, id, body)) },
  { method: 'POST', pattern: /^contacts\/([^/]+)\/timeouts$/, handler: (ctx, id, body) => ok(setTimeouts(ctx, id, body)) },
  { method: 'GET', pattern: /^sockets$/, handler: (ctx, _id, _body, query) => ok(ctx.hub.socketReport(query.get('contactId') ?? undefined)) },
  { method: 'GET', pattern: /^requests$/, handler: (ctx, _id, _body, query) => ok({ requests: listRequests(ctx, query) }) },
  { method: 'POST', pattern: /^faults$/, handler: (ctx, _id, body) => ok(ctx.faults.add(body)) },
  { method: 'DELETE', pattern: /^faults$/, handler: (ctx) => ok(clearFaults(ctx)) },
  { method: 'GET', pattern: /^authenticate$/, handler: (_ctx, _id, _body, query) => ok({ sessionId: query.get('session_id'), redirectUri: query.get('redirect_uri') }) },
];

export async function handleControlRequest(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): Promise<void> {
  try {
    checkControlContentType(req);
    const body = await readJsonBody(req);
    const subPath = path.slice(CONTROL_PREFIX.length).replace(/\/$/, '');
    for (const route of ROUTES) {
      const match = route.pattern.exec(subPath);
      if (!match || route.method !== req.method) continue;
      const answer = await route.handler(ctx, decodeLabel(match[1]), body, query);
      sendJson(res, answer.status, answer.body);
      return;
    }
    throw unknownOperation(req.method ?? 'GET', path);
  } catch (err) {
    sendError(res, toServiceError(err));
  }
}

function decodeLabel(label: string | undefined): string {
  try {
    return decodeURIComponent(label ?? '');
  } catch {
    throw new ServiceError(400, 'ValidationException', 'Malformed path');
  }
}

function listContacts(ctx: EmulatorContext): unknown[] {
  return [...ctx.store.contacts.values()].map((contact) => ({
    contactId: contact.contactId,
    initialContactId: contact.initialContactId,
    state: contact.state,
    participants: [...contact.participants.values()].map((participant) => ({
      participantId: participant.participantId,
      role: participant.role,
      displayName: participant.displayName,
      connected: ctx.hub.isConnected(participant.participantId),
    })),
  }));
}

function endContact(ctx: EmulatorContext, contactId: string): unknown {
  ctx.chat.end(findContact(ctx, contactId));
  return {};
}

function listRequests(ctx: EmulatorContext, query: URLSearchParams): unknown[] {
  return ctx.requests.list({ contactId: query.get('contactId') ?? undefined, operation: query.get('operation') ?? undefined });
}

function clearFaults(ctx: EmulatorContext): unknown {
  ctx.faults.clear();
  return {};
}
