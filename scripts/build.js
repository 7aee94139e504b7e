#!/usr/bin/env node
// Builds every artefact of the package into dist/:
//   dist/esm (ES modules for bundlers, with the AWS SDK Participant client prebuilt) + dist/*.d.ts, dist/cjs
//   (require), dist/amazon-connect-chat.js (UMD, minified),
//   dist/emulator (the Node emulator and its CLI).
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
run(bin('tsc'), ['-p', 'tsconfig.emulator.json']);
fs.writeFileSync(path.join(dist, 'esm', 'package.json'), '{ "type": "module", "sideEffects": ["./index.js", "./global.js"] }\n');
fs.writeFileSync(path.join(dist, 'cjs', 'package.json'), '{ "type": "commonjs" }\n');
// Both webpack builds: the script-tag bundle, and the prebuilt Participant client that replaces what tsc
// wrote at dist/esm/client/sdk.js (see webpack.config.js).
run(bin('webpack'), ['--mode', 'production', '--no-stats']);
const esmClientSdk = fs.readFileSync(path.join(dist, 'esm', 'client', 'sdk.js'), 'utf8');
if (/\bfrom\s*["']@(aws-sdk|smithy)\//.test(esmClientSdk)) {
  throw new Error('build: dist/esm/client/sdk.js still imports the AWS SDK packages: the prebuilt client was not written');
}
console.log('build: dist/ ready');
