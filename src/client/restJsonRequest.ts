// Builds a Participant Service request from an operation's HTTP binding, read from the AWS SDK's own
// generated schemas (static schema arrays): method and path from the operation's `http` trait, headers
// and path labels from member traits, and every other member as a JSON body in model order, which is
// what the SDK's restJson1 protocol sends. Only the bindings the Participant Service uses are supported;
// any other throws, so a model change cannot go out on the wire half-serialized.

import type { Endpoint, HeaderBag, HttpRequest, QueryParameterBag } from '@smithy/types';
import { uuidV4 } from './uuid.js';

/** Member traits as the SDK's static schemas encode them (an object, or a bit set of the common ones). */
interface MemberTraits {
  httpHeader?: string;
  httpLabel?: unknown;
  idempotencyToken?: unknown;
  jsonName?: string;
  [unsupported: string]: unknown;
}

/** Bits of a numeric trait indicator, lowest first (as @smithy/core's schemas number them). */
const TRAIT_BITS = ['httpLabel', 'idempotent', 'idempotencyToken', 'sensitive', 'httpPayload', 'httpResponseCode', 'httpQueryParams'];
/** Bindings that take a member out of the body; the ones not handled here are refused. */
const UNSUPPORTED_BINDINGS = ['httpPayload', 'httpQuery', 'httpQueryParams', 'httpPrefixHeaders', 'hostLabel', 'httpResponseCode'];
/** Static schema kinds. */
const LIST = 1;
const MAP = 2;
const STRUCTURE = 3;

type Member = [name: string, schema: unknown, traits: MemberTraits];

export class UnsupportedBindingError extends Error {
  constructor(operation: string, member: string, binding: string) {
    super(`${operation}: member ${member} uses the ${binding} binding, which the Participant client's protocol does not send`);
    this.name = 'UnsupportedBindingError';
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

const deref = (ref: unknown): unknown => (typeof ref === 'function' ? (ref as () => unknown)() : ref);

function traitsOf(indicator: unknown): MemberTraits {
  if (typeof indicator === 'object' && indicator !== null) return indicator as MemberTraits;
  const traits: MemberTraits = {};
  TRAIT_BITS.forEach((name, bit) => {
    if ((Number(indicator) >> bit) & 1) traits[name] = 1;
  });
  return traits;
}

/** A structure's members in model order; [] for anything that is not a structure. */
export function membersOf(ref: unknown): Member[] {
  const schema = deref(ref);
  if (!Array.isArray(schema) || Math.abs(schema[0] as number) !== STRUCTURE) return [];
  const names = schema[4] as string[];
  const targets = schema[5] as unknown[];
  return names.map((name, index) => {
    const target = targets[index];
    // A member with its own traits is `[target, traits]`; a bare target is a number, function or schema.
    const [schemaRef, traits] = Array.isArray(target) && target.length === 2 ? target : [target, 0];
    return [name, schemaRef, traitsOf(traits)];
  });
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** `value` as JSON-ready data following `ref`: structure members in model order, unset ones left out. */
function jsonValue(ref: unknown, value: unknown): unknown {
  const schema = deref(ref);
  if (!Array.isArray(schema)) return value;
  if (schema[0] === STRUCTURE && isRecord(value)) return jsonObject(membersOf(schema), value);
  if (schema[0] === LIST && Array.isArray(value)) return value.map((entry) => jsonValue(schema[4], entry));
  if (schema[0] === MAP && isRecord(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, jsonValue(schema[5], entry)]));
  }
  return value;
}

function jsonObject(members: Member[], input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, schema, traits] of members) {
    const value = input[name];
    if (value != null) out[traits.jsonName ?? name] = jsonValue(schema, value);
  }
  return out;
}

/** RFC 3986 encoding of a path label, reserved characters included (as the SDK encodes labels). */
export function encodeLabel(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export interface OperationBinding {
  name: string;
  traits: unknown;
  input: unknown;
}

/** Puts `input` on the wire for `operation` at `endpoint`. */
export function buildRequest(operation: OperationBinding, input: Record<string, unknown>, endpoint: Endpoint): ParticipantHttpRequest {
  const http = (traitsOf(operation.traits).http ?? []) as [string?, string?];
  const [method = 'POST', pathTemplate = '/'] = http;
  const request = new ParticipantHttpRequest();
  request.method = method;
  request.protocol = endpoint.protocol;
  request.hostname = endpoint.hostname;
  request.port = endpoint.port ? Number(endpoint.port) : undefined;
  request.query = { ...endpoint.query };
  Object.assign(request.headers, endpoint.headers);
  let path = pathTemplate;
  const bodyMembers: Member[] = [];
  const body: Record<string, unknown> = {};
  for (const member of membersOf(operation.input)) {
    const [name, , traits] = member;
    const unsupported = UNSUPPORTED_BINDINGS.find((binding) => traits[binding] !== undefined);
    if (unsupported) throw new UnsupportedBindingError(operation.name, name, unsupported);
    const value = input[name] ?? (traits.idempotencyToken ? uuidV4() : undefined);
    if (traits.httpHeader !== undefined) {
      if (value != null) request.headers[traits.httpHeader.toLowerCase()] = String(value);
    } else if (traits.httpLabel !== undefined) {
      if (value == null) throw new Error(`${operation.name}: no value for the path label ${name}`);
      path = path.replace(`{${name}}`, encodeLabel(String(value)));
    } else {
      bodyMembers.push(member);
      if (value != null) body[name] = value;
    }
  }
  request.path = endpoint.path === '/' ? path : endpoint.path + path;
  if (bodyMembers.length > 0) {
    request.headers['content-type'] = 'application/json';
    request.body = JSON.stringify(jsonObject(bodyMembers, body));
  }
  return request;
}
