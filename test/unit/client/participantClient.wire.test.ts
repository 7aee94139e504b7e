/**
 * @jest-environment node
 */
// Node environment: the AWS SDK needs TextEncoder, which jsdom lacks, and jsdom's "browser" export condition
// would load the SDK's ES modules. Nothing here needs a DOM.
import {
  ParticipantClient,
  clearParticipantClientCache,
  getParticipantClient,
} from '../../../src/client/participantClient';
import { VERSION } from '../../../src/version';
import { FakeParticipantService } from '../../support/fakes/fakeParticipantService';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const makeClient = (fake: FakeParticipantService, suffix?: string) =>
  new ParticipantClient({
    region: 'us-east-1',
    endpoint: 'http://127.0.0.1:9100',
    customUserAgentSuffix: suffix,
    requestHandler: fake.handler,
    retry: { baseDelayMs: 0, throttlingBaseDelayMs: 0 },
  });

describe('ParticipantClient on the wire', () => {
  let fake: FakeParticipantService;
  let client: ParticipantClient;

  beforeEach(() => {
    fake = new FakeParticipantService();
    client = makeClient(fake);
  });

  const cases: Array<[string, () => Promise<unknown>, string, string, string, Record<string, unknown>]> = [
    ['createParticipantConnection', () => client.createParticipantConnection('pt-1', { type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'], connectParticipant: true }), 'POST', '/participant/connection', 'pt-1', { Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'], ConnectParticipant: true }],
    ['disconnectParticipant', () => client.disconnectParticipant('ct-1', 'tok-d'), 'POST', '/participant/disconnect', 'ct-1', { ClientToken: 'tok-d' }],
    ['sendMessage', () => client.sendMessage('ct-1', { content: 'hi', contentType: 'text/plain', clientToken: 'tok-m' }), 'POST', '/participant/message', 'ct-1', { Content: 'hi', ContentType: 'text/plain', ClientToken: 'tok-m' }],
    ['sendEvent', () => client.sendEvent('ct-1', { contentType: 'application/vnd.amazonaws.connect.event.typing', clientToken: 'tok-e' }), 'POST', '/participant/event', 'ct-1', { ContentType: 'application/vnd.amazonaws.connect.event.typing', ClientToken: 'tok-e' }],
    ['startAttachmentUpload', () => client.startAttachmentUpload('ct-1', { attachmentName: 'a.png', attachmentSizeInBytes: 12, contentType: 'image/png', clientToken: 'tok-s' }), 'POST', '/participant/start-attachment-upload', 'ct-1', { AttachmentName: 'a.png', AttachmentSizeInBytes: 12, ContentType: 'image/png', ClientToken: 'tok-s' }],
    ['completeAttachmentUpload', () => client.completeAttachmentUpload('ct-1', 'att-1', 'tok-c'), 'POST', '/participant/complete-attachment-upload', 'ct-1', { AttachmentIds: ['att-1'], ClientToken: 'tok-c' }],
    ['getAttachment', () => client.getAttachment('ct-1', 'att-1', 60), 'POST', '/participant/attachment', 'ct-1', { AttachmentId: 'att-1', UrlExpiryInSeconds: 60 }],
    ['getAuthenticationUrl', () => client.getAuthenticationUrl('ct-1', { sessionId: 's'.repeat(36), redirectUri: 'https://example.com/cb' }), 'POST', '/participant/authentication-url', 'ct-1', { SessionId: 's'.repeat(36), RedirectUri: 'https://example.com/cb' }],
    ['cancelParticipantAuthentication', () => client.cancelParticipantAuthentication('ct-1', 'sid'), 'POST', '/participant/cancel-authentication', 'ct-1', { SessionId: 'sid' }],
  ];

  it.each(cases)('%s sends its operation', async (_name, call, method, path, bearer, body) => {
    await call();
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request?.method).toBe(method);
    expect(request?.path).toBe(path);
    expect(request?.headers['x-amz-bearer']).toBe(bearer);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.json).toEqual(body);
  });

  it('writes body members in the model order, byte for byte as the AWS SDK protocol did', async () => {
    await client.sendMessage('ct-1', { content: 'hi "x" é', contentType: 'text/plain', clientToken: 'tok-m' });
    await client.getTranscript('ct-1', { maxResults: 15, scanDirection: 'BACKWARD', sortOrder: 'ASCENDING', startPosition: { MostRecent: 0, Id: 'x' }, nextToken: 'n', contactId: 'c' });
    expect(fake.requests.map((request) => request.body)).toEqual([
      '{"ContentType":"text/plain","Content":"hi \\"x\\" é","ClientToken":"tok-m"}',
      '{"ContactId":"c","MaxResults":15,"NextToken":"n","ScanDirection":"BACKWARD","SortOrder":"ASCENDING","StartPosition":{"Id":"x","MostRecent":0}}',
    ]);
    expect(fake.requests[0]?.headers['content-length']).toBe('74');
  });

  it('describeView is a GET with the view token percent-encoded in the path and no body', async () => {
    fake.queue({ body: { View: { Id: 'v1', Name: 'Form' } } });
    const result = await client.describeView('ct-1', 'vt/1+2=');
    expect(fake.requests[0]?.method).toBe('GET');
    expect(fake.requests[0]?.path).toBe('/participant/views/vt%2F1%2B2%3D');
    expect(fake.requests[0]?.body).toBe('');
    expect(result.View?.Name).toBe('Form');
  });

  it('returns the raw SDK output including $metadata', async () => {
    fake.queue({ body: { Id: 'm-1', AbsoluteTime: '2026-01-01T00:00:00.000Z' }, headers: { 'x-amzn-requestid': 'rid-9' } });
    const result = await client.sendMessage('ct-1', { content: 'hi', contentType: 'text/plain' });
    expect(result.Id).toBe('m-1');
    expect(result.$metadata).toMatchObject({ httpStatusCode: 200, requestId: 'rid-9', attempts: 1 });
  });

  it('createParticipantConnection leaves out the options it was not given', async () => {
    await client.createParticipantConnection('pt-1');
    expect(fake.requests[0]?.json).toEqual({});
  });

  it.each([
    ['sendMessage', () => client.sendMessage('ct', { content: 'x', contentType: 'text/plain' })],
    ['sendEvent', () => client.sendEvent('ct', { contentType: 'application/vnd.amazonaws.connect.event.typing' })],
    ['startAttachmentUpload', () => client.startAttachmentUpload('ct', { attachmentName: 'a.txt', attachmentSizeInBytes: 1, contentType: 'text/plain' })],
    ['completeAttachmentUpload', () => client.completeAttachmentUpload('ct', 'att')],
    ['disconnectParticipant', () => client.disconnectParticipant('ct')],
  ])('%s generates a UUID ClientToken when none is given', async (_name, call) => {
    await call();
    await call();
    const [first, second] = fake.requests.map((r) => r.json.ClientToken);
    expect(first).toMatch(UUID);
    expect(second).toMatch(UUID);
    expect(first).not.toBe(second);
  });

  it('sendEvent omits Content when it is null or absent, and sends it otherwise', async () => {
    await client.sendEvent('ct', { contentType: 't', content: null });
    await client.sendEvent('ct', { contentType: 't', content: '{"messageId":"m1"}' });
    expect(fake.requests[0]?.json).not.toHaveProperty('Content');
    expect(fake.requests[1]?.json.Content).toBe('{"messageId":"m1"}');
  });

  describe('getTranscript', () => {
    const base = { maxResults: 15, scanDirection: 'BACKWARD', sortOrder: 'ASCENDING' } as const;

    it('sends an empty StartPosition when there is none, and no NextToken/ContactId when empty', async () => {
      await client.getTranscript('ct-1', { ...base, startPosition: undefined, nextToken: '', contactId: null });
      expect(fake.requests[0]?.path).toBe('/participant/transcript');
      expect(fake.requests[0]?.json).toEqual({ MaxResults: 15, ScanDirection: 'BACKWARD', SortOrder: 'ASCENDING', StartPosition: {} });
    });

    it('strips null and undefined StartPosition members and keeps zero', async () => {
      await client.getTranscript('ct-1', {
        ...base,
        startPosition: { Id: null, AbsoluteTime: undefined, MostRecent: 0 },
        nextToken: 'nt-1',
        contactId: 'c-2',
      });
      expect(fake.requests[0]?.json).toEqual({
        MaxResults: 15,
        ScanDirection: 'BACKWARD',
        SortOrder: 'ASCENDING',
        StartPosition: { MostRecent: 0 },
        NextToken: 'nt-1',
        ContactId: 'c-2',
      });
    });
  });

  describe('user agent', () => {
    it('ends with AmazonConnect-ChatJS/<version> and the suffix', async () => {
      const withSuffix = makeClient(fake, 'MyWidget/2.0');
      await withSuffix.sendMessage('ct', { content: 'x', contentType: 'text/plain' });
      expect(fake.requests[0]?.headers['x-amz-user-agent']).toMatch(new RegExp(` AmazonConnect-ChatJS/${VERSION} MyWidget/2\\.0$`));
    });

    it('ends with AmazonConnect-ChatJS/<version> without a suffix', async () => {
      await client.sendMessage('ct', { content: 'x', contentType: 'text/plain' });
      expect(fake.requests[0]?.headers['x-amz-user-agent']).toMatch(new RegExp(` AmazonConnect-ChatJS/${VERSION}$`));
    });
  });

  it('sends unsigned requests, authenticated by x-amz-bearer alone (the service checks no signature)', async () => {
    await client.sendMessage('ct', { content: 'x', contentType: 'text/plain' });
    const headers = fake.requests[0]?.headers ?? {};
    expect(headers['x-amz-bearer']).toBe('ct');
    expect(Object.keys(headers).filter((name) => /^(authorization|x-amz-date|x-amz-content-sha256|x-amz-security-token)$/i.test(name))).toEqual([]);
  });

  it('addresses the endpoint given, else the region’s participant.connect host', async () => {
    await client.sendMessage('ct', { content: 'x', contentType: 'text/plain' });
    const regional = new ParticipantClient({ region: 'eu-west-2', requestHandler: fake.handler });
    await regional.sendMessage('ct', { content: 'x', contentType: 'text/plain' });
    expect(fake.requests.map((request) => `${request.origin}${request.path}`)).toEqual([
      'http://127.0.0.1:9100/participant/message',
      'https://participant.connect.eu-west-2.amazonaws.com/participant/message',
    ]);
  });
});

