// Routes `/participant/*` to the 11 operations, in the order the real front door applies things:
// network faults, injected errors, bearer check, body validation, the operation itself.
import type { IncomingMessage, ServerResponse } from 'http';
import { completeAttachmentUpload, getAttachment, startAttachmentUpload } from './attachments';
import type { EmulatorContext } from '../context';
import { ServiceError, toServiceError, unknownOperation } from '../core/errors';
import { headerValue, JSON_BODY_LIMIT, parseJsonObject, readBody, sendError, sendJson } from '../http/common';
import { authorize, newFieldReader, OperationSpec, peekTarget, runIdempotent } from './operation';
import { cancelParticipantAuthentication, describeView, getAuthenticationUrl } from './extras';
import { createParticipantConnection, disconnectParticipant, getTranscript, sendEvent, sendMessage } from './chatOps';
import type { JsonObject } from '../core/validation';

export const PARTICIPANT_PREFIX = '/participant/';

const OPERATIONS: OperationSpec[] = [
  { name: 'CreateParticipantConnection', method: 'POST', path: '/participant/connection', bearer: 'participant', handler: createParticipantConnection },
  { name: 'DisconnectParticipant', method: 'POST', path: '/participant/disconnect', bearer: 'connection', idempotent: true, handler: disconnectParticipant },
  { name: 'SendMessage', method: 'POST', path: '/participant/message', bearer: 'connection', idempotent: true, handler: sendMessage },
  { name: 'SendEvent', method: 'POST', path: '/participant/event', bearer: 'connection', idempotent: true, handler: sendEvent },
  { name: 'GetTranscript', method: 'POST', path: '/participant/transcript', bearer: 'connection', handler: getTranscript },
  { name: 'StartAttachmentUpload', method: 'POST', path: '/participant/start-attachment-upload', bearer: 'connection', idempotent: true, handler: startAttachmentUpload },
  { name: 'CompleteAttachmentUpload', method: 'POST', path: '/participant/complete-attachment-upload', bearer: 'connection', idempotent: true, handler: completeAttachmentUpload },
  { name: 'GetAttachment', method: 'POST', path: '/participant/attachment', bearer: 'connection', handler: getAttachment },
  { name: 'DescribeView', method: 'GET', path: /^\/participant\/views\/([^/]+)$/, bearer: 'connection', handler: describeView },
  { name: 'GetAuthenticationUrl', method: 'POST', path: '/participant/authentication-url', bearer: 'connection', handler: getAuthenticationUrl },
  { name: 'CancelParticipantAuthentication', method: 'POST', path: '/participant/cancel-authentication', bearer: 'connection', handler: cancelParticipantAuthentication },
];

function matchOperation(method: string, path: string): { spec: OperationSpec; labels: string[] } | undefined {
  for (const spec of OPERATIONS) {
    if (spec.method !== method) continue;
    if (typeof spec.path === 'string' && spec.path === path) return { spec, labels: [] };
    if (spec.path instanceof RegExp) {
      const match = spec.path.exec(path);
      if (match) return { spec, labels: match.slice(1).map(safeDecode) };
    }
  }
  return undefined;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export async function handleParticipantRequest(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const method = req.method ?? 'GET';
  const matched = matchOperation(method, path);
  const token = headerValue(req, 'x-amz-bearer');
  const target = peekTarget(ctx, token);
  const operation = matched?.spec.name ?? 'Unknown';
  if (ctx.faults.isRefusing(target)) {
    // Network down: the browser must see a failed fetch, not an HTTP answer.
    ctx.requests.record({ at: ctx.clock.nowIso(), operation, status: 0, ...target });
    req.socket.destroy();
    return;
  }
  let body: JsonObject = {};
  let status = 200;
  let answer: unknown;
  try {
    const parsed = tryParse(await readBody(req, JSON_BODY_LIMIT));
    body = parsed.body;
    if (!matched) throw unknownOperation(method, path);
    const injected = ctx.faults.takeHttpError(operation, target);
    if (injected) throw injected;
    const ref = authorize(ctx, matched.spec.bearer, token);
    if (parsed.error && matched.spec.method === 'POST') throw parsed.error;
    answer = runIdempotent(matched.spec, { ctx, req, ref, body, fields: newFieldReader(body), pathLabels: matched.labels });
  } catch (err) {
    answer = toServiceError(err);
    status = toServiceError(err).status;
  }
  const delayMs = ctx.options.latencyMs + ctx.faults.latencyFor(target);
  if (delayMs > 0) await ctx.scheduler.sleep(delayMs);
  logRequest(ctx, operation, status, target, body);
  if (status === 200) sendJson(res, 200, answer);
  else sendError(res, toServiceError(answer));
}

/** Parses early so the request log has the ClientToken even when the bearer check fails. */
function tryParse(raw: Buffer): { body: JsonObject; error?: ServiceError } {
  try {
    return { body: parseJsonObject(raw) };
  } catch (err) {
    return { body: {}, error: toServiceError(err) };
  }
}

function logRequest(ctx: EmulatorContext, operation: string, status: number, target: { contactId?: string; participantId?: string }, body: JsonObject): void {
  ctx.requests.record({
    at: ctx.clock.nowIso(),
    operation,
    status,
    ...target,
    clientToken: typeof body.ClientToken === 'string' ? body.ClientToken : undefined,
    contentType: typeof body.ContentType === 'string' ? body.ContentType : undefined,
  });
}
