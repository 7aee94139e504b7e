// The built bundle under a strict Content-Security-Policy: `script-src 'self'; worker-src 'none'`. A customer
// session with metrics on connects to the emulator and sends a message; no CSP violation happens, no
// request goes anywhere the app did not name, and the app's publisher receives the SendMessage latency.
import { readFileSync } from 'fs';
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { startTestEmulator, type TestEmulator } from '../integration/helpers/emulator';
import { launchBrowser } from './helpers/browser';

jest.setTimeout(60_000);

const BUNDLE = path.join(__dirname, '../../dist/amazon-connect-chat.js');
const CSP = "script-src 'self'; worker-src 'none'";

// The page logic, served as a file (inline scripts are forbidden). It starts once the test calls __start.
const APP_JS = `
window.__violations = [];
window.__published = [];
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

async function startCspServer(): Promise<{ origin: string; close(): Promise<void> }> {
  const routes: Record<string, [string, string | Buffer]> = {
    '/': ['text/html', PAGE],
    '/app.js': ['text/javascript', APP_JS],
    '/amazon-connect-chat.js': ['text/javascript', readFileSync(BUNDLE)],
  };
  const server: Server = createServer((req, res) => {
    const route = routes[(req.url ?? '/').split('?')[0] ?? '/'];
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': route[0], 'Content-Security-Policy': CSP, 'Cache-Control': 'no-store' });
    res.end(route[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://localhost:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let emulator: TestEmulator;
let pages: { origin: string; close(): Promise<void> };
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const cspConsole: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  emulator = await startTestEmulator();
  pages = await startCspServer();
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) cspConsole.push(message.text());
  });
  page.on('request', (request) => requests.push(request.url()));
  page.on('websocket', (socket) => requests.push(socket.url()));
  await page.goto(`${pages.origin}/`);
});

afterAll(async () => {
  await browser?.close();
  await pages?.close();
  await emulator?.close();
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
  const consoleBefore = cspConsole.length;

  const result = (await page.evaluate(
    (config) => (window as unknown as { __start(c: unknown): Promise<unknown> }).__start(config),
    { endpoint: emulator.url, chatDetails },
  )) as { inMemory: Metric[]; published: Metric[] };

  const violationsAfter = await page.evaluate(() => (window as unknown as { __violations: unknown[] }).__violations);
  expect(violationsAfter).toHaveLength(violationsBefore);
  expect(cspConsole.slice(consoleBefore)).toEqual([]);
  expect(pageErrors).toEqual([]);

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
  const emulatorHost = new URL(emulator.url).host;
  const elsewhere = requests.filter((url) => !url.startsWith(pages.origin) && new URL(url).host !== emulatorHost);
  expect(elsewhere).toEqual([]);
  expect(requests.some((url) => url.startsWith('blob:'))).toBe(false);

  await emulator.control('POST', `/emulator/contacts/${started.ContactId}/end`);
});
