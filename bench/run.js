#!/usr/bin/env node
// `npm run bench [-- --quick] [-- --only=start,memory]` (--only in a full run updates just those scenarios
// in bench/results.json and docs/benchmarks.md): this SDK and amazon-connect-chatjs 5.0.0 side by
// side, on one emulator, in one headless Chromium. Timings are reported, never asserted.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { launchBrowser } = require('./lib/browser');
const { controlClient } = require('./lib/control');
const { describeMachine } = require('./lib/machine');
const { writeResults } = require('./lib/output');
const { startPageServer } = require('./lib/page');
const { resultsMarkdown } = require('./lib/report');
const { FULL, QUICK } = require('./lib/sizes');

const ROOT = path.resolve(__dirname, '..');
const SCENARIOS = ['bundle', 'start', 'throughput', 'memory', 'recovery', 'receipts', 'capacity', 'streams', 'relayCapacity', 'relayFailover'].map((name) => require(`./scenarios/${name}`));
const BUILD_OUTPUTS = ['dist/amazon-connect-chat.js', 'dist/esm/index.js', 'emulator/dist/index.js'];

function parseArgs(argv) {
  const only = argv.find((arg) => arg.startsWith('--only='));
  return { quick: argv.includes('--quick'), only: only ? only.slice('--only='.length).split(',') : null };
}

function ensureBuilt() {
  if (BUILD_OUTPUTS.every((file) => fs.existsSync(path.join(ROOT, file)))) return;
  console.error('bench: dist/ is incomplete, building');
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.js')], { cwd: ROOT, stdio: 'inherit' });
}

const log = (scope) => (message) => console.error(`bench[${scope}] ${message}`);

async function startEnvironment(quick) {
  const { startEmulator } = require('amazon-connect-chatjs-emulator');
  const emulator = await startEmulator({ port: 0, bot: 'none' });
  const pages = await startPageServer();
  const browser = await launchBrowser();
  const env = { emulator, pages, browser, control: controlClient(emulator.url), sizes: quick ? QUICK : FULL };
  env.close = async () => {
    await browser.close();
    await pages.close();
    await emulator.close();
  };
  return env;
}

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
  const env = await startEnvironment(args.quick);
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
