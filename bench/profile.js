#!/usr/bin/env node
// `node bench/profile.js [connect|flood] [runs]`: DevTools CPU profiles of both SDKs doing the same work
// in a warm page (after one warm-up), self time attributed to original sources through the source maps.
// Prints JSON; a tool for finding where the time goes, not part of `npm run bench`.
'use strict';
const { chatDetailsOf } = require('./lib/control');
const { attribute, profileWhile, sourceMapLookup } = require('./lib/cpuProfile');
const { ensureBuilt, startEnvironment } = require('./lib/environment');
const { openPage, VARIANTS, VARIANT_NAMES } = require('./lib/page');
const { openReceivingSession } = require('./lib/session');
const { pollUntil } = require('./lib/wait');

/** One create() + connect() to established, profiled alone (the chat is started before and ended after). */
async function connectOnce(env, opened, key) {
  const started = await env.control.startChat();
  const profile = await profileWhile(opened.cdp, () => opened.page.evaluate(([k, details]) => window.bench.open(k, details), [key, chatDetailsOf(started)]));
  await env.control.end(started.ContactId);
  await opened.page.evaluate((k) => window.bench.awaitEndAndForget(k, 3000), key);
  return profile;
}

/** 10,000 incoming messages, profiled from the flood request to the last onMessage. */
async function floodOnce(env, opened, key, count) {
  const started = await openReceivingSession(env, opened.page, key, { target: count });
  const profile = await profileWhile(opened.cdp, async () => {
    await env.control.flood(started.ContactId, count);
    await pollUntil(() => opened.page.evaluate((k) => window.bench.progress(k), key), (p) => p.doneAt > 0, { timeoutMs: 60_000, intervalMs: 50 });
  });
  await env.control.end(started.ContactId);
  return profile;
}

async function main() {
  const [what = 'connect', runsText = '10'] = process.argv.slice(2);
  const runs = Number(runsText);
  ensureBuilt();
  const env = await startEnvironment();
  const out = {};
  try {
    for (const variant of VARIANT_NAMES) {
      const opened = await openPage(env, variant);
      const once = (key) => (what === 'flood' ? floodOnce(env, opened, key, 10_000) : connectOnce(env, opened, key));
      await once('warm-up');
      const profiles = [];
      for (let run = 0; run < runs; run += 1) profiles.push(await once(`run-${run}`));
      const lookup = sourceMapLookup(`${VARIANTS[variant].bundle}.map`);
      out[variant] = attribute(profiles, { [`/${variant}.js`]: lookup });
      await opened.close();
    }
  } finally {
    await env.close();
  }
  console.log(JSON.stringify({ what, runs, ...out }, null, 1));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
