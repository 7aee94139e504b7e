// The emulated CCP at /ccp-v2/ against pages of another site, in real Chromium: it hands out the agent's
// contacts and tokens, so only pages the emulator trusts (loopback, its own, --allow-origin) may embed
// it (CSP frame-ancestors), and it hears and answers only the page that embeds it. The foreign site is
// http://evil.test, served by playwright's router: to Chromium a real origin, neither loopback nor allowed.
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { usePlaywrightWorld } from '../support/browser/playwrightPages';
import { agentsOf } from '../support/browser/streamsAgent';

jest.setTimeout(60_000);

const FOREIGN = 'http://evil.test';
const WAIT_MS = 15_000;

const world = usePlaywrightWorld();

/** A browser context where `url` answers `html` (any other request goes to the network). */
async function contextServing(pages: Record<string, string>): Promise<{ context: BrowserContext; console: string[] }> {
  const context = await world.browser.newContext();
  for (const [url, html] of Object.entries(pages)) {
    await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
  }
  const console: string[] = [];
  const listen = (page: Page): void => {
    page.on('console', (message: ConsoleMessage) => console.push(message.text()));
  };
  context.on('page', listen);
  return { context, console };
}

async function waitForConsole(console: string[], pattern: RegExp): Promise<string> {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    const line = console.find((text) => pattern.test(text));
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no console line matching ${pattern}; saw: ${console.join(' | ')}`);
}

/** A page script that records every message it receives into window.received. */
const RECORDER = `<script>window.received = []; addEventListener('message', (event) => window.received.push({ origin: event.origin, data: JSON.stringify(event.data) }));</script>`;

async function agentLogins(): Promise<string[]> {
  return (await agentsOf(world)).agents.map((agent) => agent.login);
}

it('a page of another site cannot frame the CCP: the browser refuses the frame, no agent logs in, nothing is posted to it', async () => {
  const ccpUrl = `${world.emulator.url}/ccp-v2/?agent=framed-victim`;
  const { context } = await contextServing({ [`${FOREIGN}/frame.html`]: `${RECORDER}<iframe src="${ccpUrl}" onload="window.frameLoaded = true"></iframe>` });
  const page = await context.newPage();
  await page.goto(`${FOREIGN}/frame.html`);

  // The frame's navigation ends (load fires for a refused frame too) in Chromium's error page, not the CCP.
  await page.waitForFunction(() => (window as unknown as { frameLoaded?: boolean }).frameLoaded === true);
  const child = page.frames().find((frame) => frame !== page.mainFrame());
  expect(child?.url()).toBe('chrome-error://chromewebdata/');
  expect(await agentLogins()).not.toContain('framed-victim');
  expect(await page.evaluate(() => (window as unknown as { received: unknown[] }).received)).toEqual([]);
  const header = (await fetch(ccpUrl)).headers.get('content-security-policy') ?? '';
  expect(header).toMatch(/^frame-ancestors 'self' /);
  expect(header).not.toContain('evil.test');
});

it('opened as a popup by another site, the CCP does not start and posts nothing to its opener', async () => {
  const ccpUrl = `${world.emulator.url}/ccp-v2/?agent=popup-victim`;
  const { context } = await contextServing({ [`${FOREIGN}/opener.html`]: RECORDER });
  const page = await context.newPage();
  await page.goto(`${FOREIGN}/opener.html`);
  const [popup] = await Promise.all([context.waitForEvent('page'), page.evaluate((url) => void window.open(url, 'ccp'), ccpUrl)]);
  await popup.getByTestId('ccp-agent').filter({ hasText: 'not started' }).waitFor();

  await page.evaluate(() => {
    const ccp = window.open('', 'ccp');
    ccp?.postMessage({ event: 'api_request', data: { requestId: 'r1', method: 'putAgentState', params: { agentState: { name: 'Available' } } } }, '*');
  });
  expect(await agentLogins()).not.toContain('popup-victim');
  expect(await page.evaluate(() => (window as unknown as { received: unknown[] }).received)).toEqual([]);
});

it('framed by a trusted page, the CCP ignores a frame of another site inside it and posts only to its embedder', async () => {
  // The embedder is a page of the emulator's own origin (trusted); inside it, a frame of another site
  // tries to drive the CCP through window.parent.frames.
  const trusted = `${world.emulator.url}/examples/framing-test.html`;
  const attacker = `${RECORDER}<script>
    setInterval(() => parent.frames[0].postMessage({ event: 'api_request', data: { requestId: 'evil', method: 'putAgentState', params: { agentState: { name: 'Available' } } } }, '*'), 100);
  </script>`;
  const { context, console } = await contextServing({
    [trusted]: `${RECORDER}<iframe name="ccp" src="/ccp-v2/?agent=nested-victim"></iframe><iframe src="${FOREIGN}/attacker.html"></iframe>`,
    [`${FOREIGN}/attacker.html`]: attacker,
  });
  const page = await context.newPage();
  await page.goto(trusted);

  // The CCP started (its embedder is trusted) and said it ignored the other site's messages.
  await waitForConsole(console, /Emulated CCP: ignored a message from http:\/\/evil\.test/);
  const agent = (await agentsOf(world)).agents.find((entry) => entry.login === 'nested-victim');
  expect(agent).toMatchObject({ state: 'Offline', pages: 1 });
  // Its messages (acknowledge, agent::update) reached the embedder, none the attacker's frame.
  await page.waitForFunction(() => (window as unknown as { received: Array<{ data: string }> }).received.some((message) => message.data.includes('agent::update')));
  const attackerFrame = page.frames().find((frame) => frame.url().startsWith(FOREIGN));
  expect(await attackerFrame?.evaluate(() => (window as unknown as { received: unknown[] }).received)).toEqual([]);
});
