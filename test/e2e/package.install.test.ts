// What an app installs: the SDK packed with `npm pack`, installed into a fresh app folder with
// `npm install <tarball>`, bundled by webpack 5 from that app's own node_modules, and run in Chromium against
// the emulator. Checks the installed files and dependencies, then one message each way (customer → echo bot).
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { startTestEmulator, type TestEmulator } from '../support/emulator/testEmulator';
import { launchBrowser } from '../support/browser/browser';

jest.setTimeout(240_000);

const ROOT = path.resolve(__dirname, '../..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const QUIET = ['--no-audit', '--no-fund', '--loglevel=error'];

let appDir: string;
let installed: string;
let emulator: TestEmulator;
let browser: Browser;

/** Every file under `dir`, relative and with forward slashes. */
function filesUnder(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = `${prefix}${entry.name}`;
    return entry.isDirectory() ? filesUnder(path.join(dir, entry.name), `${relative}/`) : [relative];
  });
}

function packSdk(into: string): string {
  const output = execFileSync(NPM, ['pack', '--json', '--pack-destination', into, ...QUIET], { cwd: ROOT, encoding: 'utf8' });
  const [packed] = JSON.parse(output) as Array<{ filename: string }>;
  return path.join(into, packed.filename);
}

const APP_ENTRY = `
import 'amazon-connect-chatjs';

const status = document.querySelector('#status');
const log = document.querySelector('#log');
const show = (text) => { const li = document.createElement('li'); li.textContent = text; log.append(li); };

async function main() {
  const endpoint = location.origin;
  const start = { InstanceId: 'local', ContactFlowId: 'local', ParticipantDetails: { DisplayName: 'App' } };
  const chatDetails = await (await fetch(endpoint + '/contact/chat', { method: 'PUT', body: JSON.stringify(start) })).json();
  connect.ChatSession.setGlobalConfig({ region: 'us-east-1', endpoint });
  const session = connect.ChatSession.create({ type: 'CUSTOMER', chatDetails, disableCSM: true });
  session.onMessage(({ data }) => { if (data.Type === 'MESSAGE') show(data.DisplayName + ': ' + data.Content); });
  await session.connect();
  status.textContent = 'connected';
  await session.sendMessage({ message: 'hello from the installed package', contentType: 'text/plain' });
}
main().catch((error) => { status.textContent = 'failed: ' + error.message; });
`;

const APP_PAGE = `<!doctype html><meta charset="utf-8"><title>installed app</title>
<p id="status">starting</p><ul id="log"></ul><script src="app.js"></script>`;

/** Bundles the app with webpack 5 in production mode, resolving only from the app's own node_modules. */
function bundleApp(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack') as typeof import('webpack');
  const config = {
    mode: 'production' as const,
    context: appDir,
    entry: './main.js',
    output: { path: path.join(appDir, 'examples'), filename: 'app.js' },
    resolve: { modules: [path.join(appDir, 'node_modules')] },
    performance: { hints: false as const },
  };
  return new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      return resolve();
    });
  });
}

beforeAll(async () => {
  appDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatjs-app-'));
  fs.writeFileSync(path.join(appDir, 'package.json'), JSON.stringify({ name: 'installed-app', version: '1.0.0', private: true }));
  const tarball = packSdk(appDir);
  execFileSync(NPM, ['install', tarball, '--prefer-offline', ...QUIET], { cwd: appDir, stdio: 'pipe' });
  installed = path.join(appDir, 'node_modules', 'amazon-connect-chatjs');
  fs.writeFileSync(path.join(appDir, 'main.js'), APP_ENTRY);
  fs.mkdirSync(path.join(appDir, 'examples'));
  fs.writeFileSync(path.join(appDir, 'examples', 'index.html'), APP_PAGE);
  await bundleApp();
  emulator = await startTestEmulator({ bot: 'echo', botDelayMs: 20, staticRoot: appDir });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await emulator?.close();
  if (appDir) fs.rmSync(appDir, { recursive: true, force: true });
});

it('installs dist, README, LICENSE and CHANGELOG only, with exactly the two runtime dependencies', () => {
  const files = filesUnder(installed);
  const topLevel = [...new Set(files.map((file) => file.split('/')[0]))].sort();
  expect(topLevel).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'dist', 'package.json']);
  expect(files).toContain('dist/amazon-connect-chat.js');
  expect(files).toContain('dist/esm/index.js');
  expect(files).toContain('dist/index.d.ts');
  const manifest = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')) as Record<string, unknown>;
  expect(Object.keys(manifest.dependencies as object).sort()).toEqual(['@aws-sdk/client-connectparticipant', 'eventemitter3']);
  expect(manifest.bin).toBeUndefined();
  expect(fs.existsSync(path.join(appDir, 'node_modules', 'ws'))).toBe(false);
  expect(fs.existsSync(path.join(appDir, 'node_modules', 'amazon-connect-chatjs-emulator'))).toBe(false);
});

it('bundles with webpack from the installed package and chats with the emulator, one message each way', async () => {
  const page: Page = await (await browser.newContext()).newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${emulator.url}/examples/index.html`);
  await page.locator('#status', { hasText: 'connected' }).waitFor({ timeout: 20_000 });
  await page.locator('#log li', { hasText: 'Echo: hello from the installed package' }).waitFor({ timeout: 20_000 });
  expect(await page.locator('#log li').allTextContents()).toEqual(['App: hello from the installed package', 'Echo Bot: Echo: hello from the installed package']);
  expect(errors).toEqual([]);
});
