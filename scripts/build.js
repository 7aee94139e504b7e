#!/usr/bin/env node
// Builds every artefact of the repository:
//   sdk:      dist/esm (ES modules for bundlers, with the package's own Participant client) + dist/*.d.ts,
//             dist/cjs (require) and dist/amazon-connect-chat.js (UMD, minified)
//   emulator: emulator/dist (the emulator package and its CLI)
//   examples: what the example pages load that is not in git: examples/vendor/connect-streams-min.js (from the
//             installed amazon-connect-streams) and examples/bundler-app/dist/app.js (built with webpack)
//
// Usage: node scripts/build.js [sdk] [emulator] [examples] [--force]
// With no names, all three. An artefact whose outputs are all newer than every one of its inputs is skipped,
// so a second `npm start` takes seconds; --force (or FORCE_BUILD=1) rebuilds regardless.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
const at = (...parts) => path.join(root, ...parts);

const STREAMS_MIN = () => path.join(path.dirname(require.resolve('amazon-connect-streams/package.json')), 'release', 'connect-streams-min.js');

/** What each artefact is made from and what it makes; `build` runs only when an output is missing or older. */
const ARTEFACTS = {
  sdk: {
    inputs: () => [
      at('src'), at('scripts', 'build.js'), at('scripts', 'privateMembers.js'), at('webpack.config.js'), at('package.json'), at('package-lock.json'),
      at('tsconfig.base.json'), at('tsconfig.esm.json'), at('tsconfig.cjs.json'),
    ],
    outputs: () => [
      at('dist', 'amazon-connect-chat.js'), at('dist', 'index.d.ts'), at('dist', 'esm', 'index.js'), at('dist', 'esm', 'client', 'sdk.js'),
      at('dist', 'esm', 'package.json'), at('dist', 'cjs', 'index.js'), at('dist', 'cjs', 'package.json'),
    ],
    build: buildSdk,
  },
  emulator: {
    inputs: () => [at('emulator', 'src'), at('emulator', 'tsconfig.json'), at('emulator', 'package.json'), at('tsconfig.base.json'), at('scripts', 'build.js')],
    outputs: () => [at('emulator', 'dist', 'index.js'), at('emulator', 'dist', 'index.d.ts'), at('emulator', 'dist', 'cli.js')],
    build: buildEmulator,
  },
  examples: {
    // The bundler example bundles the SDK's ES module build, so it follows dist/esm too.
    inputs: () => [at('examples', 'bundler-app', 'src'), at('examples', 'bundler-app', 'webpack.config.js'), at('examples', 'bundler-app', 'build.js'),
      at('examples', 'bundler-app', 'tsconfig.json'), at('dist', 'esm'), at('dist', 'index.d.ts'), STREAMS_MIN()],
    outputs: () => [at('examples', 'bundler-app', 'dist', 'app.js'), at('examples', 'vendor', 'connect-streams-min.js')],
    build: buildExamples,
  },
};

/** The newest modification time (ms) under `file` (a file or a folder, walked), or 0 when absent. */
function newestMtime(file) {
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(file).reduce((newest, name) => Math.max(newest, newestMtime(path.join(file, name))), stat.mtimeMs);
}

/** True when every output exists and is at least as new as the newest input. */
function isUpToDate(artefact) {
  const outputTimes = artefact.outputs().map((file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : -1));
  if (outputTimes.some((time) => time < 0)) return false;
  const newestInput = Math.max(...artefact.inputs().map(newestMtime));
  return Math.min(...outputTimes) >= newestInput;
}

