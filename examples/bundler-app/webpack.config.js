// The app's own webpack setup, as in any TypeScript project: ts-loader compiles src/, and
// 'amazon-connect-chatjs' is resolved from node_modules like any dependency.
const path = require('path');

module.exports = {
  mode: 'production',
  context: __dirname,
  target: ['web', 'es2020'],
  entry: './src/main.ts',
  output: { path: path.join(__dirname, 'dist'), filename: 'app.js', clean: true },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [{ test: /\.ts$/, loader: 'ts-loader', exclude: /node_modules/, options: { configFile: path.join(__dirname, 'tsconfig.json') } }],
  },
  devtool: false,
  performance: { hints: false },
};
