// Builds a Participant Service request from the operation's HTTP binding (operationBindings.ts): method
// and path, the bearer token header, path labels, and every other member as a JSON body in model order,
// which is what the SDK's restJson1 protocol sends. An operation the table does not know is refused, so
// a newer SDK command cannot go out on the wire half-serialized.

import type { Endpoint, HeaderBag, HttpRequest, QueryParameterBag } from '@smithy/types';
import { rememberSecret } from '../log/knownSecrets.js';
import { type BodyMember, OPERATION_BINDINGS } from './operationBindings.js';
import { uuidV4 } from '../util/uuid.js';

export class UnknownOperationError extends Error {
  constructor(operation: string) {
    super(`${operation}: the Participant client's protocol has no HTTP binding for this operation`);
    this.name = 'UnknownOperationError';
  }
}

/** The request shape the SDK's middleware and HTTP handlers read (as @smithy/protocol-http's HttpRequest). */
export class ParticipantHttpRequest implements HttpRequest {
  method = 'GET';
  protocol = 'https:';
  hostname = 'localhost';
  port?: number;
  path = '/';
  query: QueryParameterBag = {};
  headers: HeaderBag = {};
  body?: string;
  username?: string;
  password?: string;
  fragment?: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The set members of `input` named in `members`, in that order (a structure member's own members too). */
function jsonObject(members: readonly BodyMember[], input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const member of members) {
    const [name, nested] = typeof member === 'string' ? [member, undefined] : member;
    const value = input[name];
    if (value != null) out[name] = nested && isRecord(value) ? jsonObject(nested, value) : value;
  }
  return out;
}

/** RFC 3986 encoding of a path label, reserved characters included (as the SDK encodes labels). */
export function encodeLabel(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Puts `input` on the wire for the operation named `operation` at `endpoint`. */
export function buildRequest(operation: string, input: Record<string, unknown>, endpoint: Endpoint): ParticipantHttpRequest {
  const binding = Object.prototype.hasOwnProperty.call(OPERATION_BINDINGS, operation) ? OPERATION_BINDINGS[operation] : undefined;
  if (!binding) throw new UnknownOperationError(operation);
  const request = new ParticipantHttpRequest();
  request.method = binding.method;
  request.protocol = endpoint.protocol;
  request.hostname = endpoint.hostname;
  request.port = endpoint.port ? Number(endpoint.port) : undefined;
  request.query = { ...endpoint.query };
  Object.assign(request.headers, endpoint.headers);
  const bearer = input[binding.bearer];
  if (bearer != null) {
    request.headers['x-amz-bearer'] = String(bearer);
    rememberSecret(String(bearer)); // a server echoing it in an error must not put it in a log
  }
  const path = binding.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = input[name];
    if (value == null) throw new Error(`${operation}: no value for the path label ${name}`);
    return encodeLabel(String(value));
  });
  request.path = endpoint.path === '/' ? path : endpoint.path + path;
  if (binding.body.length > 0) {
    const token = binding.idempotencyToken;
    const values = token && input[token] == null ? { ...input, [token]: uuidV4() } : input;
    request.headers['content-type'] = 'application/json';
    request.body = JSON.stringify(jsonObject(binding.body, values));
  }
  return request;
}
