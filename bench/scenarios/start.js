// Start: evaluating the bundle in a blank page, then create() + connect() until the connection is
// established, and until the first agent message arrives (each run a new chat, in one page per SDK after
// a first warm-up connection). An SDK may say "established" before its subscription is active, so the
// second measure is the one that says when a session can actually receive.
'use strict';
const { chatDetailsOf } = require('../lib/control');
const { sampleBoth, rows } = require('../lib/measure');
const { openPage } = require('../lib/page');
const { probeContinuously } = require('../lib/session');

const PROBE_SPACING_MS = 2;

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

/**
 * One connection while the agent side sends a probe message every few ms from before create() on: the
 * time from create() to the first probe onMessage shows is when the session could first receive.
 */
async function firstMessageOnce(env, page, key) {
  const started = await env.control.startChat();
  const stopProbes = probeContinuously(env, started.ContactId, PROBE_SPACING_MS);
  try {
    await page.evaluate(([k, details]) => window.bench.open(k, details), [key, chatDetailsOf(started)]);
    return await page.evaluate((k) => window.bench.firstProbeMs(k, 5000), key);
  } finally {
    await stopProbes();
    await env.control.end(started.ContactId);
    await page.evaluate((k) => window.bench.awaitEndAndForget(k, 3000), key);
  }
}

async function connectSamples(env, runs) {
  const pages = {};
  const step = async (variant, run) => {
    if (!pages[variant]) {
      pages[variant] = await openPage(env, variant);
      await connectOnce(env, pages[variant].page, 'warm-up');
    }
    const connectMs = await connectOnce(env, pages[variant].page, `run-${run}`);
    return { connectMs, firstMessageMs: await firstMessageOnce(env, pages[variant].page, `probe-${run}`) };
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
      ...rows(connect, [
        { key: 'connectMs', name: 'create() + connect() to established', unit: 'ms', better: 'lower' },
        { key: 'firstMessageMs', name: 'create() + connect() to first agent message received', unit: 'ms', better: 'lower', goal: { text: '≤ 0.7× upstream', ratioAtMost: 0.7 } },
      ]),
    ],
    notes: [
      `Evaluation: the bundle's text appended as an inline script to a blank page, ${env.sizes.evalRuns} fresh pages per SDK.`,
      `Connect: ${env.sizes.connectRuns} runs per SDK, each a new chat, in one page after one warm-up connection.`,
      `First agent message: separate runs (as many) in which the emulator is sent a SYSTEM message every ${PROBE_SPACING_MS} ms from before create() on; the time is create() to the first one onMessage shows, so it includes up to one probe interval of wait.`,
    ],
  };
}

module.exports = { id: 'start', title: 'Start', run };
