// Headless Chromium from @sparticuz/chromium driven by playwright-core, as the e2e tests run it.
'use strict';
const { chromium: playwrightChromium } = require('playwright-core');

/** Kept out: `--single-process` breaks several contexts; `--disable-web-security` would switch off CORS. */
const DROPPED_ARGS = new Set(['--single-process', '--disable-web-security']);

async function launchBrowser() {
  const loaded = require('@sparticuz/chromium');
  const chromium = loaded.default || loaded;
  const executablePath = await chromium.executablePath();
  const args = chromium.args.filter((arg) => !DROPPED_ARGS.has(arg));
  return playwrightChromium.launch({ executablePath, args, headless: true });
}

module.exports = { launchBrowser };
