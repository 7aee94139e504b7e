// Receipts: the page marks every incoming agent message read as it is shown (sendEvent message.read
// with { messageId }); the emulator's request log counts the SendEvent calls that reach it.
'use strict';
const { sampleBoth, rows } = require('../lib/measure');
const { openPage } = require('../lib/page');
const { openReceivingSession } = require('../lib/session');
const { pollUntil } = require('../lib/wait');

const READ_TYPE = 'application/vnd.amazonaws.connect.event.message.read';

/** Polls the request log until the SendEvent count has not changed for `quietMs`. */
async function settledSendEvents(env, contactId) {
  const { quietMs, maxWaitMs } = env.sizes.receipts;
  let last = { count: -1, changedAt: Date.now(), requests: [] };
  const probe = async () => {
    const requests = await env.control.requests({ contactId, operation: 'SendEvent' });
    if (requests.length !== last.count) last = { count: requests.length, changedAt: Date.now(), requests };
    return last;
  };
  const final = await pollUntil(probe, (state) => Date.now() - state.changedAt >= quietMs, { timeoutMs: maxWaitMs, intervalMs: 250 });
  return final.requests;
}

async function receiptsOnce(env, variant) {
  const { messages: count, throttleMs } = env.sizes.receipts;
  const opened = await openPage(env, variant, { receiptThrottleMs: throttleMs });
  try {
    const started = await openReceivingSession(env, opened.page, 'receipts', { target: count, markRead: true });
    await env.control.flood(started.ContactId, count);
    const probe = () => opened.page.evaluate(() => window.bench.progress('receipts'));
    const shown = await pollUntil(probe, (progress) => progress.doneAt > 0, { timeoutMs: env.sizes.floodTimeoutMs, intervalMs: 100 });
    const requests = await settledSendEvents(env, started.ContactId);
    await env.control.end(started.ContactId);
    const read = requests.filter((request) => request.contentType === READ_TYPE);
    return { shown: shown.seen, sendEvents: requests.length, readEvents: read.length, accepted: read.filter((request) => request.status === 200).length };
  } finally {
    await opened.close();
  }
}

async function run(env) {
  const { messages, quietMs, throttleMs } = env.sizes.receipts;
  const throttle = throttleMs ? `Receipt throttle set to ${throttleMs} ms for both SDKs` : "Each SDK's default receipt settings";
  const samples = await sampleBoth(env.sizes.receipts.runs, (variant) => receiptsOnce(env, variant), env.log);
  return {
    rows: rows(samples, [
      { key: 'shown', name: 'Messages shown', unit: 'count', better: 'higher' },
      { key: 'sendEvents', name: `SendEvent calls for ${messages} messages marked read`, unit: 'calls', better: 'lower' },
      { key: 'readEvents', name: 'of which message.read', unit: 'calls', better: 'lower' },
      { key: 'accepted', name: 'message.read answered 200', unit: 'calls', better: 'lower' },
    ]),
    notes: [`${throttle}. The ${messages} messages arrive in one flood; counting stops once no SendEvent has arrived for ${quietMs / 1000} s.`],
  };
}

module.exports = { id: 'receipts', title: 'Read receipts', run };
