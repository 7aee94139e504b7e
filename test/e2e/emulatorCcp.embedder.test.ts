// The emulated CCP embedded by a trusted page of another origin (a loopback dev server), in each engine:
// it finds its embedder's origin (Chromium from location.ancestorOrigins; Firefox, which has none, under a
// no-referrer policy, from the embedder's first message) and answers Streams' handshake to that origin.
import { startTestEmulator, type TestEmulator } from '../support/emulator/testEmulator';
import { launchEngineBrowser, type TestBrowser } from '../support/browser/engine';
import { startPageServer, type PageServer } from '../support/browser/pageServer';

jest.setTimeout(60_000);

let emulator: TestEmulator;
let pages: PageServer;
let browser: TestBrowser;

beforeAll(async () => {
  emulator = await startTestEmulator();
  // The embedder sends Streams' `synchronize` until it hears `acknowledge`, and records what comes back.
  const page = `<!doctype html><html><head><meta charset="utf-8"></head><body>
<iframe referrerpolicy="no-referrer" src="${emulator.url}/ccp-v2/?agent=embedded-elsewhere"></iframe>
<script>
  window.received = [];
  addEventListener('message', (event) => {
    if (event.source === frames[0]) window.received.push({ origin: event.origin, event: event.data && event.data.event });
  });
  const timer = setInterval(() => {
    if (window.received.some((message) => message.event === 'acknowledge')) clearInterval(timer);
    else frames[0].postMessage({ event: 'synchronize' }, '*');
  }, 200);
</script></body></html>`;
  pages = await startPageServer({ '/agent.html': ['text/html', page] }, { 'Referrer-Policy': 'no-referrer' });
  browser = await launchEngineBrowser();
});

afterAll(async () => {
  await browser?.close();
  await pages?.close();
  await emulator?.close();
});

it('a loopback page on another port embeds the CCP: the CCP acknowledges it, at its origin, and logs the agent in', async () => {
  const page = await browser.newPage();
  await page.goto(`${pages.origin}/agent.html`);
  await page.waitForFunction(() => (window as unknown as { received: Array<{ event: string }> }).received.some((message) => message.event === 'agent::update'));

  const received = await page.evaluate(() => (window as unknown as { received: Array<{ origin: string; event: string }> }).received);
  expect(received.map((message) => message.event)).toContain('acknowledge');
  expect(new Set(received.map((message) => message.origin))).toEqual(new Set([emulator.url]));
  const { agents } = (await emulator.control('GET', '/emulator/agents')).body as { agents: Array<{ login: string; pages: number }> };
  expect(agents).toContainEqual(expect.objectContaining({ login: 'embedded-elsewhere', pages: 1 }));
  expect(page.problems).toEqual([]);
});
