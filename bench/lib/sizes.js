// How much each scenario does (receipts.throttleMs 0: each SDK's default receipt throttle): the full benchmark, and --quick (a smoke run that keeps the bench working).
'use strict';

const FULL = {
  evalRuns: 10,
  connectRuns: 20,
  floodCount: 10_000,
  floodRuns: 5,
  floodTimeoutMs: 120_000,
  memory: { sessions: 200, checkpointEvery: 25 },
  recovery: { runs: 3, outages: [10_000, 90_000], messages: 20, waitAfterMs: 30_000 },
  outbox: { runs: 1, chats: 3, durationMs: 180_000, settleMs: 90_000, seed: 23 },
  receipts: { runs: 3, messages: 500, throttleMs: 0, quietMs: 8_000, maxWaitMs: 60_000 },
  capacity: { sessions: 2_000, floodContacts: 20, perContact: 5_000 },
  relay: { chats: 2_000, failoverRuns: 3, leaseMs: 5_000 },
  tabs: { runs: 5, pages: 3, messages: 10, roundTripMs: 100 },
};

const QUICK = {
  evalRuns: 3,
  connectRuns: 3,
  floodCount: 500,
  floodRuns: 1,
  floodTimeoutMs: 20_000,
  memory: { sessions: 10, checkpointEvery: 5 },
  recovery: { runs: 1, outages: [2_000, 4_000], messages: 4, waitAfterMs: 10_000 },
  outbox: { runs: 1, chats: 2, durationMs: 20_000, settleMs: 30_000, seed: 23 },
  receipts: { runs: 1, messages: 30, throttleMs: 500, quietMs: 1_500, maxWaitMs: 10_000 },
  capacity: { sessions: 100, floodContacts: 5, perContact: 500 },
  relay: { chats: 50, failoverRuns: 1, leaseMs: 2_000 },
  tabs: { runs: 1, pages: 3, messages: 5, roundTripMs: 100 },
};

module.exports = { FULL, QUICK };
