// Incoming throughput: the emulator floods N agent messages; time until the page's onMessage has seen
// the last one, and the main-thread time (DevTools TaskDuration / ScriptDuration) spent meanwhile.
'use strict';
const { mainThreadMs } = require('../lib/cdp');
const { sampleBoth, rows } = require('../lib/measure');
const { openPage } = require('../lib/page');
const { openReceivingSession } = require('../lib/session');
const { pollUntil } = require('../lib/wait');

async function floodOnce(env, variant) {
  const count = env.sizes.floodCount;
  const opened = await openPage(env, variant);
  try {
    const started = await openReceivingSession(env, opened.page, 'flood', { target: count });
    const before = await mainThreadMs(opened.cdp);
    const sentAt = Date.now();
    const flood = await env.control.flood(started.ContactId, count);
    const probe = () => opened.page.evaluate(() => window.bench.progress('flood'));
    const final = await pollUntil(probe, (progress) => progress.doneAt > 0, { timeoutMs: env.sizes.floodTimeoutMs, intervalMs: 100 });
    const after = await mainThreadMs(opened.cdp);
    await env.control.end(started.ContactId);
    const seconds = final.doneAt > 0 ? (final.doneAt - sentAt) / 1000 : null;
    return {
      seen: final.seen,
      emulatorSendMs: flood.ms,
      elapsedMs: seconds === null ? null : seconds * 1000,
      perSecond: seconds === null ? null : count / seconds,
      taskMs: after.task - before.task,
      scriptMs: after.script - before.script,
    };
  } finally {
    await opened.close();
  }
}

async function run(env) {
  const samples = await sampleBoth(env.sizes.floodRuns, (variant) => floodOnce(env, variant), env.log);
  return {
    rows: rows(samples, [
      { key: 'elapsedMs', name: `${env.sizes.floodCount} messages: flood start to last onMessage`, unit: 'ms', better: 'lower' },
      { key: 'emulatorSendMs', name: 'of which the emulator took to send them all', unit: 'ms', better: 'lower' },
      { key: 'perSecond', name: 'Messages per second', unit: 'msg/s', better: 'higher', goal: { text: '≥ 2× upstream', ratioAtLeast: 2 } },
      { key: 'taskMs', name: 'Main-thread task time', unit: 'ms', better: 'lower' },
      { key: 'scriptMs', name: 'Main-thread script time', unit: 'ms', better: 'lower', goal: { text: '≤ 0.5× upstream (2× less work)', ratioAtMost: 0.5 } },
      { key: 'seen', name: 'Distinct messages seen', unit: 'count', better: 'higher' },
    ]),
    notes: [`${env.sizes.floodRuns} runs per SDK, each a fresh page and a new chat; the flood is one \`POST /emulator/contacts/{id}/flood\`.`],
  };
}

module.exports = { id: 'throughput', title: 'Incoming throughput', run };
