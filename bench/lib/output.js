// Where results go: a full run writes bench/results.json and the results part of docs/benchmarks.md
// (between the markers, so the prose around them stays); a quick run writes bench/.cache/ only.
// Both return the run as written so the caller can print it.
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const DOC = path.join(ROOT, 'docs', 'benchmarks.md');
const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

function writeDoc(markdown) {
  const block = `${START}\n${markdown}\n${END}`;
  const current = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : `# Benchmarks\n\n${START}\n${END}\n`;
  const from = current.indexOf(START);
  const to = current.indexOf(END);
  const next = from >= 0 && to > from ? current.slice(0, from) + block + current.slice(to + END.length) : `${current.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(DOC, next);
}

/** With --only, a full run replaces just its scenarios in the stored results (each keeps its own date). */
function mergeWithStored(run, file) {
  if (!run.only || !fs.existsSync(file)) return run;
  const stored = JSON.parse(fs.readFileSync(file, 'utf8'));
  const fresh = new Map(run.scenarios.map((scenario) => [scenario.id, scenario]));
  const scenarios = stored.scenarios.map((scenario) => fresh.get(scenario.id) || scenario);
  for (const scenario of run.scenarios) if (!scenarios.includes(scenario)) scenarios.push(scenario);
  return { ...run, durationMs: stored.durationMs, scenarios };
}

/** Writes the results (`render(run)` gives the markdown); returns the paths written and the markdown. */
function writeResults(fresh, render) {
  const run = fresh.mode === 'quick' ? fresh : mergeWithStored(fresh, path.join(ROOT, 'bench', 'results.json'));
  const markdown = render(run);
  if (run.mode === 'quick') {
    const file = path.join(ROOT, 'bench', '.cache', 'results.quick.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(run, null, 2)}\n`);
    return { files: [file], markdown };
  }
  const file = path.join(ROOT, 'bench', 'results.json');
  fs.writeFileSync(file, `${JSON.stringify(run, null, 2)}\n`);
  writeDoc(markdown);
  return { files: [file, DOC], markdown };
}

module.exports = { writeResults };
