// The landing page under the start command: every page it links loads with no failed request and no page
// error, and reaches its ready state (`<html data-state="ready">`, set by each example once it has started).
// The emulator runs as `npm start` runs it, through the package's CLI with the repository as static root;
// `npm test` has built everything `npm start` builds before this runs.
import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser/browser';

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'emulator', 'bin', 'chatjs-emulator.js');
/** How long the CLI may take to close its server and exit after SIGTERM (it takes milliseconds). */
const CLI_STOP_MS = 10_000;

let child: ChildProcess;
let baseUrl: string;
let browser: Browser;

function startCli(): Promise<string> {
  child = spawn(process.execPath, [CLI, '--bot', 'echo', '--port', '0', '--static-root', '.'], { cwd: ROOT });
  child.stderr?.resume(); // read, so that its pipe ends with the child
  let stdout = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const open = /Open (\S+)\/examples\//.exec(stdout);
      if (open) resolve(open[1]);
    });
    child.once('exit', (code) => reject(new Error(`the emulator exited with ${code}: ${stdout}`)));
  });
}

beforeAll(async () => {
  baseUrl = await startCli();
  browser = await launchBrowser();
});

/** Stops the CLI and waits until the child has exited and its pipes have closed: a child still exiting when
 * the file ends keeps jest's worker alive past its exit grace period ("A worker process has failed to exit
 * gracefully and has been force exited"). */
async function stopCli(): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  child.kill('SIGTERM');
  let stuck: NodeJS.Timeout | undefined;
  const gaveUp = await Promise.race([
    closed.then(() => false),
    new Promise<boolean>((resolve) => (stuck = setTimeout(() => resolve(true), CLI_STOP_MS))),
  ]);
  clearTimeout(stuck);
  if (!gaveUp) return;
  child.kill('SIGKILL');
  await closed;
  throw new Error(`the emulator CLI did not exit within ${CLI_STOP_MS} ms of SIGTERM`);
}

afterAll(async () => {
  await browser?.close();
  await stopCli();
});

async function landingLinks(): Promise<string[]> {
  const page = await browser.newPage();
  await page.goto(`${baseUrl}/examples/`);
  const hrefs = await page.locator('a[href]').evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
  await page.close();
  return [...new Set(hrefs.filter((href) => href.startsWith(baseUrl)))];
}

it('links the four examples', async () => {
  const pages = (await landingLinks()).map((href) => new URL(href).pathname).sort();
  expect(pages).toEqual(['/examples/agent-chat.html', '/examples/agent-streams.html', '/examples/bundler-app/index.html', '/examples/customer-chat.html']);
});

it('every linked page loads all it asks for and reaches its ready state', async () => {
  const reports: string[] = [];
  for (const href of await landingLinks()) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    page.on('requestfailed', (request) => problems.push(`failed ${request.url()}`));
    await page.goto(href);
    const ready = await page
      .locator('html[data-state="ready"]')
      .waitFor({ state: 'attached', timeout: 30_000 })
      .then(() => 'ready', () => 'not ready');
    reports.push(`${new URL(href).pathname}: ${ready}${problems.length ? ` (${problems.join('; ')})` : ''}`);
    await context.close();
  }
  expect(reports.filter((line) => !/: ready$/.test(line))).toEqual([]);
});
