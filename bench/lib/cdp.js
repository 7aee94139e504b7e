// DevTools measurements of a page: main-thread busy time and the JS heap after garbage collection.
'use strict';

async function mainThreadMs(cdp) {
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name) => (metrics.find((metric) => metric.name === name) || { value: 0 }).value * 1000;
  return { task: value('TaskDuration'), script: value('ScriptDuration') };
}

/** Two full collections: the second sweeps what the first's finalizers freed. */
async function collectGarbage(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
}

/** Used JS heap bytes after garbage collection. */
async function heapAfterGc(cdp) {
  await collectGarbage(cdp);
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/** Heap snapshot node types that are V8's own machinery rather than objects a program keeps. */
const ENGINE_NODE_TYPES = new Set(['code', 'hidden', 'object shape', 'synthetic']);

/**
 * Bytes of a heap snapshot (taken after two collections): `objects` is what JavaScript keeps (objects,
 * closures, arrays, strings, DOM wrappers); `engine` is compiled code and V8's bookkeeping, which grows
 * as functions get optimized, whatever the program retains.
 */
async function heapSnapshotBytes(cdp) {
  await collectGarbage(cdp);
  const chunks = [];
  const onChunk = (event) => chunks.push(event.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  const { snapshot, nodes } = JSON.parse(chunks.join(''));
  const fields = snapshot.meta.node_fields;
  const typeNames = snapshot.meta.node_types[0];
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  const bytes = { objects: 0, engine: 0 };
  for (let index = 0; index < nodes.length; index += fields.length) {
    bytes[ENGINE_NODE_TYPES.has(typeNames[nodes[index + typeAt]]) ? 'engine' : 'objects'] += nodes[index + sizeAt];
  }
  return bytes;
}

module.exports = { mainThreadMs, heapAfterGc, heapSnapshotBytes };
