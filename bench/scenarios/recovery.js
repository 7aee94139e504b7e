// Recovery: the customer's network goes down (`refuse` plus `drop-sockets`, both narrowed to the
// customer participant) while the agent sends messages; how many of them reach onMessage, and how long
// after the outage the last one arrives.
'use strict';
const { sampleBoth, rows } = require('../lib/measure');
const { openPage } = require('../lib/page');
const { openReceivingSession } = require('../lib/session');
const { pollUntil, sleep } = require('../lib/wait');

async function outage(env, started) {
  const { outageMs, messages } = env.sizes.recovery;
  const participantId = started.ParticipantId;
  await env.control.addFault({ kind: 'refuse', durationMs: outageMs, participantId });
  const faultEndsAt = Date.now() + outageMs;
  await env.control.addFault({ kind: 'drop-sockets', participantId });
  const spacing = (outageMs * 0.8) / messages;
  for (let index = 1; index <= messages; index += 1) {
    await env.control.message(started.ContactId, `missed ${index}`);
    await sleep(spacing);
  }
  return faultEndsAt;
}

async function recoverOnce(env, variant) {
  const { messages, waitAfterMs } = env.sizes.recovery;
  const opened = await openPage(env, variant);
  try {
    const started = await openReceivingSession(env, opened.page, 'recovery', { target: messages });
    const faultEndsAt = await outage(env, started);
    const probe = () => opened.page.evaluate(() => window.bench.progress('recovery'));
    const final = await pollUntil(probe, (progress) => progress.doneAt > 0, { timeoutMs: faultEndsAt + waitAfterMs - Date.now(), intervalMs: 100 });
    await env.control.clearFaults();
    await env.control.end(started.ContactId);
    return { delivered: final.seen, recoveryMs: final.doneAt > 0 ? final.doneAt - faultEndsAt : null };
  } finally {
    await opened.close();
  }
}

async function run(env) {
  const { outageMs, messages, waitAfterMs } = env.sizes.recovery;
  const samples = await sampleBoth(env.sizes.recovery.runs, (variant) => recoverOnce(env, variant), env.log);
  return {
    rows: rows(samples, [
      { key: 'delivered', name: `Messages delivered (of ${messages} sent during the outage)`, unit: 'count', better: 'higher' },
      { key: 'recoveryMs', name: 'Fault end to last missed message delivered', unit: 'ms', better: 'lower' },
    ]),
    notes: [
      `Outage: ${outageMs / 1000} s of \`refuse\` plus one \`drop-sockets\`, narrowed to the customer participant; the agent sends ${messages} messages spread over the first 80% of it. A run waits up to ${waitAfterMs / 1000} s after the outage; the time is "—" for runs where not every message arrived.`,
    ],
  };
}

module.exports = { id: 'recovery', title: 'Recovery', run };
