// What a Participant Service operation handler receives, and the bearer checks in front of it.
import { createHash } from 'crypto';
import type { IncomingMessage } from 'http';
import type { EmulatorContext } from '../context';
import { accessDenied, participantValidationError } from '../core/errors';
import type { ParticipantRef } from '../store/store';
import { FieldReader, JsonObject } from '../core/validation';

/** Which token the operation's X-Amz-Bearer must carry. */
export type BearerKind = 'participant' | 'connection';

export interface OperationCall {
  ctx: EmulatorContext;
  req: IncomingMessage;
  ref: ParticipantRef;
  body: JsonObject;
  fields: FieldReader;
  /** Decoded path labels (DescribeView's ViewToken). */
  pathLabels: string[];
}

export interface OperationSpec {
  name: string;
  method: 'GET' | 'POST';
  /** Exact path, or a pattern whose groups are the path labels. */
  path: string | RegExp;
  bearer: BearerKind;
  /** Writes that the SDK marks idempotent: a repeated ClientToken + body gets the first answer again. */
  idempotent?: boolean;
  handler(call: OperationCall): unknown;
}

export function newFieldReader(body: JsonObject): FieldReader {
  return new FieldReader(body, participantValidationError);
}

/** Resolves the bearer token to an active participant of an active contact, or throws 403 "Access denied". */
export function authorize(ctx: EmulatorContext, kind: BearerKind, token: string | undefined): ParticipantRef {
  if (!token || token.length > 1000) throw accessDenied();
  const ref = kind === 'participant' ? ctx.store.byParticipantToken(token) : ctx.store.byConnectionToken(token, ctx.clock.nowMs());
  if (!ref || ref.contact.state !== 'ACTIVE' || ref.participant.state !== 'ACTIVE') throw accessDenied();
  return ref;
}

/** The participant a bearer token names, whichever kind it is, for narrowing faults; never throws. */
export function peekTarget(ctx: EmulatorContext, token: string | undefined): { contactId?: string; participantId?: string } {
  if (!token) return {};
  const ref = ctx.store.byParticipantToken(token) ?? ctx.store.byConnectionToken(token, ctx.clock.nowMs());
  return ref ? { contactId: ref.contact.contactId, participantId: ref.participant.participantId } : {};
}

/** Runs an idempotent handler once per (operation, ClientToken, body). */
export function runIdempotent(spec: OperationSpec, call: OperationCall): unknown {
  const clientToken = call.body.ClientToken;
  if (!spec.idempotent || typeof clientToken !== 'string' || clientToken.length === 0) return spec.handler(call);
  const digest = createHash('sha256').update(JSON.stringify(call.body)).digest('base64url');
  const key = `${spec.name}:${clientToken}:${digest}`;
  const answers = call.ref.participant.idempotentAnswers;
  if (answers.has(key)) return answers.get(key);
  const answer = spec.handler(call);
  call.ctx.store.rememberAnswer(call.ref.participant, key, answer);
  return answer;
}
