// DevTools measurements of a page: main-thread busy time and the JS heap after garbage collection.
'use strict';

async function mainThreadMs(cdp) {
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name) => (metrics.find((metric) => metric.name === name) || { value: 0 }).value * 1000;
  return { task: value('TaskDuration'), script: value('ScriptDuration') };
}

/** Used JS heap bytes after two full collections (the second sweeps what the first's finalizers freed). */
async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

module.exports = { mainThreadMs, heapAfterGc };
