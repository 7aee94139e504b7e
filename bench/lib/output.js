// Where results go: a full run writes bench/results.json and the results part of docs/benchmarks.md
// (between the markers, so the prose around them stays); a quick run writes bench/.cache/ only.
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

/** Writes the results; returns the paths written. */
function writeResults(run, markdown) {
  if (run.mode === 'quick') {
    const file = path.join(ROOT, 'bench', '.cache', 'results.quick.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(run, null, 2)}\n`);
    return [file];
  }
  const file = path.join(ROOT, 'bench', 'results.json');
  fs.writeFileSync(file, `${JSON.stringify(run, null, 2)}\n`);
  writeDoc(markdown);
  return [file, DOC];
}

module.exports = { writeResults };
