#!/usr/bin/env node
// Builds every artefact of the repository:
//   dist/esm (ES modules for bundlers, with the AWS SDK Participant client prebuilt) + dist/*.d.ts, dist/cjs
//   (require) and dist/amazon-connect-chat.js (UMD, minified) for the SDK package, emulator/dist (the emulator package and its CLI), and what the example pages load
//   that is not in git: examples/vendor/connect-streams-min.js (from the installed amazon-connect-streams) and
//   examples/bundler-app/dist/app.js (the bundler example, built with webpack).
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

fs.rmSync(dist, { recursive: true, force: true });
run(bin('tsc'), ['-p', 'tsconfig.esm.json']);
run(bin('tsc'), ['-p', 'tsconfig.cjs.json']);
fs.rmSync(path.join(root, 'emulator', 'dist'), { recursive: true, force: true });
run(bin('tsc'), ['-p', 'emulator/tsconfig.json']);
fs.writeFileSync(path.join(dist, 'esm', 'package.json'), '{ "type": "module", "sideEffects": ["./index.js", "./global.js"] }\n');
fs.writeFileSync(path.join(dist, 'cjs', 'package.json'), '{ "type": "commonjs" }\n');
// Both webpack builds: the script-tag bundle, and the prebuilt Participant client that replaces what tsc
// wrote at dist/esm/client/sdk.js (see webpack.config.js).
run(bin('webpack'), ['--mode', 'production', '--no-stats']);
const esmClientSdk = fs.readFileSync(path.join(dist, 'esm', 'client', 'sdk.js'), 'utf8');
if (/\bfrom\s*["']@(aws-sdk|smithy)\//.test(esmClientSdk)) {
  throw new Error('build: dist/esm/client/sdk.js still imports the AWS SDK packages: the prebuilt client was not written');
}
console.log('build: dist/ and emulator/dist/ ready');
printIntegrity(path.join(dist, 'amazon-connect-chat.js'));

buildExamples().catch((error) => {
  console.error(`build: examples: ${error.message}`);
  process.exitCode = 1;
});

/** Prints the Subresource Integrity value of the script-tag bundle, for a `<script integrity=…>` tag. */
function printIntegrity(file) {
  const digest = require('crypto').createHash('sha384').update(fs.readFileSync(file)).digest('base64');
  console.log(`build: ${path.relative(root, file)} sha384-${digest}`);
}

async function buildExamples() {
  const vendor = path.join(root, 'examples', 'vendor');
  fs.mkdirSync(vendor, { recursive: true });
  const streams = path.join(path.dirname(require.resolve('amazon-connect-streams/package.json')), 'release', 'connect-streams-min.js');
  fs.copyFileSync(streams, path.join(vendor, 'connect-streams-min.js'));
  await require('../examples/bundler-app/build.js').build();
  console.log('build: examples ready (Streams in examples/vendor, examples/bundler-app/dist)');
}
