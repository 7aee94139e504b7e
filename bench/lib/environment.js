// What every bench command stands on: the build it measures (made when incomplete) and one environment of the
// emulator (the workspace package, as an app installs it), a page server on another origin, and Chromium.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { launchBrowser } = require('./browser');
const { controlClient } = require('./control');
const { startPageServer } = require('./page');

const ROOT = path.resolve(__dirname, '..', '..');
const BUILD_OUTPUTS = ['dist/amazon-connect-chat.js', 'dist/esm/index.js', 'emulator/dist/index.js'];

function ensureBuilt() {
  if (BUILD_OUTPUTS.every((file) => fs.existsSync(path.join(ROOT, file)))) return;
  console.error('bench: dist/ is incomplete, building');
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.js')], { cwd: ROOT, stdio: 'inherit' });
}

/** Starts the emulator, the page server and the browser; `env.close()` stops all three. `extra` is merged in. */
async function startEnvironment(extra = {}) {
  const { startEmulator } = require('amazon-connect-chatjs-emulator');
  const emulator = await startEmulator({ port: 0, bot: 'none' });
  const pages = await startPageServer();
  const browser = await launchBrowser();
  const env = { emulator, pages, browser, control: controlClient(emulator.url), ...extra };
  env.close = async () => {
    await browser.close();
    await pages.close();
    await emulator.close();
  };
  return env;
}

module.exports = { ROOT, ensureBuilt, startEnvironment };
