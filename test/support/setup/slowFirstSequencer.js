// Jest's order of test files, slowest first, so that the long ones (real outages, real retry schedules, npm
// pack and installs, browsers) start at once beside the short ones instead of running alone at the end.
// Jest's own sequencer already does this from the durations it recorded in its cache; on a machine without
// that cache (a fresh CI container) it would fall back on file size, which says little here: a 25-line test
// can wait two minutes on an outage. So a file jest has no duration for gets an estimate: the list below for
// the files known to be slow, 0 for the others (which then start after every file with a duration; jest's
// own order would start them first).
// The list needs no care for correctness (only the order changes); refresh it from the durations jest prints.
'use strict';
const path = require('path');
const Sequencer = require('@jest/test-sequencer').default;

/** Seconds each took on a loaded 2-core machine (rounded), by path from the repository root. */
const KNOWN_SLOW_SECONDS = {
  'test/e2e/package.install.test.ts': 140,
  'test/integration/sdk/ChatSession.outboxOutage.test.ts': 115,
  'test/e2e/examples.agentStreams.test.ts': 110,
  'test/integration/sdk/ChatSession.refusedNetwork.test.ts': 110,
  'test/integration/examples/channelRelay.restarts.test.ts': 90,
  'test/integration/sdk/ChatSession.randomStalls.test.ts': 60,
  'test/integration/sdk/ChatSession.outboxFaults.test.ts': 50,
  'test/e2e/examples.agentStreamsSupervisor.test.ts': 50,
  'test/integration/sdk/ChatSession.silentGaps.test.ts': 45,
  'test/e2e/examples.outbox.test.ts': 35,
  'test/e2e/examples.chat.test.ts': 35,
  'test/e2e/examples.bundler.test.ts': 35,
  'test/integration/emulator/emulator.memory.test.ts': 35,
  'test/integration/sdk/ChatSession.stalledSocket.test.ts': 25,
  'test/integration/sdk/ChatSession.quickFaults.test.ts': 25,
};

const ROOT = path.resolve(__dirname, '../../..');

class SlowFirstSequencer extends Sequencer {
  time(test) {
    const recorded = super.time(test);
    if (recorded !== undefined) return recorded;
    return (KNOWN_SLOW_SECONDS[path.relative(ROOT, test.path).split(path.sep).join('/')] ?? 0) * 1000;
  }
}

module.exports = SlowFirstSequencer;
