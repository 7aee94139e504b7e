#!/usr/bin/env node
// `npm test`: the whole gate, its independent stages side by side. On a 2-core machine most of the suite's
// wall time is spent waiting (real outages and retry schedules in integration, browsers in e2e), so running
// stages together costs little CPU and saves most of the waiting:
//
//   at once                typecheck │ build │ unit        (unit tests src/ and needs no build)
//   after build            integration │ e2e             (they run the built package)
//   after build+typecheck  types │ docs                  (they read dist/; after typecheck only so that fewer
//                                                         compilers share the cores at once)
//
// Each stage is one npm script of package.json (`npm run test:unit` etc. runs it alone). A stage's output is
// printed whole when it ends, under a header, never interleaved with another's; while stages run, a line says
// which are still going. At the end: a table of every stage with its result and seconds, and the exit code is
// 1 when any stage failed, was skipped (a stage it needs failed) or did not end.
//
// A jest run that has printed its summary but does not exit (an open handle: a server, socket or timer a test
// left behind) is stopped after JEST_EXIT_GRACE_MS and counted as failed, so `npm test` always ends; any stage
// that outlives its time limit is stopped the same way.
//
// Usage: node scripts/test.js [stage ...]   (default: all; named stages run without the ones they need)
'use strict';
const { spawn } = require('child_process');
const path = require('path');

const root = path.resolve(__dirname, '..');
const MINUTE = 60_000;
const JEST_EXIT_GRACE_MS = 60_000;
const PROGRESS_EVERY_MS = 60_000;

/** name, npm script, the stages it needs (skipped when one fails), the ones it only waits for (`after`), its
 * time limit: a last guard against a hang, far above a slow run on a
 * loaded machine (jest's own test timeouts catch a stuck test first). */
const STAGES = [
  { name: 'typecheck', script: 'typecheck', needs: [], limitMs: 30 * MINUTE },
  { name: 'build', script: 'build', needs: [], limitMs: 30 * MINUTE },
  { name: 'unit', script: 'test:unit', needs: [], limitMs: 30 * MINUTE },
  { name: 'integration', script: 'test:integration', needs: ['build'], limitMs: 60 * MINUTE },
  { name: 'types', script: 'test:types', needs: ['build'], after: ['typecheck'], limitMs: 30 * MINUTE },
  { name: 'docs', script: 'test:docs', needs: ['build'], after: ['typecheck'], limitMs: 30 * MINUTE },
  { name: 'e2e', script: 'test:e2e', needs: ['build'], limitMs: 60 * MINUTE },
];

const JEST_DONE = /^(Ran all test suites|Test Suites: .* total)/m;
const seconds = (ms) => (ms / 1000).toFixed(0);

