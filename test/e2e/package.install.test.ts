// What an app installs, from a fresh checkout: the repository's files (tracked and new, nothing ignored, so
// no dist/) are copied to a temporary folder with node_modules linked, and both packages are packed there
// with `npm pack` (their prepack scripts build them). The SDK tarball goes into a fresh app folder, which is
// bundled twice from its own node_modules, by webpack 5 and by Vite; the emulator tarball goes into a tools
// folder of its own and serves both bundles. Each bundle then chats once in Chromium (customer → echo bot).
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser/browser';

jest.setTimeout(600_000);

const ROOT = path.resolve(__dirname, '../..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const QUIET = ['--no-audit', '--no-fund', '--loglevel=error'];

interface EmulatorModule {
  startEmulator(options: Record<string, unknown>): Promise<{ url: string; close(): Promise<void> }>;
}

let checkout: string;
let appDir: string;
let toolsDir: string;
let installed: string;
let tarballs: { sdk: string; emulator: string };
let builtBeforePacking: string[];
let emulator: { url: string; close(): Promise<void> };
let browser: Browser;

/** Every file under `dir`, relative and with forward slashes. */
function filesUnder(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = `${prefix}${entry.name}`;
    return entry.isDirectory() ? filesUnder(path.join(dir, entry.name), `${relative}/`) : [relative];
  });
}

/** What a fresh clone holds (plus files not yet committed), with node_modules linked instead of installed. */
function copyCheckout(into: string): void {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  for (const file of listed.split('\0').filter(Boolean)) {
    const from = path.join(ROOT, file);
    if (!fs.existsSync(from)) continue; // deleted in the working tree
    fs.mkdirSync(path.dirname(path.join(into, file)), { recursive: true });
    fs.copyFileSync(from, path.join(into, file));
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(into, 'node_modules'), 'dir');
}

