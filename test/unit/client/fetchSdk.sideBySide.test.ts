/**
 * @jest-environment node
 */
// The browser builds' own Participant client (src/client/fetchSdk) side by side with the AWS SDK client it
// replaces there, both given the options the Participant client sets (sdkClientConfig) and the SDK client
// run as in a browser (its browser user agent, `runtime: 'browser'`): every request must be the same, field
// for field and header for header, and every answer, failure and retry must come out the same.
import * as sdk from '@aws-sdk/client-connectparticipant';
import type { HttpRequest } from '@smithy/types';
import * as own from '../../../src/client/fetchSdk';
import * as sdkModule from '../../../src/client/sdk';
import { sdkClientConfig, type ParticipantClientConfig } from '../../../src/client/participantClient';
import { AWS_SDK_VERSION, VERSION } from '../../../src/version';
import { loadBrowserUserAgentProvider } from '../../support/sdk/browserUserAgentProvider';

type Answer = { status?: number; headers?: Record<string, string>; body?: string } | Error | string;
type Sent = { method: string; url: string; headers: Array<[string, string]>; body: unknown };
interface AnyClient {
  send(command: unknown): Promise<unknown>;
}
type Commands = Record<string, new (input: object) => unknown>;

const browserUserAgent = loadBrowserUserAgentProvider()({ serviceId: 'ConnectParticipant', clientVersion: AWS_SDK_VERSION });

/** A handler that records each request and answers from `answers` in turn (the last one repeats). */
function scriptedHandler(answers: Answer[]) {
  const sent: Sent[] = [];
  const handler = {
    handle: async (request: HttpRequest) => {
      const port = request.port ? `:${request.port}` : '';
      sent.push({ method: request.method, url: `${request.protocol}//${request.hostname}${port}${request.path}`, headers: Object.entries(request.headers), body: request.body });
      const answer = answers[Math.min(sent.length - 1, answers.length - 1)];
      if (answer instanceof Error || typeof answer === 'string') throw answer;
      return {
        response: {
          statusCode: answer?.status ?? 200,
          headers: { 'content-type': 'application/json', ...answer?.headers },
          body: new TextEncoder().encode(answer?.body ?? '{}'),
        },
      };
    },
  };
  return { sent, handler };
}

function makeClients(answers: Answer[], config: Partial<ParticipantClientConfig> = {}) {
  const base = { region: 'us-west-2', retry: { baseDelayMs: 0, throttlingBaseDelayMs: 0, random: () => 0.5 }, ...config };
  const forSdk = scriptedHandler(answers);
  const forOwn = scriptedHandler(answers);
  const sdkClient = new sdk.ConnectParticipantClient({ ...sdkClientConfig({ ...base, requestHandler: forSdk.handler }), defaultUserAgentProvider: browserUserAgent });
  (sdkClient.config as { runtime: string }).runtime = 'browser';
  const ownClient = new own.ConnectParticipantClient(sdkClientConfig({ ...base, requestHandler: forOwn.handler }));
  return { sdkClient, ownClient, sdkSent: forSdk.sent, ownSent: forOwn.sent };
}

/** What a call settled with, in comparable form: the output, or the failure's class, fields and metadata. */
async function outcome(client: AnyClient, command: unknown) {
  try {
    return { output: await client.send(command) };
  } catch (error) {
    const failure = error as Error & { $response?: { statusCode: number } };
    // Every own field but the stack (whose frames name the two implementations), in order.
    const fields = Object.entries(Object.getOwnPropertyDescriptors(failure)).filter(([key]) => key !== 'stack').map(([key, descriptor]) => [key, descriptor.enumerable, key === '$response' ? failure.$response?.statusCode : descriptor.value]);
    return { failure: { class: failure.constructor.name, name: failure.name, message: failure.message, fields } };
  }
}

async function sideBySide(operation: string, input: object, answers: Answer[], config: Partial<ParticipantClientConfig> = {}) {
  const { sdkClient, ownClient, sdkSent, ownSent } = makeClients(answers, config);
  const sdkCommand = new (sdk as unknown as Commands)[`${operation}Command`]!(input);
  const ownCommand = new (own as unknown as Commands)[`${operation}Command`]!(input);
  const expected = await outcome(sdkClient, sdkCommand);
  const actual = await outcome(ownClient, ownCommand);
  expect(ownSent).toEqual(sdkSent);
  expect(actual).toEqual(expected);
  return { expected, sent: sdkSent };
}

