#!/usr/bin/env node
// Builds the bundler example with webpack's Node API. An installed app gets 'amazon-connect-chatjs' from
// npm; here <repo>/node_modules/.examples/amazon-connect-chatjs is a link to this repository's root, so the
// name resolves through the root package.json's `exports` exactly as it would after `npm install` (run
// `npm run build` at the root first: the link points at dist/). The link lives outside examples/ so that
// nothing the emulator serves leads back into the repository.
const fs = require('fs');
const path = require('path');
const webpack = require('webpack');
const config = require('./webpack.config.js');

const REPO_ROOT = path.resolve(__dirname, '../..');
const LINK = path.join(REPO_ROOT, 'node_modules', '.examples', 'amazon-connect-chatjs');

function linkPackage() {
  fs.mkdirSync(path.dirname(LINK), { recursive: true });
  if (fs.existsSync(LINK) && fs.realpathSync(LINK) === fs.realpathSync(REPO_ROOT)) return;
  fs.rmSync(LINK, { recursive: true, force: true });
  fs.symlinkSync(path.relative(path.dirname(LINK), REPO_ROOT), LINK, 'dir');
}

/** Resolves webpack's stats as JSON (modules included); rejects on any compile or type error. */
function build(overrides = {}) {
  linkPackage();
  return new Promise((resolve, reject) => {
    webpack({ ...config, ...overrides }, (error, stats) => {
      if (error) return reject(error);
      const json = stats.toJson({ all: false, errors: true, warnings: true, modules: true, nestedModules: true, outputPath: true });
      if (stats.hasErrors()) return reject(new Error(json.errors.map((entry) => entry.message).join('\n')));
      return resolve(json);
    });
  });
}

module.exports = { build, REPO_ROOT };

if (require.main === module) {
  build()
    .then((stats) => console.log(`bundler-app: ${path.join(stats.outputPath, 'app.js')} built`))
    .catch((error) => {
      console.error(error.message);
      process.exitCode = 1;
    });
}
