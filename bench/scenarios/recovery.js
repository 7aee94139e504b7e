// Recovery: the customer's network goes down (`refuse` plus `drop-sockets`, both narrowed to the
// customer participant) for a short and a long outage while the agent sends messages. Measured: how many
// of them reach onMessage, how long after the outage the link is back and the last one arrives, and how
// hard the session knocked while the service was down (Participant calls from the emulator's request log,
// websocket opens counted in the page).
'use strict';
const { sampleBoth, rows } = require('../lib/measure');
const { openPage } = require('../lib/page');
const { openReceivingSession } = require('../lib/session');
const { pollUntil, sleep } = require('../lib/wait');

/** The retry budget of docs/connection-handling.md. */
const FIRST_MINUTE_MS = 60_000;
/** How long a run waits after the link is back when not every message arrived (upstream fetches none). */
const GRACE_AFTER_ESTABLISHED_MS = 5_000;

async function outage(env, started, outageMs) {
  const { messages } = env.sizes.recovery;
  const participantId = started.ParticipantId;
  const downAt = Date.now();
  await env.control.addFault({ kind: 'refuse', durationMs: outageMs, participantId });
  const faultEndsAt = Date.now() + outageMs;
  await env.control.addFault({ kind: 'drop-sockets', participantId });
  const spacing = (outageMs * 0.8) / messages;
  for (let index = 1; index <= messages; index += 1) {
    await env.control.message(started.ContactId, `missed ${index}`);
    await sleep(spacing);
  }
  return { downAt, faultEndsAt };
}

/** Every connection attempt the service saw while it was down: refused Participant calls and websocket opens. */
async function attemptsWhileDown(env, page, started, span) {
  const logged = await env.control.requests({ contactId: started.ContactId });
  const calls = logged
    .filter((entry) => entry.participantId === started.ParticipantId && entry.status === 0)
    .map((entry) => Date.parse(entry.at))
    .filter((at) => at >= span.downAt && at < span.faultEndsAt);
  const sockets = (await page.evaluate((since) => window.bench.socketsOpened(since), span.downAt)).filter((at) => at < span.faultEndsAt);
  return { calls, sockets };
}

function loadMetrics(attempts, span) {
  const all = [...attempts.calls, ...attempts.sockets];
  const firstMinuteEnd = Math.min(span.downAt + FIRST_MINUTE_MS, span.faultEndsAt);
  const firstMinute = all.filter((at) => at < firstMinuteEnd).length;
  const laterMs = span.faultEndsAt - firstMinuteEnd;
  const later = all.filter((at) => at >= firstMinuteEnd).length;
  return {
    calls: attempts.calls.length,
    sockets: attempts.sockets.length,
    per2sFirstMinute: firstMinute / ((firstMinuteEnd - span.downAt) / 2000),
    per10sAfter: laterMs >= 10_000 ? later / (laterMs / 10_000) : null,
  };
}

async function recoverOnce(env, variant, outageMs) {
  const { messages, waitAfterMs } = env.sizes.recovery;
  const opened = await openPage(env, variant);
  try {
    const started = await openReceivingSession(env, opened.page, 'recovery', { target: messages });
    const span = await outage(env, started, outageMs);
    const probe = () => opened.page.evaluate(() => window.bench.progress('recovery'));
    const settled = (p) => p.doneAt > 0 || (p.establishedAt > span.faultEndsAt && Date.now() - p.establishedAt > GRACE_AFTER_ESTABLISHED_MS);
    const final = await pollUntil(probe, settled, { timeoutMs: span.faultEndsAt + waitAfterMs - Date.now(), intervalMs: 100 });
    const load = loadMetrics(await attemptsWhileDown(env, opened.page, started, span), span);
    await env.control.clearFaults();
    await env.control.end(started.ContactId);
    return {
      delivered: final.seen,
      establishedMs: final.establishedAt > span.faultEndsAt ? final.establishedAt - span.faultEndsAt : null,
      recoveryMs: final.doneAt > 0 ? final.doneAt - span.faultEndsAt : null,
      ...load,
    };
  } finally {
    await opened.close();
  }
}

function outageRows(samples, outageMs, messages, goalMs) {
  const seconds = outageMs / 1000;
  const specs = [
    { key: 'delivered', name: `${seconds} s outage: messages delivered (of ${messages} sent during it)`, unit: 'count', better: 'higher' },
    { key: 'establishedMs', name: `${seconds} s outage: fault end to link re-established`, unit: 'ms', better: 'lower' },
    { key: 'recoveryMs', name: `${seconds} s outage: fault end to last missed message delivered`, unit: 'ms', better: 'lower', goal: { text: `≤ ${goalMs / 1000} s`, oursAtMost: goalMs } },
    { key: 'calls', name: `${seconds} s outage: Participant calls while down (emulator request log)`, unit: 'calls', better: 'lower' },
    { key: 'sockets', name: `${seconds} s outage: websocket opens while down (page)`, unit: 'count', better: 'lower' },
    { key: 'per2sFirstMinute', name: `${seconds} s outage: attempts (calls + opens) per 2 s, first minute down`, unit: 'per 2 s', better: 'lower', goal: { text: '≤ 1', oursAtMost: 1 } },
  ];
  if (outageMs > FIRST_MINUTE_MS + 10_000) {
    specs.push({ key: 'per10sAfter', name: `${seconds} s outage: attempts per 10 s after the first minute`, unit: 'per 10 s', better: 'lower', goal: { text: '≤ 1', oursAtMost: 1 } });
  }
  return rows(samples, specs);
}

const GOAL_MS = (outageMs) => (outageMs <= 30_000 ? 2_000 : 10_000);

async function run(env) {
  const { outages, messages, waitAfterMs, runs } = env.sizes.recovery;
  const sections = [];
  for (const outageMs of outages) {
    const samples = await sampleBoth(runs, (variant) => recoverOnce(env, variant, outageMs), (line) => env.log(`${outageMs / 1000} s outage: ${line}`));
    sections.push(...outageRows(samples, outageMs, messages, GOAL_MS(outageMs)));
  }
  return {
    rows: sections,
    notes: [
      `Outages of ${outages.map((ms) => `${ms / 1000} s`).join(' and ')}: \`refuse\` for that long plus one \`drop-sockets\`, narrowed to the customer participant; the agent sends ${messages} messages spread over the first 80% of it. ${runs} runs per SDK and outage. A run ends when every message arrived, or ${GRACE_AFTER_ESTABLISHED_MS / 1000} s after the link is back without them (upstream fetches none), or ${waitAfterMs / 1000} s after the outage; "—" marks runs where that did not happen.`,
      'Attempts while down: Participant calls the emulator refused (its request log, `status: 0`) plus websockets the page created, between the start and the end of the fault. The budget: at most one per 2 s on average in the first minute, one per 10 s after.',
    ],
  };
}

module.exports = { id: 'recovery', title: 'Recovery', run };
