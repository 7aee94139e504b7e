// The script-tag bundle: one minified UMD file that installs the global `connect` names.
// Everything it needs (the AWS SDK client included) is bundled; nothing is external.
const path = require('path');
const webpack = require('webpack');

module.exports = (env, argv) => ({
  mode: argv.mode || 'production',
  target: ['web', 'es2020'],
  entry: './src/global.ts',
  devtool: 'source-map',
  output: {
    path: path.resolve(__dirname, 'dist'),
    filename: 'amazon-connect-chat.js',
    // Side-effect bundle: it installs `connect.*` and exposes nothing else on the page.
    iife: true,
    clean: false,
  },
  resolve: {
    extensions: ['.ts', '.js'],
    extensionAlias: { '.js': ['.ts', '.js'] },
    // Parts of the AWS SDK the Participant Service never uses (see each stub for why).
    alias: { '@smithy/core/event-streams$': path.resolve(__dirname, 'scripts/stubs/eventStreams.js') },
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
  // One file for script tags: the AWS SDK's lazily imported modules are folded into the bundle.
  plugins: [new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 })],
  performance: { hints: false },
});
