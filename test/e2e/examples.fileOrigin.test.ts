// The README quick start opened as a file (file://) in Chromium: the emulator refuses the page, and the page
// can read why (serve it from localhost) instead of seeing only a CORS error.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { startTestEmulator, type TestEmulator } from '../support/emulator/testEmulator';
import { launchBrowser } from '../support/browser/browser';

jest.setTimeout(60_000);

let emu: TestEmulator;
let browser: Browser;
let dir: string;

beforeAll(async () => {
  emu = await startTestEmulator();
  browser = await launchBrowser();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'file-page-'));
});
afterAll(async () => {
  await browser?.close();
  await emu?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('a file:// page that starts a chat reads a 403 that says to serve it from localhost', async () => {
  const page = path.join(dir, 'widget.html');
  fs.writeFileSync(
    page,
    `<!doctype html><meta charset="utf-8"><p id="out">waiting</p><script>
      const start = { InstanceId: 'local', ContactFlowId: 'local', ParticipantDetails: { DisplayName: 'Ana' } };
      fetch('${emu.url}/contact/chat', { method: 'PUT', body: JSON.stringify(start) })
        .then(async (answer) => { document.querySelector('#out').textContent = answer.status + ' ' + (await answer.json()).message; })
        .catch((error) => { document.querySelector('#out').textContent = 'network error: ' + error.message; });
    </script>`,
  );
  const tab = await browser.newPage();
  await tab.goto(`file://${page}`);
  await tab.locator('#out', { hasText: '403' }).waitFor({ timeout: 15_000 });
  const text = await tab.locator('#out').textContent();
  expect(text).toContain('opened as a file (file://)');
  expect(text).toContain(`${emu.url}/examples/`);
});
