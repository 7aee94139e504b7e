// The app's own webpack setup, as in any TypeScript project: ts-loader compiles src/, and
// 'amazon-connect-chatjs' is resolved like any dependency (in this repository from the folder build.js links,
// node_modules/.examples; in an app of your own, drop `modules` and install the package).
const path = require('path');

module.exports = {
  mode: 'production',
  context: __dirname,
  target: ['web', 'es2020'],
  entry: './src/main.ts',
  output: { path: path.join(__dirname, 'dist'), filename: 'app.js', clean: true },
  resolve: { extensions: ['.ts', '.js'], modules: ['node_modules', path.resolve(__dirname, '../../node_modules/.examples')] },
  module: {
    rules: [{ test: /\.ts$/, loader: 'ts-loader', exclude: /node_modules/, options: { configFile: path.join(__dirname, 'tsconfig.json') } }],
  },
  devtool: false,
  performance: { hints: false },
};
