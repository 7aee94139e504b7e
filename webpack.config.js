// The script-tag bundle: one minified UMD file that installs the global `connect` names.
// Everything it needs is bundled; nothing is external. (The ES module build needs no bundling: scripts/build.js.)
const path = require('path');
const webpack = require('webpack');
const { manglablePrivateMembers } = require('./scripts/privateMembers');

/** The browser builds' own Participant Service client, in place of src/client/sdk.ts (the AWS SDK's). */
const CLIENT_DIR = path.resolve(__dirname, 'src/client');
const OWN_CLIENT = path.join(CLIENT_DIR, 'fetchSdk', 'index.ts');

/**
 * TypeScript, and the Participant client's SDK module (src/client/sdk.ts, the AWS SDK client the Node build
 * runs) replaced by the package's own fetch-based client (src/client/fetchSdk/), so no AWS SDK code ships.
 */
const common = (argv) => ({
  mode: argv.mode || 'production',
  target: ['web', 'es2020'],
  devtool: 'source-map',
  resolve: {
    extensions: ['.ts', '.js'],
    extensionAlias: { '.js': ['.ts', '.js'] },
  },
  module: {
    rules: [
      {
        test: /\.ts$/,
        loader: 'ts-loader',
        exclude: /node_modules/,
        options: { configFile: 'tsconfig.esm.json', compilerOptions: { declaration: false, declarationDir: undefined }, onlyCompileBundledFiles: true },
      },
    ],
  },
  plugins: [
    new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
    // `./sdk.js` as src/client's modules import it.
    new webpack.NormalModuleReplacementPlugin(/^\.\/sdk\.js$/, (resolved) => {
      if (path.resolve(resolved.context) === CLIENT_DIR) resolved.request = OWN_CLIENT;
    }),
  ],
  performance: { hints: false },
});

/**
 * Terser settings for the script-tag bundle (webpack's default is `{ compress: { passes: 2 } }`): ES2020 output,
 * as the bundle already targets ES2020, and our classes' private members shortened where nothing observable
 * can reach them by name (scripts/privateMembers.js says which qualify).
 */
const scriptTagTerser = () => ({
  ecma: 2020,
  compress: { passes: 3, ecma: 2020 },
  mangle: { properties: { regex: new RegExp(`^(?:${manglablePrivateMembers().join('|')})$`) } },
  format: { ecma: 2020 },
});

/** The script-tag bundle. */
const scriptTag = (argv) => ({
  ...common(argv),
  name: 'script-tag',
  entry: './src/global.ts',
  output: {
    path: path.resolve(__dirname, 'dist'),
    filename: 'amazon-connect-chat.js',
    // Side-effect bundle: it installs `connect.*` and exposes nothing else on the page.
    iife: true,
    clean: false,
  },
  optimization: { minimizeOptions: { javascript: scriptTagTerser() } },
});

module.exports = (env, argv) => [scriptTag(argv)];
