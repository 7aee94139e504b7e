// Tabs and reloads (docs/tabs.md). Hand-over: three pages of one browser context on one chat; the first
// page (ours: the websocket holder) closes, and the time from the close to a probe message shown live by
// the second page is measured (5.0.0: every page has its own socket, so closing one changes nothing for the
// others). Reload: a page that showed `messages` agent messages reloads and resumes the chat as 5.0.0's
// "Handle Browser Refresh" guidance says (create, connect, getTranscript); measured from the reload's
// navigation start to the first item shown and to the connection established, with every Participant
// Service HTTP answer delayed by the round trip (the emulator's latency fault; websocket frames are not).
'use strict';
const { chatDetailsOf } = require('../lib/control');
const { sampleBoth, rows } = require('../lib/measure');
const { awaitReceiving, probeContinuously } = require('../lib/session');

const PROBE_EVERY_MS = 5;

async function openPages(env, variant, count) {
  const context = await env.browser.newContext();
  const pages = [];
  for (let i = 0; i < count; i += 1) {
    const page = await context.newPage();
    await page.goto(`${env.pages.origin}/${variant}.html`);
    await page.evaluate((endpoint) => window.bench.configure(endpoint, 0), env.control.url);
    pages.push(page);
  }
  return { pages, close: () => context.close() };
}

async function handoverOnce(env, variant) {
  const { pages, close } = await openPages(env, variant, env.sizes.tabs.pages);
  const started = await env.control.startChat();
  try {
    for (const page of pages) await page.evaluate((details) => window.bench.open('tab', details), chatDetailsOf(started));
    const closedAt = Date.now();
    await pages[0].close();
    const stopProbes = probeContinuously(env, started.ContactId, PROBE_EVERY_MS);
    try {
      const seenAt = await pages[1].evaluate((since) => window.bench.probeSeenAfter(since, 10_000), closedAt);
      return { handoverMs: seenAt === null ? null : seenAt - closedAt };
    } finally {
      await stopProbes();
    }
  } finally {
    await env.control.end(started.ContactId).catch(() => undefined);
    await close();
  }
}

async function reloadOnce(env, variant) {
  const { pages, close } = await openPages(env, variant, 1);
  const page = pages[0];
  const started = await env.control.startChat();
  try {
    await page.evaluate((details) => window.bench.open('tab', details, { target: 0 }), chatDetailsOf(started));
    // 5.0.0 says established before its subscription is active: probe until the page hears.
    await awaitReceiving(env, page, 'tab', started.ContactId);
    for (let i = 0; i < env.sizes.tabs.messages; i += 1) await env.control.message(started.ContactId, `before the reload ${i}`);
    await page.waitForFunction((count) => window.bench.progress('tab').seen >= count, env.sizes.tabs.messages, { timeout: 10_000 }).catch(async (error) => {
      throw new Error(`${variant}: ${error.message}; progress ${JSON.stringify(await page.evaluate(() => window.bench.progress('tab')))}`);
    });
    await env.control.addFault({ kind: 'latency', ms: env.sizes.tabs.roundTripMs, contactId: started.ContactId });
    await page.reload();
    await page.evaluate((endpoint) => window.bench.configure(endpoint, 0), env.control.url);
    return await page.evaluate((details) => window.bench.resumeAfterReload(details), chatDetailsOf(started));
  } finally {
    await env.control.clearFaults();
    await env.control.end(started.ContactId).catch(() => undefined);
    await close();
  }
}

async function run(env) {
  const handover = await sampleBoth(env.sizes.tabs.runs, (variant) => handoverOnce(env, variant), env.log);
  const reload = await sampleBoth(env.sizes.tabs.runs, (variant) => reloadOnce(env, variant), env.log);
  return {
    rows: [
      ...rows(handover, [{ key: 'handoverMs', name: 'Holder page closes → next page shows a live message', unit: 'ms', better: 'lower', goal: { text: '< 1000 ms', oursAtMost: 1000 } }]),
      ...rows(reload, [
        { key: 'paintedMs', name: 'Reload → transcript painted (100 ms HTTP round trip)', unit: 'ms', better: 'lower' },
        { key: 'liveMs', name: 'Reload → connection established (100 ms HTTP round trip)', unit: 'ms', better: 'lower' },
      ]),
    ],
    notes: [
      `Hand-over: ${env.sizes.tabs.pages} pages of one browser context on one chat; 5.0.0 opens a socket in each page, so its figure is the probe latency alone.`,
      'Reload: the page resumes as 5.0.0\'s "Handle Browser Refresh" guidance says (create, connect, getTranscript); ours paints from the tab\'s sessionStorage before its first request. Times from the reload\'s navigation start.',
    ],
  };
}

module.exports = { id: 'tabs', title: 'Tabs: hand-over and reload', run };
