// The built script-tag bundle in the project's browser engine: on a page whose `connect` already holds Streams'
// names it adds the whole ChatJS surface, changes none of those names, and a customer chats with it (also
// through a connect.ChatSession.ChatClient subclass of the page's) and sends an attachment whose upload
// progress comes from the browser's XMLHttpRequest.
import type { TestPage } from '../support/browser/engine';
import type { TestEmulator } from '../support/emulator/testEmulator';
import { openBundlePage, type BundlePage } from '../support/browser/bundlePage';

jest.setTimeout(60_000);

const STREAMS_LIKE = `
  window.connect = {
    core: { getWebSocketManager: function () { return null; } },
    LogLevel: { TRACE: 'TRACE', DEBUG: 'DEBUG', INFO: 'INFO' },
    WebSocketManager: { create: function () { return 'streams manager'; } },
    getLog: function () { return {}; },
    publishMetric: function () {},
    version: '2.28.1',
  };
  window.__before = Object.assign({}, window.connect);
`;
const PAGE = `<!doctype html><html><head><meta charset="utf-8">
<script src="/streams-like.js"></script>
<script src="/amazon-connect-chat.js"></script>
<script src="/amazon-connect-chat.js"></script>
</head><body>bundle</body></html>`;

let emulator: TestEmulator;
let page: TestPage;
let opened: BundlePage;

beforeAll(async () => {
  opened = await openBundlePage(PAGE, { '/streams-like.js': STREAMS_LIKE });
  ({ emulator, page } = opened);
});

afterAll(async () => {
  await opened?.close();
});

it('adds the ChatJS surface without changing any name Streams set', async () => {
  const report = await page.evaluate(() => {
    const w = window as unknown as { connect: Record<string, any>; __before: Record<string, unknown> };
    const unchanged = Object.keys(w.__before).filter((name) => w.connect[name] === w.__before[name]);
    return {
      unchanged,
      chatSessionKeys: Object.keys(w.connect.ChatSession).sort(),
      chatJsVersion: w.connect.ChatJS.version,
      hasLogManager: typeof w.connect.LogManager.getLogger === 'function',
      hasCsm: typeof w.connect.csmService.addCountMetric === 'function',
      logLevels: w.connect.ChatSession.LogLevel,
      sessionTypes: w.connect.ChatSession.SessionTypes,
    };
  });
  expect(report.unchanged.sort()).toEqual(['LogLevel', 'WebSocketManager', 'core', 'getLog', 'publishMetric', 'version'].sort());
  expect(report.chatSessionKeys).toEqual(['ChatClient', 'LogLevel', 'Logger', 'SessionTypes', 'create', 'csmService', 'setFeatureFlag', 'setGlobalConfig', 'setRegionOverride']);
  expect(report.chatJsVersion).toBe(require('../../package.json').version);
  expect(report.hasLogManager && report.hasCsm).toBe(true);
  expect(report.logLevels).toEqual({ DEBUG: 10, INFO: 20, WARN: 30, ERROR: 40, ADVANCED_LOG: 50 });
  expect(report.sessionTypes).toEqual({ AGENT: 'AGENT', CUSTOMER: 'CUSTOMER' });
  expect(page.problems).toEqual([]);
});

it('creates a working customer session from the script tag', async () => {
  const started = await emulator.startChat();
  const agent = await emulator.agent(started.ContactId, 'Agent');
  const serviceCalls: Array<{ path: string; headers: Record<string, string> }> = [];
  page.onRequest((request) => {
    const url = new URL(request.url);
    if (url.pathname.startsWith('/participant/') && request.method === 'POST') serviceCalls.push({ path: url.pathname, headers: request.headers });
  });
  await page.evaluate(
    async ({ endpoint, chatDetails }) => {
      const w = window as unknown as { connect: Record<string, any>; __seen: string[]; __session: any };
      w.__seen = [];
      w.connect.ChatSession.setGlobalConfig({ region: 'us-east-1', endpoint });
      const session = w.connect.ChatSession.create({ chatDetails, type: 'CUSTOMER', disableCSM: true });
      w.__session = session;
      session.onMessage((event: { data: { Type: string; Content?: string } }) => {
        if (event.data.Type === 'MESSAGE') w.__seen.push(event.data.Content ?? '');
      });
      await session.connect();
      await session.sendMessage({ message: 'from the page', contentType: 'text/plain' });
    },
    { endpoint: emulator.url, chatDetails: { contactId: started.ContactId, participantId: started.ParticipantId, participantToken: started.ParticipantToken } },
  );
  await agent.socket.waitForItem((item) => item.Content === 'from the page', 5000, 'page message at agent');
  await emulator.control('POST', `/emulator/contacts/${started.ContactId}/messages`, {
    participantId: agent.participantId,
    content: 'to the page',
    messageMetadata: { MessageCompleted: true },
  });
  await page.waitForFunction(() => (window as unknown as { __seen: string[] }).__seen.includes('to the page'), undefined, { timeout: 10_000 });
  // The bundle's own protocol: fields the AWS SDK model does not know come through as the service sent them.
  const transcript = await page.evaluate(async () => {
    const w = window as unknown as { __session: { getTranscript(args: object): Promise<{ data: { InitialContactId?: string; Transcript: Array<Record<string, any>> } }> } };
    const { data } = await w.__session.getTranscript({ maxResults: 50 });
    const item = data.Transcript.find((entry) => entry.Content === 'to the page');
    return { initial: data.InitialContactId, itemInitial: item?.InitialContactId, completed: item?.MessageMetadata?.MessageCompleted };
  });
  expect(transcript).toEqual({ initial: started.ContactId, itemInitial: started.ContactId, completed: true });
  await emulator.control('POST', `/emulator/contacts/${started.ContactId}/end`);
  await page.waitForFunction(() => (window as unknown as { __session: { controller: { hasEnded: boolean } } }).__session.controller.hasEnded, undefined, { timeout: 10_000 });
  expect(page.problems).toEqual([]);
  // The bundle leaves SigV4 out: every call is unsigned and carries its bearer token.
  expect(serviceCalls.map((call) => call.path)).toEqual(expect.arrayContaining(['/participant/connection', '/participant/message']));
  expect(serviceCalls.filter((call) => 'authorization' in call.headers || !call.headers['x-amz-bearer'])).toEqual([]);
});

