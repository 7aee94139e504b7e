// Polling waits for the Node side of the benchmark (the page's own clock does the precise timing).
'use strict';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until `done(value)` or the deadline; resolves with the last value either way. */
async function pollUntil(probe, done, { timeoutMs, intervalMs = 50 }) {
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!done(value) && Date.now() < deadline) {
    await sleep(intervalMs);
    value = await probe();
  }
  return value;
}

module.exports = { sleep, pollUntil };
