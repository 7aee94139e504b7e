// Runs one scenario step against both SDKs, interleaved run by run so machine noise falls on both
// alike, and turns the samples into table rows: median, min, max per SDK and the ours/upstream ratio.
'use strict';
const { VARIANT_NAMES } = require('./page');
const { ratio, summarize } = require('./stats');

/** `step(variant, run)` resolves to `{ metricKey: number }`; returns `{ variant: { metricKey: [samples] } }`. */
async function sampleBoth(runs, step, log) {
  const samples = Object.fromEntries(VARIANT_NAMES.map((name) => [name, {}]));
  for (let run = 0; run < runs; run += 1) {
    for (const variant of VARIANT_NAMES) {
      const values = await step(variant, run);
      for (const [key, value] of Object.entries(values)) (samples[variant][key] = samples[variant][key] || []).push(value);
    }
    if (log) log(`run ${run + 1}/${runs}`);
  }
  return samples;
}

/** `specs`: [{ key, name, unit, better: 'lower' | 'higher', goal? }] → rows for the report. */
function rows(samples, specs) {
  return specs.map((spec) => {
    const ours = summarize(samples.ours[spec.key] || []);
    const upstream = summarize(samples.upstream[spec.key] || []);
    return { ...spec, ours, upstream, ratio: ratio(ours, upstream) };
  });
}

module.exports = { sampleBoth, rows };
