// A tiny deterministic random generator (mulberry32) for tests that draw random input or jitter, and for the
// benchmark's fault schedules: the same seed gives the same sequence, so a failure or a run can be replayed.
// Plain CommonJS (typed by seededRandom.d.ts beside it) so that the benchmarks, which run in Node without a
// compile step, use this one copy too.
'use strict';

/** @param {number} seed @returns {() => number} numbers in [0, 1) */
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

module.exports = { seededRandom };
