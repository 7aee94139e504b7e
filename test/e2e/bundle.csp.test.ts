// The built bundle under a strict Content-Security-Policy: `script-src 'self'; worker-src 'none'`. A customer
// session with metrics on connects to the emulator and sends a message; no CSP violation happens, no
// request goes anywhere the app did not name, and the app's publisher receives the SendMessage latency.
import type { TestEmulator } from '../support/emulator/testEmulator';
import type { TestPage } from '../support/browser/engine';
import { openBundlePage, type BundlePage } from '../support/browser/bundlePage';

jest.setTimeout(60_000);

const CSP = "script-src 'self'; worker-src 'none'";

// The page logic, served as a file (inline scripts are forbidden). It starts once the test calls __start.
// It notes the URL of every websocket the page opens: drivers do not report websockets alike.
const APP_JS = `
window.__violations = [];
window.__published = [];
window.__sockets = [];
var PageWebSocket = window.WebSocket;
window.WebSocket = function (url, protocols) {
  window.__sockets.push(String(url));
  return protocols === undefined ? new PageWebSocket(url) : new PageWebSocket(url, protocols);
};
window.WebSocket.prototype = PageWebSocket.prototype;
['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'].forEach(function (name) { window.WebSocket[name] = PageWebSocket[name]; });
document.addEventListener('securitypolicyviolation', function (e) {
  window.__violations.push({ directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber });
});
window.__start = function (config) {
  var ChatSession = window.connect.ChatSession;
  ChatSession.setGlobalConfig({
    region: 'us-east-1',
    endpoint: config.endpoint,
    csmConfig: { widgetType: 'CspPage', batchSize: 1, publisher: function (batch) { window.__published.push.apply(window.__published, batch); } },
  });
  var session = ChatSession.create({ type: 'CUSTOMER', chatDetails: config.chatDetails });
  return session.connect()
    .then(function () { return session.sendMessage({ message: 'under a strict CSP', contentType: 'text/plain' }); })
    .then(function () { return window.connect.csmService.flush(); })
    .then(function () {
      return { inMemory: window.connect.csmService.getMetrics(), published: window.__published };
    });
};
`;
// Proves the policy is enforced: this inline script must be blocked (and reported once).
const PAGE = `<!doctype html><html><head><meta charset="utf-8">
<script src="/app.js"></script>
<script src="/amazon-connect-chat.js"></script>
</head><body><script>window.__inlineRan = true;</script>csp</body></html>`;

interface Metric {
  metricName: string;
  unit: string;
  value: number;
  dimensions: Array<{ name: string; value: string }>;
}

let emulator: TestEmulator;
let page: TestPage;
let opened: BundlePage;
const requests: string[] = [];
const cspConsole = (): string[] => page.consoleMessages.filter((text) => /Content[ -]Security[ -]Policy|Refused to/i.test(text));

beforeAll(async () => {
  opened = await openBundlePage(PAGE, { '/app.js': APP_JS }, { 'Content-Security-Policy': CSP });
  ({ emulator, page } = opened);
  page.onRequest((request) => requests.push(request.url));
});

afterAll(async () => {
  await opened?.close();
});

it('the policy is enforced on the page (the inline sentinel is blocked)', async () => {
  const state = await page.evaluate(() => {
    const w = window as unknown as { __inlineRan?: boolean; __violations: Array<{ blocked: string }>; connect?: unknown };
    return { inlineRan: w.__inlineRan === true, violations: w.__violations, hasConnect: typeof w.connect === 'object' };
  });
  expect(state.inlineRan).toBe(false);
  expect(state.violations).toEqual([expect.objectContaining({ blocked: 'inline' })]);
  expect(state.hasConnect).toBe(true);
});

it('a customer session with metrics on chats without any CSP violation and publishes the SendMessage latency', async () => {
  const started = await emulator.startChat();
  const chatDetails = { contactId: started.ContactId, participantId: started.ParticipantId, participantToken: started.ParticipantToken };
  const violationsBefore = await page.evaluate(() => (window as unknown as { __violations: unknown[] }).__violations.length);
  const consoleBefore = cspConsole().length;

  const result = (await page.evaluate(
    (config) => (window as unknown as { __start(c: unknown): Promise<unknown> }).__start(config),
    { endpoint: emulator.url, chatDetails },
  )) as { inMemory: Metric[]; published: Metric[] };

  const violationsAfter = await page.evaluate(() => (window as unknown as { __violations: unknown[] }).__violations);
  expect(violationsAfter).toHaveLength(violationsBefore);
  expect(cspConsole().slice(consoleBefore)).toEqual([]);
  expect(page.problems).toEqual([]);

  const isSendLatency = (m: Metric): boolean =>
    m.metricName === 'SendMessage' && m.unit === 'Milliseconds' && m.dimensions.some((d) => d.name === 'Metric' && d.value === 'Latency');
  const published = result.published.find(isSendLatency);
  expect(published).toBeDefined();
  expect(published?.value).toBeGreaterThanOrEqual(0);
  expect(published?.value).toBeLessThan(60_000);
  expect(published?.dimensions).toEqual(
    expect.arrayContaining([
      { name: 'WidgetType', value: 'CspPage' },
      { name: 'ContentType', value: 'text/plain' },
    ]),
  );
  expect(result.inMemory.some(isSendLatency)).toBe(true);
  expect(result.published.some((m) => m.metricName === 'WebsocketConnectionGained')).toBe(true);

  // Nothing but the page itself and the endpoint the app named (its HTTP API and its websocket).
  const sockets = await page.evaluate(() => (window as unknown as { __sockets: string[] }).__sockets);
  expect(sockets).toHaveLength(1);
  const emulatorHost = new URL(emulator.url).host;
  const everything = [...requests, ...sockets];
  const elsewhere = everything.filter((url) => !url.startsWith(opened.origin) && new URL(url).host !== emulatorHost);
  expect(elsewhere).toEqual([]);
  expect(everything.some((url) => url.startsWith('blob:'))).toBe(false);

  await emulator.control('POST', `/emulator/contacts/${started.ContactId}/end`);
});
