// Bundle size: the script-tag bundles (minified and gzip bytes); what an app that imports the package gets
// (examples/bundler-app built with webpack 5 in production mode), against 5.0.0's script tag, the only
// form 5.0.0 has; and our own code in the ES module build: dist/esm/index.js bundled by webpack (the package's
// own Participant client included; any @aws-sdk/* or @smithy/* import would be left external).
// Through the source maps, the minified bytes of our script-tag bundle and of the own-code bundle are
// attributed to packages and to our source folders, to show what dominates.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { rows } = require('../lib/measure');
const { VARIANTS } = require('../lib/page');
const { bytesBySource, groupSizes, packageOrFolder } = require('../lib/sourceMapSizes');

const ESM = path.resolve(__dirname, '..', '..', 'dist', 'esm');
const AWS_SDK = /^@(aws-sdk|smithy)\//;
const TOP = 16;
const gzipBytes = (buffer) => zlib.gzipSync(buffer, { level: 9 }).length;

function fileSizes(file) {
  const buffer = fs.readFileSync(file);
  return { minKb: buffer.length / 1024, gzipKb: gzipBytes(buffer) / 1024 };
}

/** The AWS SDK by package name (the ES module build imports none at run time: scripts/build.js checks). */
const externalAwsSdk = ({ request }, callback) => (AWS_SDK.test(request) ? callback(null, `module ${request}`) : callback());

/** examples/bundler-app built as its own webpack config says (production); its app.js sizes. */
async function bundlerAppSizes() {
  const { build } = require('../../examples/bundler-app/build.js');
  const stats = await build();
  return fileSizes(path.join(stats.outputPath, 'app.js'));
}

/** Bundles `entry` minified into one ES module in a temporary folder; resolves with its code and source map. */
function bundleOwnCode(entry) {
  const webpack = require('webpack');
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatjs-bench-'));
  const config = {
    mode: 'production',
    target: ['web', 'es2020'],
    entry,
    devtool: 'source-map',
    output: { path: outDir, filename: 'bundle.js', library: { type: 'module' } },
    experiments: { outputModule: true },
    externals: [externalAwsSdk],
    externalsType: 'module',
    plugins: [new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 })],
    performance: { hints: false },
  };
  return new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error || stats.hasErrors()) return reject(error || new Error(stats.toString('errors-only')));
      const read = (name) => fs.readFileSync(path.join(outDir, name), 'utf8');
      const result = { code: read('bundle.js'), map: JSON.parse(read('bundle.js.map')) };
      fs.rmSync(outDir, { recursive: true, force: true });
      resolve(result);
    });
  });
}

function composition(code, map) {
  return groupSizes(bytesBySource(code, map), packageOrFolder, TOP);
}

function scriptTagComposition() {
  const file = VARIANTS.ours.bundle;
  return composition(fs.readFileSync(file, 'utf8'), JSON.parse(fs.readFileSync(`${file}.map`, 'utf8')));
}

async function run() {
  const sizes = { ours: fileSizes(VARIANTS.ours.bundle), upstream: fileSizes(VARIANTS.upstream.bundle) };
  const app = await bundlerAppSizes();
  const own = await bundleOwnCode(path.join(ESM, 'index.js'));
  const ownGzipKb = gzipBytes(Buffer.from(own.code)) / 1024;
  // 5.0.0 ships one form, the script tag: its sizes stand on the upstream side of the bundler-app rows.
  const single = (variant) => ({
    minKb: [sizes[variant].minKb],
    gzipKb: [sizes[variant].gzipKb],
    appMinKb: [variant === 'ours' ? app.minKb : sizes.upstream.minKb],
    appGzipKb: [variant === 'ours' ? app.gzipKb : sizes.upstream.gzipKb],
    ownGzipKb: variant === 'ours' ? [ownGzipKb] : [],
  });
  return {
    rows: rows({ ours: single('ours'), upstream: single('upstream') }, [
      { key: 'minKb', name: 'Script-tag bundle, minified', unit: 'KB', better: 'lower' },
      { key: 'gzipKb', name: 'Script-tag bundle, gzip', unit: 'KB', better: 'lower', goal: { text: '≤ 0.63× upstream', ratioAtMost: 0.63 } },
      { key: 'appMinKb', name: 'Bundler app (webpack 5 production), minified; upstream: its script tag', unit: 'KB', better: 'lower' },
      { key: 'appGzipKb', name: 'Bundler app (webpack 5 production), gzip; upstream: its script tag', unit: 'KB', better: 'lower', goal: { text: '≤ 0.85× upstream', ratioAtMost: 0.85 } },
      { key: 'ownGzipKb', name: 'Own code in the ES module build, gzip (own Participant client included)', unit: 'KB', better: 'lower', goal: { text: '≤ 15 KB', oursAtMost: 15 } },
    ]),
    compositions: [
      { title: 'Script-tag bundle (dist/amazon-connect-chat.js), minified bytes by package / own folder', parts: scriptTagComposition() },
      { title: `Own-code ES module bundle (${(own.code.length / 1024).toFixed(1)} KB minified), minified bytes by package / own folder`, parts: composition(own.code, own.map) },
    ],
    notes: [
      'gzip level 9. Bundler app: examples/bundler-app (its main.ts plus `import \'amazon-connect-chatjs\'`) built by its own webpack config, production mode, the package resolved by name to the ES module build; 5.0.0 has no ES module build, so its script tag is the comparison.',
      '"Own code" bundles dist/esm/index.js with webpack, the package’s own Participant client included, @aws-sdk/* and @smithy/* external (the ES module build imports none at run time; tslib, if used, included). Composition: minified bytes attributed through the source maps.',
    ],
  };
}

module.exports = { id: 'bundle', title: 'Bundle size', run };
