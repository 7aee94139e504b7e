/**
 * @jest-environment node
 */
// The script-tag bundle's stand-in for the AWS SDK's fetch handler (scripts/stubs/fetchHandler.js): for
// the Participant client's settings it makes the same fetch() and the same answer as the SDK's handler,
// and refuses every setting that would change the request.
import { FetchHttpHandler as SdkFetchHttpHandler } from '@smithy/fetch-http-handler';
import { HttpRequest } from '@smithy/protocol-http';
// @ts-expect-error plain ES module without types
import { FetchHttpHandler as StandInFetchHttpHandler } from '../../../scripts/stubs/fetchHandler.js';

type Handler = { handle: (request: HttpRequest, options?: Record<string, unknown>) => Promise<{ response: { statusCode: number; reason?: string; headers: Record<string, string>; body: unknown } }>; updateHttpClientConfig: (key: unknown, value: unknown) => void };

const request = (overrides: Partial<HttpRequest> = {}) =>
  new HttpRequest({
    method: 'POST',
    protocol: 'https:',
    hostname: 'participant.connect.us-east-1.amazonaws.com',
    path: '/participant/message',
    headers: { 'x-amz-bearer': 'ct', 'content-type': 'application/json' },
    body: '{"Content":"é"}',
    ...overrides,
  });

/** What fetch() was given, and the answer the handler made of a fetch answer. */
async function exchange(handler: Handler, sent: HttpRequest) {
  const seen: Request[] = [];
  const realFetch = global.fetch;
  global.fetch = jest.fn(async (input: RequestInfo | URL) => {
    seen.push(input as Request);
    return new Response('{"Id":"m-1"}', { status: 200, statusText: 'OK', headers: { 'x-amzn-requestid': 'r-1' } });
  }) as typeof fetch;
  try {
    const { response } = await handler.handle(sent);
    const [fetched] = seen as [Request];
    return {
      url: fetched.url,
      method: fetched.method,
      headers: [...fetched.headers.entries()],
      body: fetched.method === 'GET' ? null : await fetched.text(),
      keepalive: fetched.keepalive,
      credentials: fetched.credentials,
      cache: fetched.cache,
      answer: { statusCode: response.statusCode, reason: response.reason, headers: response.headers, body: await new Response(response.body as BodyInit).text() },
    };
  } finally {
    global.fetch = realFetch;
  }
}

const legacyDefaults = async () => ({});

describe('fetch handler stand-in', () => {
  it.each([
    ['a POST with a JSON body', request()],
    ['a GET (no body), with a port, query and fragment', request({ method: 'GET', port: 9100, protocol: 'http:', hostname: '127.0.0.1', path: '/participant/views/v%2F1', query: { a: 'b c', l: ['1', '2'] }, fragment: 'f', body: undefined })],
  ])('sends %s as the SDK handler does', async (_label, sent) => {
    const sdk = SdkFetchHttpHandler.create(legacyDefaults) as unknown as Handler;
    const standIn = StandInFetchHttpHandler.create(legacyDefaults) as Handler;
    sdk.updateHttpClientConfig(Symbol.for('logger'), {});
    standIn.updateHttpClientConfig(Symbol.for('logger'), {});
    expect(await exchange(standIn, sent)).toEqual(await exchange(sdk, sent));
  });

  it('passes a handler object through, as the SDK does', () => {
    const handler = { handle: jest.fn() };
    expect(StandInFetchHttpHandler.create(handler)).toBe(handler);
  });

  it('refuses the settings and call options it does not cover', async () => {
    await expect(new StandInFetchHttpHandler({ keepAlive: true }).handle(request())).rejects.toThrow("is not part of this bundle's fetch handler");
    await expect(new StandInFetchHttpHandler({ requestTimeout: 1000 }).handle(request())).rejects.toThrow('requestTimeout');
    await expect(new StandInFetchHttpHandler({}).handle(request(), { abortSignal: new AbortController().signal })).rejects.toThrow('An abort signal');
  });
});
