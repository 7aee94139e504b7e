#!/usr/bin/env node
// `npm run bench [-- --quick] [-- --only=start,memory]` (--only in a full run updates just those scenarios
// in bench/results.json and docs/benchmarks.md): this SDK and amazon-connect-chatjs 5.0.0 side by
// side, on one emulator, in one headless Chromium. Timings are reported, never asserted.
'use strict';
const path = require('path');
const { ensureBuilt, ROOT, startEnvironment } = require('./lib/environment');
const { describeMachine } = require('./lib/machine');
const { writeResults } = require('./lib/output');
const { resultsMarkdown } = require('./lib/report');
const { FULL, QUICK } = require('./lib/sizes');

const SCENARIOS = ['bundle', 'start', 'throughput', 'memory', 'recovery', 'outbox', 'receipts', 'capacity', 'streams', 'relayCapacity', 'relayFailover', 'tabs'].map((name) => require(`./scenarios/${name}`));

function parseArgs(argv) {
  const only = argv.find((arg) => arg.startsWith('--only='));
  return { quick: argv.includes('--quick'), only: only ? only.slice('--only='.length).split(',') : null };
}

const log = (scope) => (message) => console.error(`bench[${scope}] ${message}`);

async function runScenario(env, scenario) {
  const started = Date.now();
  const scoped = { ...env, log: log(scenario.id) };
  scoped.log('start');
  try {
    const result = await scenario.run(scoped);
    scoped.log(`done in ${Math.round((Date.now() - started) / 1000)} s`);
    return { id: scenario.id, title: scenario.title, at: new Date().toISOString(), ...result };
  } catch (error) {
    scoped.log(`failed: ${error.stack || error}`);
    return { id: scenario.id, title: scenario.title, error: String(error.message || error) };
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  ensureBuilt();
  const started = Date.now();
  const env = await startEnvironment({ sizes: args.quick ? QUICK : FULL });
  const scenarios = [];
  try {
    for (const scenario of SCENARIOS.filter((candidate) => !args.only || args.only.includes(candidate.id))) scenarios.push(await runScenario(env, scenario));
  } finally {
    await env.close();
  }
  const run = { date: new Date().toISOString(), mode: args.quick ? 'quick' : 'full', only: args.only, durationMs: Date.now() - started, machine: describeMachine(env.browser.version()), sizes: env.sizes, scenarios };
  const written = writeResults(run, resultsMarkdown);
  console.log(written.markdown);
  for (const file of written.files) console.error(`bench: wrote ${path.relative(ROOT, file)}`);
  if (scenarios.some((scenario) => scenario.error)) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
