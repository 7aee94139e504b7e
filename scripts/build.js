#!/usr/bin/env node
// Builds every artefact of the package into dist/:
//   dist/esm (ES modules for bundlers) + dist/*.d.ts, dist/cjs (require), dist/amazon-connect-chat.js (UMD, minified),
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
run(bin('webpack'), ['--mode', 'production', '--no-stats']);
console.log('build: dist/ ready');