/** Runs one stage in its own process group; resolves { ok, note, ms } once it ended or was stopped. */
function runStage(stage) {
  const started = Date.now();
  const child = spawn('npm', ['run', '--silent', stage.script], { cwd: root, detached: true, env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' } });
  running.set(stage.name, { child, started });
  const chunks = [];
  let stopReason;
  let exitTimer;
  let tail = '';
  const stop = (reason) => {
    if (stopReason) return;
    stopReason = reason;
    killGroup(child);
  };
  const limitTimer = setTimeout(() => stop(`did not end within ${seconds(stage.limitMs)} s: stopped`), stage.limitMs);
  const collect = (chunk) => {
    chunks.push(chunk);
    // Jest prints its summary last: from then on only open handles keep it alive.
    tail = `${tail}${chunk.toString()}`.slice(-400);
    if (!exitTimer && JEST_DONE.test(tail)) {
      exitTimer = setTimeout(() => stop(`jest finished its tests but did not exit within ${seconds(JEST_EXIT_GRACE_MS)} s (an open handle: run the project with --detectOpenHandles): stopped`), JEST_EXIT_GRACE_MS);
    }
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  return new Promise((resolve) => {
    child.on('error', (error) => chunks.push(Buffer.from(`${error.message}\n`)));
    child.on('exit', (code, signal) => {
      clearTimeout(limitTimer);
      clearTimeout(exitTimer);
      const ms = Date.now() - started;
      // A process the stage started and left running (it would also hold the output pipe open) ends with it.
      const leftBehind = groupAlive(child);
      if (leftBehind) killGroup(child);
      const ok = code === 0 && !stopReason;
      const notes = [stopReason ?? (ok ? '' : `exit ${code ?? signal}`), leftBehind && !stopReason ? 'left processes running (stopped)' : ''];
      let finished = false;
      const finish = () => {
        if (finished) return;
        finished = true;
        running.delete(stage.name);
        const note = notes.filter(Boolean).join('; ');
        printBlock(stage, ok, note, ms, Buffer.concat(chunks).toString());
        resolve({ ok, note, ms });
      };
      // The last output is read once the pipes close; a pipe held by something outside the group is not waited for.
      const pipesClosed = setTimeout(finish, 5_000);
      child.on('close', () => {
        clearTimeout(pipesClosed);
        finish();
      });
    });
  });
}

function groupAlive(child) {
  try {
    process.kill(-child.pid, 0);
    return true;
  } catch {
    return false;
  }
}

function killGroup(child) {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

function printBlock(stage, ok, note, ms, output) {
  const title = `${stage.name} (npm run ${stage.script}): ${ok ? 'passed' : 'FAILED'} in ${seconds(ms)} s${note ? ` — ${note}` : ''}`;
  process.stdout.write(`\n──── ${title} ────\n${output.trimEnd()}\n──── end of ${stage.name} ────\n`);
}

const running = new Map();

function stopAll(signal) {
  for (const { child } of running.values()) killGroup(child);
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

async function main() {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !STAGES.some((stage) => stage.name === name));
  if (unknown.length > 0) {
    console.error(`unknown stage: ${unknown.join(', ')} (stages: ${STAGES.map((stage) => stage.name).join(', ')})`);
    process.exit(2);
  }
  const stages = wanted.length > 0 ? STAGES.filter((stage) => wanted.includes(stage.name)) : STAGES;
  const selected = new Set(stages.map((stage) => stage.name));
  process.on('SIGINT', () => stopAll('SIGINT'));
  process.on('SIGTERM', () => stopAll('SIGTERM'));

  const started = Date.now();
  const results = new Map();
  const done = new Map();
  const progress = setInterval(() => {
    const list = [...running].map(([name, { started: at }]) => `${name} ${seconds(Date.now() - at)} s`);
    if (list.length > 0) console.log(`[npm test ${seconds(Date.now() - started)} s] running: ${list.join(', ')}`);
  }, PROGRESS_EVERY_MS);
  const start = (stage) => {
    if (!done.has(stage.name)) done.set(stage.name, runAfterNeeds(stage));
    return done.get(stage.name);
  };
  const runAfterNeeds = async (stage) => {
    const needs = stage.needs.filter((name) => selected.has(name));
    const waits = (stage.after ?? []).filter((name) => selected.has(name));
    const [needed] = await Promise.all([needs, waits].map((names) => Promise.all(names.map((name) => start(STAGES.find((s) => s.name === name))))));
    const failed = needs.filter((_, i) => !needed[i].ok);
    const result = failed.length > 0 ? { ok: false, note: `skipped: ${failed.join(', ')} failed`, ms: 0, skipped: true } : await runStage(stage);
    results.set(stage.name, result);
    return result;
  };
  const before = (stage) => [...stage.needs, ...(stage.after ?? [])].filter((name) => selected.has(name));
  console.log(`npm test: ${stages.map((stage) => (before(stage).length > 0 ? `${stage.name} (after ${before(stage).join(', ')})` : stage.name)).join(', ')}`);
  await Promise.all(stages.map(start));
  clearInterval(progress);

  console.log(`\nnpm test: ${seconds(Date.now() - started)} s in all`);
  for (const stage of stages) {
    const { ok, note, ms, skipped } = results.get(stage.name);
    console.log(`  ${ok ? 'passed ' : skipped ? 'SKIPPED' : 'FAILED '} ${stage.name.padEnd(12)} ${skipped ? '     ' : `${seconds(ms).padStart(4)} s`}${note ? `  ${note}` : ''}`);
  }
  const names = (keep) => stages.filter((stage) => keep(results.get(stage.name))).map((stage) => stage.name);
  const failed = names((result) => !result.ok && !result.skipped);
  const skipped = names((result) => result.skipped);
  if (failed.length > 0 || skipped.length > 0) {
    const skippedNote = skipped.length > 0 ? `; not run: ${skipped.join(', ')}` : '';
    console.log(`\nnpm test FAILED: ${failed.join(', ')}${skippedNote} (each stage's output is above, under its name)`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