const OPERATIONS: Array<[string, object, string]> = [
  ['CreateParticipantConnection', { ParticipantToken: 'pt-1', Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'], ConnectParticipant: true }, '{"Websocket":{"Url":"wss://x","ConnectionExpiry":"2026-01-01T00:00:00Z"},"ConnectionCredentials":{"ConnectionToken":"ct","Expiry":"2026-01-02T00:00:00Z"}}'],
  ['DisconnectParticipant', { ConnectionToken: 'ct-1', ClientToken: 'tok-d' }, '{}'],
  ['SendMessage', { ConnectionToken: 'ct-1', Content: 'hi "x" é', ContentType: 'text/plain', ClientToken: 'tok-m' }, '{"Id":"m-1","AbsoluteTime":"2026-01-01T00:00:00.000Z"}'],
  ['SendEvent', { ConnectionToken: 'ct-1', ContentType: 'application/vnd.amazonaws.connect.event.typing', ClientToken: 'tok-e' }, '{"Id":"e-1","AbsoluteTime":"2026-01-01T00:00:00.000Z"}'],
  ['GetTranscript', { ConnectionToken: 'ct-1', MaxResults: 15, ScanDirection: 'BACKWARD', SortOrder: 'ASCENDING', StartPosition: { Id: 'x', MostRecent: 0 }, NextToken: 'n', ContactId: 'c' }, '{"InitialContactId":"c","Transcript":[{"Id":"i1","Type":"MESSAGE","Content":null}],"NextToken":null}'],
  ['StartAttachmentUpload', { ConnectionToken: 'ct-1', AttachmentName: 'a.png', AttachmentSizeInBytes: 12, ContentType: 'image/png', ClientToken: 'tok-s' }, '{"AttachmentId":"att-1","UploadMetadata":{"Url":"https://u","UrlExpiry":"x","HeadersToInclude":{"a":"b"}}}'],
  ['CompleteAttachmentUpload', { ConnectionToken: 'ct-1', AttachmentIds: ['att-1'], ClientToken: 'tok-c' }, '{}'],
  ['GetAttachment', { ConnectionToken: 'ct-1', AttachmentId: 'att-1', UrlExpiryInSeconds: 60 }, '{"Url":"https://d","UrlExpiry":"x","AttachmentSizeInBytes":3}'],
  ['DescribeView', { ConnectionToken: 'ct-1', ViewToken: 'vt/1+2=' }, '{"View":{"Id":"v1","Name":"Form","Content":{"Template":"{}"}}}'],
  ['GetAuthenticationUrl', { ConnectionToken: 'ct-1', SessionId: 's'.repeat(36), RedirectUri: 'https://example.com/cb' }, '{"AuthenticationUrl":"https://auth"}'],
  ['CancelParticipantAuthentication', { ConnectionToken: 'ct-1', SessionId: 'sid' }, '{}'],
];

const SEND = ['SendMessage', { ConnectionToken: 'ct-1', Content: 'hi', ContentType: 'text/plain', ClientToken: 'tok' }] as const;

describe('the browser builds’ Participant client, side by side with the AWS SDK client', () => {
  let navigatorDescriptor: PropertyDescriptor | undefined;
  beforeAll(() => {
    navigatorDescriptor = Object.getOwnPropertyDescriptor(globalThis, 'window');
    const userAgent = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
    Object.defineProperty(globalThis, 'window', { value: { navigator: { userAgent } }, configurable: true, writable: true });
  });
  afterAll(() => {
    if (navigatorDescriptor) Object.defineProperty(globalThis, 'window', navigatorDescriptor);
    else delete (globalThis as { window?: unknown }).window;
  });

  it.each(OPERATIONS)('%s: the same request and the same answer', async (operation, input, body) => {
    const { expected, sent } = await sideBySide(operation, input, [{ body, headers: { 'x-amzn-requestid': 'rid-1' } }]);
    expect(sent).toHaveLength(1);
    expect(expected).toHaveProperty('output.$metadata.requestId', 'rid-1');
  });

  it('the same user agent, host and length, to a custom endpoint with an app suffix', async () => {
    const { sent } = await sideBySide(...SEND, [{}], { endpoint: 'http://127.0.0.1:9100', customUserAgentSuffix: 'My Widget/2.0' });
    const headers = Object.fromEntries(sent[0]!.headers);
    expect(headers['x-amz-user-agent']).toBe(`aws-sdk-js/${AWS_SDK_VERSION} ua/2.1 os/Linux lang/js md/browser#Chrome_unknown api/connectparticipant#${AWS_SDK_VERSION} m/N,E AmazonConnect-ChatJS/${VERSION} My-Widget/2.0`);
    expect(headers.host).toBe('127.0.0.1:9100');
  });

  it('the same user agent from navigator.userAgentData', async () => {
    const scope = globalThis as unknown as { window: { navigator: object } };
    const before = scope.window.navigator;
    scope.window.navigator = { userAgent: 'x', userAgentData: { platform: 'macOS', brands: [{ brand: 'Not A;Brand', version: '8' }, { brand: 'Google Chrome', version: '156' }] } };
    try {
      const { sent } = await sideBySide(...SEND, [{}]);
      expect(Object.fromEntries(sent[0]!.headers)['x-amz-user-agent']).toContain('os/macOS lang/js md/browser#Google-Chrome_156');
    } finally {
      scope.window.navigator = before;
    }
  });

  it.each([
    ['a modelled error named by header', { status: 400, headers: { 'x-amzn-errortype': 'ValidationException:http://internal' }, body: '{"message":"bad"}' }],
    ['a modelled error named in the body', { status: 404, body: '{"__type":"com.amazonaws#ResourceNotFoundException","Message":"gone","ResourceId":"r","ResourceType":"CONTACT"}' }],
    ['access denied', { status: 403, headers: { 'x-amzn-errortype': 'AccessDeniedException' }, body: '{"message":"expired"}' }],
    ['an unmodelled error name', { status: 418, headers: { 'x-amzn-errortype': 'TeapotException' }, body: '{"message":"short and stout"}' }],
    ['a proxy’s HTML page', { status: 403, headers: { 'content-type': 'text/html', 'x-amz-cf-id': 'cf-1' }, body: '<html>Forbidden</html>' }],
    ['a 501, which is not retried', { status: 501, body: '{"message":"no"}' }],
  ])('%s: the same failure', async (_name, answer) => {
    const { expected, sent } = await sideBySide(...SEND, [answer]);
    expect(expected).toHaveProperty('failure');
    expect(sent).toHaveLength(1);
  });

  it.each([
    ['500, 502, then success', [{ status: 500, body: '{}' }, { status: 502, body: '' }, { body: '{"Id":"m"}' }], 3],
    ['throttled three times', [{ status: 429, headers: { 'x-amzn-errortype': 'ThrottlingException' }, body: '{"message":"slow"}' }], 3],
    ['no answer at all', [new TypeError('Failed to fetch')], 3],
    ['a socket reset, then success', [Object.assign(new Error('reset'), { code: 'ECONNRESET' }), { body: '{"Id":"m"}' }], 2],
    ['a thrown string', ['boom'], 1],
  ])('%s: the same attempts and outcome', async (_name, answers, attempts) => {
    const { sent } = await sideBySide(...SEND, answers as Answer[]);
    expect(sent).toHaveLength(attempts);
  });

  it('waits out a Retry-After hint the same way', async () => {
    jest.useFakeTimers({ now: Date.parse('2026-12-07T00:00:00Z') });
    try {
      const answers: Answer[] = [{ status: 503, headers: { 'retry-after': '2' }, body: '{}' }, { body: '{"Id":"m"}' }];
      const { sdkClient, ownClient, sdkSent, ownSent } = makeClients(answers);
      const results = [outcome(sdkClient, new sdk.SendMessageCommand(SEND[1])), outcome(ownClient, new own.SendMessageCommand(SEND[1]))];
      await jest.advanceTimersByTimeAsync(1_999);
      expect([sdkSent.length, ownSent.length]).toEqual([1, 1]);
      await jest.advanceTimersByTimeAsync(1);
      const [expected, actual] = await Promise.all(results);
      expect(actual).toEqual(expected);
      expect(expected).toHaveProperty('output.$metadata.totalRetryDelay', 2_000);
      expect(ownSent).toEqual(sdkSent);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('the browser builds’ Participant client on its own', () => {
  it('exports every name src/client/sdk.ts exports (the browser builds put it in that module’s place)', () => {
    expect(Object.keys(own).sort()).toEqual(Object.keys(sdkModule).sort());
  });

  const config = () => sdkClientConfig({ region: 'us-east-1' });

  it('names the option it misses when built without what sdkClientConfig gives it', () => {
    expect(() => new own.ConnectParticipantClient({ ...config(), protocol: undefined })).toThrow('needs the option protocol');
    expect(() => new own.ConnectParticipantClient({ ...config(), retryStrategy: undefined })).toThrow('needs the option retryStrategy');
    expect(() => new own.ConnectParticipantClient({ ...config(), endpointProvider: undefined })).toThrow('needs the option endpointProvider');
  });

  it('releases its request handler on destroy()', () => {
    const destroy = jest.fn();
    new own.ConnectParticipantClient({ ...config(), requestHandler: { handle: jest.fn(), destroy } as never }).destroy();
    expect(destroy).toHaveBeenCalledTimes(1);
  });

  it('rejects (does not throw) an operation its protocol has no binding for', async () => {
    const client = new own.ConnectParticipantClient(config());
    const unbound = { operation: 'StartWebRTCContact', input: {} } as Parameters<typeof client.send>[0];
    await expect(client.send(unbound)).rejects.toThrow('no HTTP binding for this operation');
  });
});