it('a connect.ChatSession.ChatClient subclass in the page carries the chat both ways (upstream 5.2.0’s customChatClient)', async () => {
  const started = await emulator.startChat();
  const agent = await emulator.agent(started.ContactId, 'Agent');
  const serviceCalls: string[] = [];
  page.onRequest((request) => {
    const url = new URL(request.url);
    if (url.pathname.startsWith('/participant/') && request.method === 'POST') serviceCalls.push(url.pathname);
  });
  const calls = await page.evaluate(
    async ({ endpoint, ids, participantToken }) => {
      const w = window as unknown as { connect: Record<string, any>; __custom: string[]; __customSeen: string[] };
      w.__custom = [];
      w.__customSeen = [];
      // The app's own transport: here it speaks the service's REST API itself, with the tokens it keeps.
      class PageClient extends w.connect.ChatSession.ChatClient {
        connectionToken = '';
        async post(path: string, bearer: string, body: object): Promise<{ data: Record<string, any> }> {
          w.__custom.push(path);
          const response = await fetch(`${endpoint}/participant/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-amz-bearer': bearer }, body: JSON.stringify(body) });
          const data = await response.json();
          if (!response.ok) throw { type: response.headers.get('x-amzn-errortype'), message: data.message, statusCode: response.status };
          return { data };
        }
        async createParticipantConnection(_token: null, type: string[]) {
          const { data } = await this.post('connection', participantToken, { Type: type });
          this.connectionToken = data.ConnectionCredentials.ConnectionToken;
          return { data: { Websocket: data.Websocket } };
        }
        sendMessage(_token: null, content: string, contentType: string, clientToken: string) {
          return this.post('message', this.connectionToken, { Content: content, ContentType: contentType, ClientToken: clientToken });
        }
      }
      const session = w.connect.ChatSession.create({ chatDetails: ids, type: 'CUSTOMER', disableCSM: true, options: { customChatClient: new PageClient() } });
      session.onMessage((event: { data: { Type: string; Content?: string } }) => {
        if (event.data.Type === 'MESSAGE') w.__customSeen.push(event.data.Content ?? '');
      });
      await session.connect();
      await session.sendMessage({ message: 'from my own client', contentType: 'text/plain' });
      return w.__custom;
    },
    { endpoint: emulator.url, ids: { contactId: started.ContactId, participantId: started.ParticipantId }, participantToken: started.ParticipantToken },
  );
  await agent.socket.waitForItem((item) => item.Content === 'from my own client', 5000, 'page message at agent');
  await emulator.control('POST', `/emulator/contacts/${started.ContactId}/messages`, { participantId: agent.participantId, content: 'to your client' });
  await page.waitForFunction(() => (window as unknown as { __customSeen: string[] }).__customSeen.includes('to your client'), undefined, { timeout: 10_000 });
  expect(calls).toEqual(['connection', 'message']);
  expect(serviceCalls).toEqual(['/participant/connection', '/participant/message']);
  expect(page.problems).toEqual([]);
  await emulator.control('POST', `/emulator/contacts/${started.ContactId}/end`);
});

it('reports the upload progress of an attachment from the browser, ending with the whole file', async () => {
  const started = await emulator.startChat();
  const reports = await page.evaluate(
    async ({ endpoint, chatDetails }) => {
      const w = window as unknown as { connect: Record<string, any> };
      w.connect.ChatSession.setGlobalConfig({ region: 'us-east-1', endpoint });
      const session = w.connect.ChatSession.create({ chatDetails, type: 'CUSTOMER', disableCSM: true });
      await session.connect();
      const seen: Array<{ loaded: number; total: number }> = [];
      const file = new File([new Uint8Array(256 * 1024).fill(120)], 'notes.txt', { type: 'text/plain' });
      await session.sendAttachment({ attachment: file, onProgress: (progress: { loaded: number; total: number }) => seen.push(progress) });
      return seen;
    },
    { endpoint: emulator.url, chatDetails: { contactId: started.ContactId, participantId: started.ParticipantId, participantToken: started.ParticipantToken } },
  );
  // The engine fires at least the upload's closing progress event, and the SDK then reports the whole file once more.
  expect(reports.length).toBeGreaterThanOrEqual(2);
  expect(reports[reports.length - 1]).toEqual({ loaded: 256 * 1024, total: 256 * 1024 });
  expect(reports.every((report) => report.total === 256 * 1024 && report.loaded <= report.total)).toBe(true);
  expect(page.problems).toEqual([]);
  await emulator.control('POST', `/emulator/contacts/${started.ContactId}/end`);
});
