// Sends one request with fetch(), as the AWS SDK's browser handler does with the Participant client's
// settings (no timeout, no keep-alive, no credentials mode or cache of its own): the same URL, method,
// headers and body; the answer as status, headers and its body read as text.
import type { HttpRequest, HttpResponse } from '@smithy/types';
import { encodeLabel } from '../restJsonRequest.js';

/** `a=1&b=x%20y`, keys sorted, names and values RFC 3986-encoded, as the SDK writes a query. */
function queryString(query: HttpRequest['query'] = {}): string {
  const pairs: string[] = [];
  for (const key of Object.keys(query).sort()) {
    const value = query[key];
    const name = encodeLabel(key);
    if (Array.isArray(value)) for (const item of value) pairs.push(`${name}=${encodeLabel(item)}`);
    else pairs.push(typeof value === 'string' ? `${name}=${encodeLabel(value)}` : name);
  }
  return pairs.join('&');
}

/** What sends a request: fetch() here, or a handler the configuration passes in (tests). */
export interface RequestHandler {
  handle(request: HttpRequest, options?: object): Promise<{ response: HttpResponse }>;
  destroy?(): void;
}

export function requestUrl(request: HttpRequest): string {
  const query = queryString(request.query);
  const auth = request.username != null || request.password != null ? `${request.username ?? ''}:${request.password ?? ''}@` : '';
  const port = request.port ? `:${request.port}` : '';
  return `${request.protocol}//${auth}${request.hostname}${port}${request.path}${query ? `?${query}` : ''}${request.fragment ? `#${request.fragment}` : ''}`;
}

export class FetchHandler implements RequestHandler {
  async handle(request: HttpRequest): Promise<{ response: HttpResponse }> {
    const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : (request.body as BodyInit | undefined);
    const init: RequestInit & { duplex?: 'half' } = { body, headers: new Headers(request.headers), method: request.method };
    if (body) init.duplex = 'half';
    const answer = await fetch(new Request(requestUrl(request), init));
    const headers: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      headers[name] = value;
    });
    // Read as text here (every answer of this service is JSON): that works on every fetch, React Native's
    // included, where reading a stream or a Blob's bytes may not.
    return { response: { statusCode: answer.status, reason: answer.statusText, headers, body: await answer.text() } };
  }

  destroy(): void {}
}