/** `npm pack` in the checkout (prepack builds first); returns the tarball's path. */
function pack(workspaceArgs: string[], into: string): string {
  const output = execFileSync(NPM, ['pack', '--json', '--pack-destination', into, ...workspaceArgs, ...QUIET], {
    cwd: checkout,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // Build logs may precede the JSON on stdout: the JSON is the last top-level array.
  const [packed] = JSON.parse(output.slice(output.lastIndexOf('\n[') + 1)) as Array<{ filename: string }>;
  return path.join(into, packed.filename.replace(/^@/, '').replace(/\//g, '-'));
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
  status.textContent = 'connected ' + connect.ChatJS.version;
  await session.sendMessage({ message: 'hello from the installed package', contentType: 'text/plain' });
}
main().catch((error) => { status.textContent = 'failed: ' + error.message; });
`;

const page = (script: string): string => `<!doctype html><meta charset="utf-8"><title>installed app</title>
<p id="status">starting</p><ul id="log"></ul>${script}`;

/** Bundles the app with webpack 5 in production mode, resolving only from the app's own node_modules. */
function bundleWithWebpack(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack') as typeof import('webpack');
  const config = {
    mode: 'production' as const,
    context: appDir,
    entry: './main.js',
    output: { path: path.join(appDir, 'examples', 'webpack'), filename: 'app.js' },
    resolve: { modules: [path.join(appDir, 'node_modules')] },
    performance: { hints: false as const },
  };
  fs.mkdirSync(path.join(appDir, 'examples', 'webpack'), { recursive: true });
  fs.writeFileSync(path.join(appDir, 'examples', 'webpack', 'index.html'), page('<script src="app.js"></script>'));
  return new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      return resolve();
    });
  });
}

/** Builds the app with Vite (the repository's devDependency, run as its CLI) from the app's own folder. */
function bundleWithVite(): void {
  const source = path.join(appDir, 'vite-src');
  fs.mkdirSync(source);
  fs.copyFileSync(path.join(appDir, 'main.js'), path.join(source, 'main.js'));
  fs.writeFileSync(path.join(source, 'index.html'), page('<script type="module" src="./main.js"></script>'));
  const viteCli = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const outDir = path.join(appDir, 'examples', 'vite');
  execFileSync(process.execPath, [viteCli, 'build', source, '--outDir', outDir, '--base', './', '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: appDir,
    stdio: 'pipe',
  });
}

beforeAll(async () => {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'chatjs-install-'));
  checkout = path.join(temp, 'checkout');
  appDir = path.join(temp, 'app');
  toolsDir = path.join(temp, 'tools');
  for (const dir of [checkout, appDir, toolsDir]) fs.mkdirSync(dir);
  copyCheckout(checkout);
  builtBeforePacking = ['dist', 'emulator/dist'].filter((dir) => fs.existsSync(path.join(checkout, dir)));
  tarballs = { sdk: pack([], temp), emulator: pack(['-w', 'emulator'], temp) };

  fs.writeFileSync(path.join(appDir, 'package.json'), JSON.stringify({ name: 'installed-app', version: '1.0.0', private: true }));
  execFileSync(NPM, ['install', tarballs.sdk, '--prefer-offline', ...QUIET], { cwd: appDir, stdio: 'pipe' });
  installed = path.join(appDir, 'node_modules', 'amazon-connect-chatjs');
  fs.writeFileSync(path.join(appDir, 'main.js'), APP_ENTRY);
  await bundleWithWebpack();
  bundleWithVite();

  fs.writeFileSync(path.join(toolsDir, 'package.json'), JSON.stringify({ name: 'tools', version: '1.0.0', private: true }));
  execFileSync(NPM, ['install', tarballs.emulator, '--prefer-offline', ...QUIET], { cwd: toolsDir, stdio: 'pipe' });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startEmulator } = require(path.join(toolsDir, 'node_modules', 'amazon-connect-chatjs-emulator')) as EmulatorModule;
  emulator = await startEmulator({ port: 0, bot: 'echo', botDelayMs: 20, staticRoot: appDir });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await emulator?.close();
  if (checkout) fs.rmSync(path.dirname(checkout), { recursive: true, force: true });
});

it('packs from a checkout with no dist/: both prepack scripts build', () => {
  const rootManifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  expect(builtBeforePacking).toEqual([]);
  expect(path.basename(tarballs.sdk)).toBe(`amazon-connect-chatjs-${rootManifest.version}.tgz`);
  expect(path.basename(tarballs.emulator)).toBe(`amazon-connect-chatjs-emulator-${rootManifest.version}.tgz`);
  const emulatorFiles = filesUnder(path.join(toolsDir, 'node_modules', 'amazon-connect-chatjs-emulator'));
  expect(emulatorFiles).toEqual(expect.arrayContaining(['dist/index.js', 'dist/cli.js', 'bin/chatjs-emulator.js']));
});

it('installs dist, README, LICENSE and CHANGELOG only, with exactly the two runtime dependencies', () => {
  const files = filesUnder(installed);
  const topLevel = [...new Set(files.map((file) => file.split('/')[0]))].sort();
  expect(topLevel).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'dist', 'package.json']);
  expect(files).toContain('dist/amazon-connect-chat.js');
  expect(files).toContain('dist/esm/index.js');
  expect(files).toContain('dist/cjs/index.js');
  expect(files).toContain('dist/index.d.ts');
  const manifest = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')) as Record<string, unknown>;
  expect(Object.keys(manifest.dependencies as object).sort()).toEqual(['@aws-sdk/client-connectparticipant']);
  expect(manifest.bin).toBeUndefined();
  expect(fs.existsSync(path.join(appDir, 'node_modules', 'ws'))).toBe(false);
  expect(fs.existsSync(path.join(appDir, 'node_modules', 'amazon-connect-chatjs-emulator'))).toBe(false);
});

it('loads in Node from the installed package (CommonJS entry)', () => {
  const script = "const m = require('amazon-connect-chatjs'); console.log(typeof m.ChatSession.create, m.VERSION)";
  const output = execFileSync(process.execPath, ['-e', script], { cwd: appDir, encoding: 'utf8' });
  const manifest = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')) as { version: string };
  expect(output.trim()).toBe(`function ${manifest.version}`);
});

describe.each(['webpack', 'vite'])('bundled by %s from the installed package', (bundler) => {
  it('chats with the emulator, one message each way', async () => {
    const tab: Page = await (await browser.newContext()).newPage();
    const errors: string[] = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    await tab.goto(`${emulator.url}/examples/${bundler}/index.html`);
    await tab.locator('#status', { hasText: 'connected' }).waitFor({ timeout: 20_000 });
    await tab.locator('#log li', { hasText: 'Echo: hello from the installed package' }).waitFor({ timeout: 20_000 });
    expect(await tab.locator('#log li').allTextContents()).toEqual(['App: hello from the installed package', 'Echo Bot: Echo: hello from the installed package']);
    const manifest = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')) as { version: string };
    expect(await tab.locator('#status').textContent()).toBe(`connected ${manifest.version}`);
    expect(errors).toEqual([]);
  });
});
