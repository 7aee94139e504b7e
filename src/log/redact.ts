// Removes secrets from whatever is about to be logged: participant and connection tokens, bearer headers
// (as object fields and as [name, value] tuples), token query parameters and the signature parts of
// presigned URLs, and every token value the SDK has sent or seen, wherever it appears again (a server that
// echoes it in an error message). Runs on every argument of every line, before formatting, so no logger
// (console, the app's, Streams' upload) ever sees a token.
import { knownSecrets, rememberSecret } from './knownSecrets.js';

export const REDACTED = '[redacted]';

/** Object keys whose values are secrets, compared lower-case without `-`/`_` (so `X-Amz-Bearer` → `xamzbearer`). */
const SECRET_KEYS: ReadonlySet<string> = new Set([
  'participanttoken',
  'connectiontoken',
  'connectionauthenticationtoken',
  'authtoken',
  'token',
  'xamzbearer',
  'authorization',
  'xamzsecuritytoken',
  'xamzsignature',
  'xamzcredential',
  'sessiontoken',
  'accesstoken',
  'refreshtoken',
  'idtoken',
  'chattoken',
  'secretaccesskey',
]);

// Query (or fragment) parameters that make a URL usable by whoever reads it: presigned URLs, websocket URLs
// (the emulator's `?ticket=`), `?AuthToken=` and OAuth-style tokens. The separator may be URL-encoded when
// a URL is nested inside another one.
const URL_SECRET_PARAM =
  /((?:[?&#]|%3F|%26)(?:X-Amz-Signature|X-Amz-Credential|X-Amz-Security-Token|X-Amz-Bearer|sig|signature|token|ticket|auth_?token|access_?token|id_?token|refresh_?token|session_?token|participant_?token|connection_?token|authorization)(?:=|%3D))[^&#\s"'<>\\]*/gi;

// `"participantToken":"…"` inside text that is already JSON (also escaped JSON, `\"token\":\"…\"`).
const JSON_SECRET_FIELD =
  /(\\?"(?:participant_?token|connection_?token|connection_?authentication_?token|auth_?token|token|x-amz-bearer|authorization|x-amz-security-token|session_?token|access_?token|refresh_?token|id_?token|chat_?token)\\?"\s*:\s*\\?")[^"\\]*/gi;

// `ParticipantToken=…` / `X-Amz-Bearer: …` in free text. A bare `token` is left out: prose such as
// "token: refresh failed" would lose its meaning, and URL and JSON forms are covered above.
const TEXT_SECRET_FIELD =
  /\b((?:participant_?token|connection_?token|connection_?authentication_?token|auth_?token|x-amz-bearer|x-amz-security-token|authorization)\s*[:=]\s*["']?)(?!\[redacted\])[^\s"',;&}]+/gi;

const BEARER = /\b(Bearer\s+)[A-Za-z0-9\-._~+/]+=*/g;
const JWT = /\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

const MAX_DEPTH = 10;

/** True when a key names a secret (any case, with or without `-`/`_`). */
export const isSecretKey = (key: string): boolean => SECRET_KEYS.has(key.toLowerCase().replace(/[-_]/g, ''));

/** The text with tokens, bearer values and URL signatures replaced by `[redacted]`. */
export function redactString(text: string): string {
  return redactKnownSecrets(text)
    .replace(URL_SECRET_PARAM, `$1${REDACTED}`)
    .replace(JSON_SECRET_FIELD, `$1${REDACTED}`)
    .replace(TEXT_SECRET_FIELD, `$1${REDACTED}`)
    .replace(BEARER, `$1${REDACTED}`)
    .replace(JWT, REDACTED);
}

/** Every token value the SDK sent or logged under a secret key, replaced wherever it appears. */
function redactKnownSecrets(text: string): string {
  let result = text;
  for (const secret of knownSecrets()) {
    if (result.includes(secret)) result = result.split(secret).join(REDACTED);
  }
  return result;
}

/**
 * A redacted deep copy of `value`; the original is never modified. Cycles become "[circular]" and nesting
 * deeper than 10 levels "[…]", so the copy is always safe to JSON-encode.
 */
export function redactValue(value: unknown): unknown {
  return redactAt(value, new WeakSet<object>(), 0);
}

function redactAt(value: unknown, ancestors: WeakSet<object>, depth: number): unknown {
  if (typeof value === 'string') return redactString(value);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date || value instanceof RegExp) return value;
  if (ancestors.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[…]';
  ancestors.add(value);
  try {
    if (Array.isArray(value)) return redactArray(value, ancestors, depth);
    if (isHeaderMap(value)) return redactObject(Object.fromEntries(value.entries()), ancestors, depth);
    if (value instanceof Error) return redactError(value, ancestors, depth);
    return redactObject(value, ancestors, depth);
  } finally {
    ancestors.delete(value); // only ancestors count as cycles; a shared sibling is printed twice
  }
}

/**
 * Header lists come as `[name, value]` tuples or flat `[name, value, name, value]` arrays (Node's rawHeaders):
 * a value right after a secret header name is redacted like a secret field.
 */
function redactArray(source: unknown[], ancestors: WeakSet<object>, depth: number): unknown[] {
  return source.map((item, index) => {
    const name = index > 0 ? source[index - 1] : undefined;
    if (typeof name === 'string' && isSecretKey(name)) return redactField(name, item, ancestors, depth);
    return redactAt(item, ancestors, depth + 1);
  });
}

/** A fetch `Headers` or a `Map`: no own fields to walk, so its entries are read. */
function isHeaderMap(value: object): value is { entries(): IterableIterator<[string, unknown]> } {
  return value instanceof Map || (typeof Headers !== 'undefined' && value instanceof Headers);
}

function redactObject(source: object, ancestors: WeakSet<object>, depth: number): object {
  // Keep the prototype so a class's own toString() still formats the copy.
  const copy = Object.create(Object.getPrototypeOf(source) as object | null) as Record<string, unknown>;
  for (const [key, field] of Object.entries(source)) {
    copy[key] = redactField(key, field, ancestors, depth);
  }
  return copy;
}

function redactError(source: Error, ancestors: WeakSet<object>, depth: number): Error {
  const copy = new Error(redactString(source.message));
  copy.name = source.name;
  copy.stack = source.stack === undefined ? undefined : redactString(source.stack);
  const fields = copy as unknown as Record<string, unknown>;
  for (const [key, field] of Object.entries(source)) {
    fields[key] = redactField(key, field, ancestors, depth);
  }
  return copy;
}

function redactField(key: string, field: unknown, ancestors: WeakSet<object>, depth: number): unknown {
  // A missing token (null, "") is worth seeing in a log; any present primitive value is not.
  const isPresentPrimitive = field !== null && field !== undefined && field !== '' && typeof field !== 'object';
  if (isSecretKey(key) && isPresentPrimitive) {
    if (typeof field === 'string') rememberSecret(field); // seen once under its name, hidden everywhere after
    return REDACTED;
  }
  return redactAt(field, ancestors, depth + 1);
}
