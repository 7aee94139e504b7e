// Start: evaluating the bundle in a blank page, then create() + connect() until the connection is
// established (each run a new chat, in one page per SDK after a first warm-up connection).
'use strict';
const { chatDetailsOf } = require('../lib/control');
const { sampleBoth, rows } = require('../lib/measure');
const { openPage } = require('../lib/page');

async function evaluationMs(env, variant) {
  const { page, close } = await openPage(env);
  try {
    return { evalMs: await page.evaluate((path) => window.bench.evaluateBundle(path), `/${variant}.js`) };
  } finally {
    await close();
  }
}

/** One connection: a new chat, timed in the page from create() to established; then the chat ends. */
async function connectOnce(env, page, key) {
  const started = await env.control.startChat();
  const ms = await page.evaluate(([k, details]) => window.bench.open(k, details), [key, chatDetailsOf(started)]);
  await env.control.end(started.ContactId);
  await page.evaluate((k) => window.bench.awaitEndAndForget(k, 3000), key);
  return ms;
}

async function connectSamples(env, runs) {
  const pages = {};
  const step = async (variant, run) => {
    if (!pages[variant]) {
      pages[variant] = await openPage(env, variant);
      await connectOnce(env, pages[variant].page, 'warm-up');
    }
    return { connectMs: await connectOnce(env, pages[variant].page, `run-${run}`) };
  };
  try {
    return await sampleBoth(runs, step);
  } finally {
    for (const opened of Object.values(pages)) await opened.close();
  }
}

async function run(env) {
  const evaluation = await sampleBoth(env.sizes.evalRuns, (variant) => evaluationMs(env, variant));
  const connect = await connectSamples(env, env.sizes.connectRuns);
  return {
    rows: [
      ...rows(evaluation, [{ key: 'evalMs', name: 'Script evaluation', unit: 'ms', better: 'lower' }]),
      ...rows(connect, [{ key: 'connectMs', name: 'create() + connect() to established', unit: 'ms', better: 'lower' }]),
    ],
    notes: [
      `Evaluation: the bundle's text appended as an inline script to a blank page, ${env.sizes.evalRuns} fresh pages per SDK.`,
      `Connect: ${env.sizes.connectRuns} runs per SDK, each a new chat, in one page after one warm-up connection.`,
    ],
  };
}

module.exports = { id: 'start', title: 'Start', run };