describe('getParticipantClient cache', () => {
  afterEach(() => clearParticipantClientCache());

  it('shares one client per region, endpoint and user-agent suffix', () => {
    const a = getParticipantClient({ region: 'us-east-1' });
    expect(getParticipantClient({ region: 'us-east-1' })).toBe(a);
    expect(getParticipantClient({ region: 'us-west-2' })).not.toBe(a);
    expect(getParticipantClient({ region: 'us-east-1', endpoint: 'http://127.0.0.1:1' })).not.toBe(a);
    expect(getParticipantClient({ region: 'us-east-1', customUserAgentSuffix: 'x' })).not.toBe(a);
    const once = getParticipantClient({ region: 'us-east-1', retry: { maxAttempts: 1 } });
    expect(once).not.toBe(a);
    expect(getParticipantClient({ region: 'us-east-1', retry: { maxAttempts: 1 } })).toBe(once);
  });

  it('builds new clients after clearParticipantClientCache()', () => {
    const a = getParticipantClient({ region: 'us-east-1' });
    clearParticipantClientCache();
    expect(getParticipantClient({ region: 'us-east-1' })).not.toBe(a);
  });

  it('sends to the endpoint it was created with', async () => {
    const fake = new FakeParticipantService();
    const hosts: string[] = [];
    const handler = {
      handle: (request: Parameters<typeof fake.handler.handle>[0]) => {
        hosts.push(`${request.protocol}//${request.hostname}:${request.port ?? ''}`);
        return fake.handler.handle(request);
      },
    };
    await getParticipantClient({ region: 'eu-west-2', endpoint: 'http://127.0.0.1:9100', requestHandler: handler })
      .sendMessage('ct', { content: 'x', contentType: 'text/plain' });
    expect(hosts).toEqual(['http://127.0.0.1:9100']);
  });
});