function buildSdk() {
  fs.rmSync(dist, { recursive: true, force: true });
  run(bin('tsc'), ['-p', 'tsconfig.esm.json']);
  run(bin('tsc'), ['-p', 'tsconfig.cjs.json']);
  fs.writeFileSync(path.join(dist, 'esm', 'package.json'), '{ "type": "module", "sideEffects": ["./index.js", "./global.js"] }\n');
  fs.writeFileSync(path.join(dist, 'cjs', 'package.json'), '{ "type": "commonjs" }\n');
  // Browsers get the package's own Participant client (src/client/fetchSdk/) instead of the AWS SDK's: in the
  // ES module build, the module the client imports its SDK values from names it (the Node build keeps the SDK).
  fs.writeFileSync(path.join(dist, 'esm', 'client', 'sdk.js'), "export * from './fetchSdk/index.js';\n");
  fs.rmSync(path.join(dist, 'esm', 'client', 'sdk.js.map'), { force: true });
  assertNoSdkImports(path.join(dist, 'esm'));
  run(bin('webpack'), ['--mode', 'production', '--no-stats']);
  assertNoSdkSources(path.join(dist, 'amazon-connect-chat.js.map'));
  console.log('build: dist/ ready');
}

/** Refuses an ES module build that would still load AWS SDK code at run time (type imports are erased). */
function assertNoSdkImports(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) assertNoSdkImports(file);
    else if (entry.name.endsWith('.js') && /\b(from|import)\s*\(?\s*["']@(aws-sdk|smithy)\//.test(fs.readFileSync(file, 'utf8'))) {
      throw new Error(`build: ${path.relative(root, file)} imports an AWS SDK package; the ES module build must not`);
    }
  }
}

/** Refuses a script-tag bundle with AWS SDK code in it (webpack.config.js puts the own client in its place). */
function assertNoSdkSources(sourceMap) {
  const bundled = JSON.parse(fs.readFileSync(sourceMap, 'utf8')).sources.filter((source) => /node_modules\/@(aws-sdk|smithy)\//.test(source));
  if (bundled.length > 0) throw new Error(`build: the script-tag bundle holds AWS SDK code (${bundled[0]}, …); it must not`);
}

function buildEmulator() {
  fs.rmSync(path.join(root, 'emulator', 'dist'), { recursive: true, force: true });
  run(bin('tsc'), ['-p', 'emulator/tsconfig.json']);
  console.log('build: emulator/dist/ ready');
}

async function buildExamples() {
  const vendor = path.join(root, 'examples', 'vendor');
  fs.mkdirSync(vendor, { recursive: true });
  fs.copyFileSync(STREAMS_MIN(), path.join(vendor, 'connect-streams-min.js'));
  await require('../examples/bundler-app/build.js').build();
  console.log('build: examples ready (Streams in examples/vendor, examples/bundler-app/dist)');
}

/** Prints the Subresource Integrity value of the script-tag bundle, for a `<script integrity=…>` tag. */
function printIntegrity(file) {
  if (!fs.existsSync(file)) return;
  const digest = require('crypto').createHash('sha384').update(fs.readFileSync(file)).digest('base64');
  console.log(`build: ${path.relative(root, file)} sha384-${digest}`);
}

/** The artefact names asked for on the command line (all when none), and whether to ignore the check. */
function parseArgs(argv) {
  const force = argv.includes('--force') || process.env.FORCE_BUILD === '1';
  const names = argv.filter((arg) => !arg.startsWith('--'));
  const unknown = names.filter((name) => !(name in ARTEFACTS));
  if (unknown.length > 0) throw new Error(`build: unknown artefact ${unknown.join(', ')} (known: ${Object.keys(ARTEFACTS).join(', ')})`);
  return { force, names: names.length > 0 ? names : Object.keys(ARTEFACTS) };
}

async function main(argv) {
  const { force, names } = parseArgs(argv);
  // In dependency order: the examples bundle the SDK's build.
  for (const name of Object.keys(ARTEFACTS).filter((known) => names.includes(known))) {
    const artefact = ARTEFACTS[name];
    if (!force && isUpToDate(artefact)) {
      console.log(`build: ${name} is up to date (skipped; --force rebuilds it)`);
      continue;
    }
    await artefact.build();
  }
  if (names.includes('sdk')) printIntegrity(path.join(dist, 'amazon-connect-chat.js'));
}

module.exports = { ARTEFACTS, isUpToDate, newestMtime };

if (require.main === module) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(`build: ${error.message}`);
    process.exitCode = 1;
  });
}
