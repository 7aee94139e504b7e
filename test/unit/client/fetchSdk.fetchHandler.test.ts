/**
 * @jest-environment node
 */
// The browser builds' fetch handler (src/client/fetchSdk/fetchHandler.ts) side by side with the AWS SDK's
// fetch handler under the settings the SDK's browser client gives it for the Participant client: the same
// fetch() (URL, method, headers, body, keep-alive, credentials, cache) and the same answer.
import { FetchHttpHandler as SdkFetchHttpHandler } from '@smithy/fetch-http-handler';
import { HttpRequest } from '@smithy/protocol-http';
import type { HttpRequest as HttpRequestShape, HttpResponse } from '@smithy/types';
import { FetchHandler } from '../../../src/client/fetchSdk/fetchHandler';

type Handler = { handle: (request: HttpRequestShape) => Promise<{ response: HttpResponse }> };

const request = (overrides: Partial<HttpRequest> = {}) =>
  new HttpRequest({
    method: 'POST',
    protocol: 'https:',
    hostname: 'participant.connect.us-east-1.amazonaws.com',
    path: '/participant/message',
    headers: { 'x-amz-bearer': 'ct', 'content-type': 'application/json', host: 'participant.connect.us-east-1.amazonaws.com', 'content-length': '16' },
    body: '{"Content":"é"}',
    ...overrides,
  });

/** What fetch() was given, and the answer the handler made of a fetch answer. */
async function exchange(handler: Handler, sent: HttpRequestShape) {
  const seen: Request[] = [];
  const realFetch = global.fetch;
  global.fetch = jest.fn(async (input: RequestInfo | URL) => {
    seen.push(input as Request);
    return new Response('{"Id":"m-1"}', { status: 201, statusText: 'Created', headers: { 'x-amzn-requestid': 'r-1' } });
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

describe('the browser builds’ fetch handler', () => {
  it.each([
    ['a POST with a JSON body', request()],
    ['a GET (no body), with a port, query and fragment', request({ method: 'GET', port: 9100, protocol: 'http:', hostname: '127.0.0.1', path: '/participant/views/v%2F1', query: { a: "b c'", l: ['1', '2'], flag: null as unknown as string }, fragment: 'f', body: undefined })],
  ])('sends %s as the SDK handler does', async (_label, sent) => {
    const sdk = SdkFetchHttpHandler.create(async () => ({}));
    sdk.updateHttpClientConfig(Symbol.for('logger') as never, {} as never);
    const expected = await exchange(sdk as unknown as Handler, sent);
    expect(await exchange(new FetchHandler(), sent)).toEqual(expected);
    expect(expected.answer).toMatchObject({ statusCode: 201, body: '{"Id":"m-1"}' });
  });

  it('lets a fetch failure through unchanged, for the retry rules to judge', async () => {
    const realFetch = global.fetch;
    const failure = new TypeError('Failed to fetch');
    global.fetch = jest.fn(async () => {
      throw failure;
    }) as typeof fetch;
    try {
      await expect(new FetchHandler().handle(request())).rejects.toBe(failure);
    } finally {
      global.fetch = realFetch;
    }
  });
});
