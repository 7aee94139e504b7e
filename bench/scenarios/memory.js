// Memory: many sessions created, connected and ended one after another in one page; the JS heap after
// garbage collection at checkpoints. Growth per session is the slope of heap over sessions.
'use strict';
const { heapAfterGc, heapSnapshotBytes } = require('../lib/cdp');
const { chatDetailsOf } = require('../lib/control');
const { rows } = require('../lib/measure');
const { openPage, VARIANT_NAMES } = require('../lib/page');
const { slope } = require('../lib/stats');

async function sessionLifecycle(env, page, key) {
  const started = await env.control.startChat();
  await page.evaluate(([k, details]) => window.bench.open(k, details), [key, chatDetailsOf(started)]);
  await env.control.end(started.ContactId);
  return page.evaluate((k) => window.bench.awaitEndAndForget(k, 3000), key);
}

/** Heap after GC every `checkpointEvery` sessions; the first point is after one warm-up session. */
async function heapCurve(env, variant) {
  const { sessions, checkpointEvery } = env.sizes.memory;
  const opened = await openPage(env, variant);
  try {
    await sessionLifecycle(env, opened.page, 'warm-up');
    const points = [];
    const objectPoints = [];
    const measure = async (index) => {
      // The browser keeps a timing entry per request (up to 250): page state, not the SDK's; cleared alike for both.
      await opened.page.evaluate(() => performance.clearResourceTimings());
      points.push([index, await heapAfterGc(opened.cdp)]);
      objectPoints.push([index, (await heapSnapshotBytes(opened.cdp)).objects]);
    };
    await measure(0);
    let endedSeen = 0;
    for (let index = 1; index <= sessions; index += 1) {
      if (await sessionLifecycle(env, opened.page, `s${index}`)) endedSeen += 1;
      if (index % checkpointEvery === 0) await measure(index);
    }
    return { points, objectPoints, endedSeen };
  } finally {
    await opened.close();
  }
}

/** The first stretch also holds one-off costs (compiled code, lazily loaded modules): the steady slope leaves it out. */
const toSample = (curve) => ({
  baselineKb: curve.points[0][1] / 1024,
  firstCheckpointKb: curve.points[1][1] / 1024,
  finalKb: curve.points[curve.points.length - 1][1] / 1024,
  perSessionBytes: slope(curve.points.slice(1)),
  objectsPerSessionBytes: slope(curve.objectPoints.slice(1)),
  endedSeen: curve.endedSeen,
});

async function run(env) {
  const samples = {};
  const curves = {};
  for (const variant of VARIANT_NAMES) {
    curves[variant] = await heapCurve(env, variant);
    samples[variant] = Object.fromEntries(Object.entries(toSample(curves[variant])).map(([key, value]) => [key, [value]]));
    env.log(`${variant}: ${curves[variant].points.map(([n, bytes]) => `${n}:${Math.round(bytes / 1024)}KB`).join(' ')}`);
  }
  const { sessions, checkpointEvery } = env.sizes.memory;
  return {
    rows: rows(samples, [
      { key: 'baselineKb', name: 'Heap after 1 session (after GC)', unit: 'KB', better: 'lower' },
      { key: 'firstCheckpointKb', name: `Heap after ${checkpointEvery} more sessions (after GC)`, unit: 'KB', better: 'lower' },
      { key: 'finalKb', name: `Heap after ${sessions} more sessions (after GC)`, unit: 'KB', better: 'lower', goal: { text: 'below upstream', ratioAtMost: 1 } },
      { key: 'perSessionBytes', name: `Heap growth per session (slope from session ${checkpointEvery} to ${sessions})`, unit: 'B', better: 'lower' },
      { key: 'objectsPerSessionBytes', name: 'of which JS objects kept per session (heap snapshot; compiled code and V8 internals left out)', unit: 'B', better: 'lower', goal: { text: 'no growth with sessions (≤ 64 B)', oursAtMost: 64 } },
      { key: 'endedSeen', name: 'Sessions whose onEnded fired', unit: 'count', better: 'higher' },
    ]),
    curves: Object.fromEntries(Object.entries(curves).map(([variant, curve]) => [variant, { heap: curve.points, objects: curve.objectPoints }])),
    notes: [`One page per SDK; each session: a new chat, create() + connect(), then the emulator ends the chat and the page drops its reference. Heap: DevTools \`HeapProfiler.collectGarbage\` ×2 then \`Runtime.getHeapUsage\`, every ${checkpointEvery} sessions (the curves are in bench/results.json). At each checkpoint the page first clears its resource timing entries (the browser keeps one per request, up to 250, whichever SDK made it), and a heap snapshot splits the heap into what JavaScript keeps and what the engine keeps (compiled and optimized code, which grows as functions warm up).`],
  };
}

module.exports = { id: 'memory', title: 'Memory', run };
