// Summaries of repeated samples: median with min and max, and the ours/upstream ratio of medians.
'use strict';

function summarize(samples) {
  const values = samples.filter((value) => typeof value === 'number' && Number.isFinite(value)).sort((a, b) => a - b);
  if (values.length === 0) return { median: null, min: null, max: null, runs: samples.length, valid: 0 };
  const middle = Math.floor(values.length / 2);
  const median = values.length % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  return { median, min: values[0], max: values[values.length - 1], runs: samples.length, valid: values.length };
}

function ratio(ours, upstream) {
  if (ours.median === null || upstream.median === null || upstream.median === 0) return null;
  return ours.median / upstream.median;
}

/** Least-squares slope of y over x: growth per unit (e.g. heap bytes per session). */
function slope(points) {
  if (points.length < 2) return null;
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / points.length;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / points.length;
  const num = points.reduce((sum, [x, y]) => sum + (x - meanX) * (y - meanY), 0);
  const den = points.reduce((sum, [x]) => sum + (x - meanX) ** 2, 0);
  return den === 0 ? null : num / den;
}

module.exports = { summarize, ratio, slope };
