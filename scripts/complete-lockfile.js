#!/usr/bin/env node
// Completes package-lock.json with the platform-specific optional packages that the npm registry mirror of
// this workplace does not serve (it only has the Linux builds). Without those entries `npm ci` refuses the
// lockfile as out of sync. Each added entry is marked optional with its platform, so npm skips it on Linux
// and fetches it as usual elsewhere. Run after any `npm install` that rewrites the lockfile.
const fs = require('fs');
const path = require('path');

const lockPath = path.resolve(process.argv[2] || path.join(__dirname, '..', 'package-lock.json'));
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const packages = lock.packages;

/** os/cpu of a platform binding, read from its name (e.g. `…-darwin-arm64`, `…-linux-x64-musl`). */
function platformOf(name) {
  const os = ['android', 'darwin', 'freebsd', 'linux', 'openharmony', 'win32', 'wasm32'].find((o) => name.includes(`-${o}-`) || name.endsWith(`-${o}`));
  const cpu = ['arm64', 'arm', 'x64', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x', 'wasm32'].find((c) => new RegExp(`-${c}(-|$)`).test(name));
  const entry = {};
  if (os && os !== 'wasm32') entry.os = [os];
  if (cpu && cpu !== 'wasm32') entry.cpu = [cpu];
  if (/-musl/.test(name)) entry.libc = ['musl'];
  else if (/-gnu/.test(name)) entry.libc = ['glibc'];
  return entry;
}

let added = 0;
for (const [location, entry] of Object.entries(packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies || {})) {
    const nested = `${location ? `${location}/` : ''}node_modules/${name}`;
    if (packages[nested] || packages[`node_modules/${name}`]) continue;
    packages[`node_modules/${name}`] = { version: range.replace(/^[\^~=]/, ''), ...(entry.dev ? { dev: true } : {}), optional: true, ...platformOf(name) };
    added += 1;
  }
}
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} optional platform entries`);
