// DevTools CPU profiles of a page, and their self time attributed to original source files and functions
// through the bundles' source maps (the bundles are minified, so the profile's own names say little).
'use strict';
const fs = require('fs');
const { decodeSegment } = require('./sourceMapSizes');

/** Runs `fn` under the sampling profiler (100 µs samples) and resolves with the profile. */
async function profileWhile(cdp, fn) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  let failure = null;
  try {
    await fn();
  } catch (error) {
    failure = error;
  }
  const { profile } = await cdp.send('Profiler.stop'); // stopped either way, so a failed run leaves no profiler on
  if (failure) throw failure;
  return profile;
}

/** A lookup from a generated (line, column), both 0-based, to `{ source, line, name }` of the map. */
function sourceMapLookup(mapFile) {
  const map = JSON.parse(fs.readFileSync(mapFile, 'utf8'));
  const state = { source: 0, line: 0, column: 0, name: 0 };
  const lines = map.mappings.split(';').map((text) => {
    let column = 0;
    return (text ? text.split(',') : []).map((segment) => {
      const fields = decodeSegment(segment);
      column += fields[0];
      if (fields.length < 4) return { column, source: null };
      state.source += fields[1];
      state.line += fields[2];
      state.column += fields[3];
      if (fields.length > 4) state.name += fields[4];
      return { column, source: map.sources[state.source], line: state.line + 1, name: fields.length > 4 ? map.names[state.name] : null };
    });
  });
  return (line, column) => {
    const segments = lines[line] || [];
    let found = null;
    for (const segment of segments) {
      if (segment.column > column) break;
      found = segment;
    }
    return found && found.source ? found : null;
  };
}

/** Self milliseconds per profile node id, from the samples and their time deltas. */
function selfMsByNode(profile) {
  const self = new Map();
  profile.samples.forEach((id, index) => self.set(id, (self.get(id) || 0) + (profile.timeDeltas[index] || 0) / 1000));
  return self;
}

/**
 * Self time of `profiles` (summed) grouped two ways: by original source file and by function (`file:line
 * name`). `lookups` maps a script URL suffix to a source-map lookup; frames of other scripts keep their URL.
 */
function attribute(profiles, lookups) {
  const byFile = {};
  const byFunction = {};
  let total = 0;
  for (const profile of profiles) {
    total += attributeOne(profile, lookups, byFile, byFunction);
  }
  const top = (table, count) => Object.entries(table).sort((a, b) => b[1] - a[1]).slice(0, count).map(([name, ms]) => ({ name, ms: Math.round(ms * 10) / 10 }));
  return { totalMs: Math.round(total * 10) / 10, byFile: top(byFile, 25), byFunction: top(byFunction, 30) };
}

function attributeOne(profile, lookups, byFile, byFunction) {
  const self = selfMsByNode(profile);
  let total = 0;
  for (const node of profile.nodes) {
    const ms = self.get(node.id) || 0;
    if (!ms) continue;
    total += ms;
    const frame = node.callFrame;
    const entry = Object.entries(lookups).find(([suffix]) => frame.url.endsWith(suffix));
    const original = entry ? entry[1](frame.lineNumber, frame.columnNumber) : null;
    const file = original ? shortSource(original.source) : frame.url ? frame.url.replace(/^.*\//, '') : `(${frame.functionName || 'program'})`;
    const fn = original ? `${file}:${original.line} ${original.name || frame.functionName || '(anonymous)'}` : `${file} ${frame.functionName || ''}`.trim();
    byFile[file] = (byFile[file] || 0) + ms;
    byFunction[fn] = (byFunction[fn] || 0) + ms;
  }
  return total;
}

function shortSource(source) {
  const dependency = /node_modules\/(.*)$/.exec(source);
  if (dependency) return dependency[1];
  return source.replace(/^webpack:\/\/[^/]*\//, '').replace(/^\.\//, '');
}

module.exports = { profileWhile, sourceMapLookup, attribute };
