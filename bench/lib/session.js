// Opening a session in a page and knowing it is really receiving: an SDK may report the connection
// established before its websocket subscription is active, and items sent before that never reach it.
'use strict';
const { chatDetailsOf } = require('./control');
const { pollUntil, sleep } = require('./wait');

const PROBE = 'bench-probe';
const PROBE_EVERY_MS = 200;
const PROBE_TIMEOUT_MS = 10_000;

/** Sends SYSTEM probe messages until the page's session has seen one. */
async function awaitReceiving(env, page, key, contactId) {
  const deadline = Date.now() + PROBE_TIMEOUT_MS;
  while (Date.now() < deadline) {
    await env.control.message(contactId, PROBE, 'SYSTEM');
    const progress = await pollUntil(() => page.evaluate((k) => window.bench.progress(k), key), (state) => state.probed, { timeoutMs: PROBE_EVERY_MS, intervalMs: 20 });
    if (progress.probed) return;
  }
  throw new Error(`session ${key} received no probe within ${PROBE_TIMEOUT_MS} ms`);
}

/** Sends a SYSTEM probe to `contactId` every `everyMs` until the returned stop(), which resolves once the
 * last send has ended. For measures of when a page first hears a chat (start, tab hand-over). */
function probeContinuously(env, contactId, everyMs) {
  let probing = true;
  const sending = (async () => {
    while (probing) {
      await env.control.message(contactId, PROBE, 'SYSTEM');
      await sleep(everyMs);
    }
  })();
  return async () => {
    probing = false;
    await sending;
  };
}

/** A new chat and a session for it in `page`, receiving before this resolves; returns StartChatContact's answer. */
async function openReceivingSession(env, page, key, options) {
  const started = await env.control.startChat();
  await page.evaluate(([k, details, opts]) => window.bench.open(k, details, opts), [key, chatDetailsOf(started), options]);
  await awaitReceiving(env, page, key, started.ContactId);
  return started;
}

module.exports = { awaitReceiving, openReceivingSession, probeContinuously };
