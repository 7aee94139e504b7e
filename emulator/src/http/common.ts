// HTTP plumbing shared by every route: request ids, CORS, bounded body reading, JSON answers.
import type { IncomingMessage, ServerResponse } from 'http';
import { bodyTooLarge, serializationError, ServiceError } from '../core/errors';
import { isJsonObject, JsonObject } from '../core/validation';

/** JSON bodies are small on this service (16 KB content, 32 KB attributes); 1 MB leaves room. */
export const JSON_BODY_LIMIT = 1024 * 1024;
/** Past this many bytes a request is not worth draining: the connection is destroyed. */
const DRAIN_CAP_FACTOR = 4;

const EXPOSED_HEADERS = 'x-amzn-RequestId,x-amzn-ErrorType';
const DEFAULT_ALLOWED_HEADERS =
  'authorization,content-type,x-amz-bearer,x-amz-content-sha256,x-amz-date,x-amz-user-agent,x-amz-security-token,amz-sdk-invocation-id,amz-sdk-request';

/** Headers every answer carries: the request id, nosniff, and CORS when the origin may have it. */
export function setCommonHeaders(res: ServerResponse, requestId: string, corsOrigin: string | undefined): void {
  res.setHeader('x-amzn-RequestId', requestId);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Vary', 'Origin');
  if (corsOrigin === undefined) return;
  res.setHeader('Access-Control-Allow-Origin', corsOrigin);
  res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
}

/** Answers a CORS preflight of an allowed origin: the requested headers echoed (Authorization must be listed explicitly). */
export function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  const requested = req.headers['access-control-request-headers'];
  // Pages on a public origin calling the loopback emulator ask Chromium's private-network preflight.
  if (req.headers['access-control-request-private-network'] === 'true') res.setHeader('Access-Control-Allow-Private-Network', 'true');
  res.writeHead(204, {
    'Access-Control-Allow-Methods': 'GET,POST,PUT,DELETE,OPTIONS',
    'Access-Control-Allow-Headers': typeof requested === 'string' && requested.length > 0 ? requested : DEFAULT_ALLOWED_HEADERS,
    'Access-Control-Max-Age': '600',
    'Content-Length': '0',
  });
  res.end();
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendError(res: ServerResponse, error: ServiceError): void {
  const req = res.req;
  if (res.headersSent || res.destroyed) return;
  res.setHeader('x-amzn-ErrorType', error.errorType);
  if (error.status === 413) res.setHeader('Connection', 'close');
  else if (!req.complete) discardRest(req);
  sendJson(res, error.status, error.toBody());
}

/** Past this many unread bytes after an early answer, the connection is cut rather than drained. */
const DISCARD_CAP = 32 * 1024 * 1024;

/**
 * A request answered before its body was read (a bad signature, a refused origin): the rest is read and
 * dropped, never kept, so the client sees the answer instead of a reset; past DISCARD_CAP it is cut.
 */
function discardRest(req: IncomingMessage): void {
  let discarded = 0;
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > DISCARD_CAP) req.socket.destroy();
  });
  req.resume();
}

/** Reads the whole body up to `limit` bytes; a larger body is drained (up to a cap) and rejected with 413. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received <= limit) chunks.push(chunk);
      else if (received > limit * DRAIN_CAP_FACTOR) req.destroy();
    });
    req.on('end', () => (received > limit ? reject(bodyTooLarge(limit)) : resolve(Buffer.concat(chunks))));
    req.on('error', () => reject(bodyTooLarge(limit)));
    req.on('close', () => {
      if (!req.complete) reject(bodyTooLarge(limit));
    });
  });
}

/** Nesting deeper than this is no request of the service's model, and would overflow the stack of whatever walks it later. */
export const MAX_JSON_DEPTH = 32;

/** Parses a JSON object body; an empty body is `{}` (the SDK may send none for input-less operations). */
export function parseJsonObject(body: Buffer): JsonObject {
  const text = body.toString('utf8').trim();
  if (text.length === 0) return {};
  if (nestingDepth(text) > MAX_JSON_DEPTH) {
    throw new ServiceError(400, 'SerializationException', `Request body nests deeper than ${MAX_JSON_DEPTH} levels`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw serializationError();
  }
  if (!isJsonObject(parsed)) throw serializationError();
  return parsed;
}

/** The deepest nesting of `[` / `{` outside strings, found without recursion. */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c) index += 1; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x7b || char === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (char === 0x7d || char === 0x5d) depth -= 1;
  }
  return deepest;
}

export async function readJsonBody(req: IncomingMessage): Promise<JsonObject> {
  return parseJsonObject(await readBody(req, JSON_BODY_LIMIT));
}

/** Collapses `//` (an endpoint with a trailing slash) and strips the query string. */
export function normalizePath(rawUrl: string | undefined): { path: string; query: URLSearchParams } {
  // Split by hand: `new URL('//participant/x', base)` would read "participant" as a host.
  const raw = rawUrl ?? '/';
  const queryStart = raw.indexOf('?');
  const pathname = queryStart >= 0 ? raw.slice(0, queryStart) : raw;
  const query = new URLSearchParams(queryStart >= 0 ? raw.slice(queryStart + 1) : '');
  return { path: pathname.replace(/\/{2,}/g, '/'), query };
}

export function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  if (Array.isArray(value)) return value[0];
  return value;
}
