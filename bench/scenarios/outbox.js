// Outbox: several customer chats send messages while a seeded random schedule of faults hits them (outages,
// refused connections, stalled and dropped sockets, 429s, 5xx, latency, expired connection tokens). Counted:
// sendMessage calls that rejected, messages the emulator stored twice, stored out of the order sent, or never
// stored. The same seed gives both SDKs the same schedule.
'use strict';
const { sampleBoth, rows } = require('../lib/measure');
const { openPage } = require('../lib/page');
const { openReceivingSession } = require('../lib/session');
const { pollUntil, sleep } = require('../lib/wait');
// The tests' seeded generator: a run can be repeated exactly.
const { seededRandom: seeded } = require('../../test/support/seededRandom');

const pick = (random, list) => list[Math.floor(random() * list.length)];

/** One fault for one participant, drawn from `random`. */
function randomFault(random, participantId) {
  const kind = pick(random, ['outage', 'refuse', 'stall-sockets', 'drop-sockets', 'throttle', 'server-error', 'latency', 'expire-connection-tokens']);
  const durationMs = Math.round(2_000 + random() * 18_000);
  const count = 1 + Math.floor(random() * 4);
  switch (kind) {
    case 'throttle':
      return { kind: 'http-error', operation: 'SendMessage', status: 429, errorType: 'ThrottlingException', count, participantId };
    case 'server-error':
      return { kind: 'http-error', operation: 'SendMessage', status: pick(random, [500, 502, 503, 504]), errorType: 'InternalServerException', count, participantId };
    case 'latency':
      return { kind: 'latency', ms: Math.round(200 + random() * 1_500), participantId };
    case 'drop-sockets':
    case 'expire-connection-tokens':
      return { kind, participantId };
    default:
      return { kind, durationMs, participantId };
  }
}

/** The customer messages the emulator stored for a chat, in its order. */
async function storedTexts(env, contactId, participantId) {
  const response = await fetch(`${env.control.url}/emulator/contacts/${contactId}/transcript`);
  const { items } = await response.json();
  return items.filter((item) => item.Type === 'MESSAGE' && item.ParticipantId === participantId).map((item) => item.Content);
}

/** Duplicates, out-of-order and missing messages of one chat: what was sent against what was stored. */
function compare(sent, stored) {
  const counts = new Map();
  stored.forEach((text) => counts.set(text, (counts.get(text) || 0) + 1));
  const duplicates = [...counts.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
  const firstStored = [...new Set(stored)].filter((text) => sent.includes(text));
  let outOfOrder = 0;
  for (let i = 1; i < firstStored.length; i += 1) if (sent.indexOf(firstStored[i]) < sent.indexOf(firstStored[i - 1])) outOfOrder += 1;
  const missing = sent.filter((text) => !counts.has(text)).length;
  return { duplicates, outOfOrder, missing };
}

async function faultyRun(env, variant, run) {
  const { chats, durationMs, settleMs, seed } = env.sizes.outbox;
  const random = seeded(seed + run);
  const opened = await openPage(env, variant);
  // A latency fault has no duration of its own: it holds until the faults are cleared at the end of the run.
  try {
    const started = [];
    for (let i = 0; i < chats; i += 1) started.push(await openReceivingSession(env, opened.page, `outbox-${i}`, {}));
    const sent = started.map(() => []);
    const endAt = Date.now() + durationMs;
    let nextFaultAt = Date.now() + 1_000;
    for (let tick = 0; Date.now() < endAt; tick += 1) {
      if (Date.now() >= nextFaultAt) {
        const chat = Math.floor(random() * chats);
        const fault = randomFault(random, started[chat].ParticipantId);
        await env.control.addFault(fault);
        nextFaultAt = Date.now() + 3_000 + random() * 12_000;
      }
      const chat = Math.floor(random() * chats);
      const text = `outbox ${variant} ${run} ${chat} ${tick}`;
      sent[chat].push(text);
      await opened.page.evaluate(([key, message]) => window.bench.send(key, message), [`outbox-${chat}`, text]);
      await sleep(300 + random() * 1_700);
    }
    await env.control.clearFaults();
    const results = () => opened.page.evaluate((n) => Array.from({ length: n }, (_, i) => window.bench.sendResults(`outbox-${i}`)), chats);
    const settled = (all) => all.every((r) => r.resolved + r.rejected === r.started);
    const final = await pollUntil(results, settled, { timeoutMs: settleMs, intervalMs: 250 });
    const totals = { sent: 0, rejected: 0, unsettled: 0, duplicates: 0, outOfOrder: 0, missing: 0 };
    for (let i = 0; i < chats; i += 1) {
      const stored = await storedTexts(env, started[i].ContactId, started[i].ParticipantId);
      const found = compare(sent[i], stored);
      totals.sent += sent[i].length;
      totals.rejected += final[i].rejected;
      totals.unsettled += final[i].started - final[i].resolved - final[i].rejected;
      totals.duplicates += found.duplicates;
      totals.outOfOrder += found.outOfOrder;
      totals.missing += found.missing;
      await env.control.end(started[i].ContactId).catch(() => undefined);
    }
    env.log(`${variant} run ${run + 1}: ${JSON.stringify(totals)} errors ${JSON.stringify(final.map((r) => r.errors))}`);
    return totals;
  } finally {
    await env.control.clearFaults().catch(() => undefined);
    await opened.close();
  }
}

async function run(env) {
  const { runs, chats, durationMs, seed } = env.sizes.outbox;
  const samples = await sampleBoth(runs, (variant, index) => faultyRun(env, variant, index), (line) => env.log(line));
  return {
    rows: rows(samples, [
      { key: 'sent', name: 'customer sendMessage calls', unit: 'count', better: 'higher' },
      { key: 'rejected', name: 'sendMessage calls that rejected', unit: 'count', better: 'lower', goal: { text: '0', oursAtMost: 0 } },
      { key: 'unsettled', name: 'sendMessage calls still pending at the end', unit: 'count', better: 'lower', goal: { text: '0', oursAtMost: 0 } },
      { key: 'missing', name: 'messages never stored', unit: 'count', better: 'lower', goal: { text: '0', oursAtMost: 0 } },
      { key: 'duplicates', name: 'messages stored more than once', unit: 'count', better: 'lower', goal: { text: '0', oursAtMost: 0 } },
      { key: 'outOfOrder', name: 'messages stored out of the order sent', unit: 'count', better: 'lower', goal: { text: '0', oursAtMost: 0 } },
    ]),
    notes: [
      `${chats} customer chats for ${durationMs / 1000} s, one message every 0.3–2 s to a random chat, and a random fault every 3–15 s on a random chat (outage, refuse or stall for 2–20 s, dropped sockets, 1–4 × 429 or 5xx on SendMessage, latency, expired connection tokens), seed ${seed}: the same schedule for both SDKs. Then the faults are cleared and the sends may settle. Stored messages come from the emulator's transcript.`,
    ],
  };
}

module.exports = { id: 'outbox', title: 'Outbox under random faults', run };
