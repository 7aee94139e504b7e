// The script-tag bundle: one minified UMD file that installs the global `connect` names.
// Everything it needs (the AWS SDK client included) is bundled; nothing is external.
const path = require('path');
const webpack = require('webpack');
const { manglablePrivateMembers } = require('./scripts/privateMembers');

const stub = (name) => path.resolve(__dirname, 'scripts/stubs', name);
/**
 * Files inside AWS SDK packages (imported relatively, so not reachable by alias), matched on the resolved
 * path, with their stand-ins in scripts/stubs/: parts the Participant client never runs because it passes
 * its own replacement or its configuration rules them out (each throws a clear error if reached), and a
 * few it runs in one narrow form only (each says which, and refuses any other).
 */
const SDK_FILE_STUBS = [
  [/client-connectparticipant[\\/]dist-es[\\/]endpoint[\\/]endpointResolver\.js$/, 'endpointResolver.js'],
  [/smithy[\\/]core[\\/]dist-es[\\/]submodules[\\/]retry[\\/]util-retry[\\/]((Standard|Adaptive)RetryStrategy|DefaultRateLimiter)\.js$/, 'retryStrategies.js'],
  [/aws-sdk[\\/]core[\\/]dist-es[\\/]submodules[\\/]protocols[\\/]json[\\/]AwsRestJsonProtocol\.js$/, 'restJsonProtocol.js'],
  [/aws-sdk[\\/]core[\\/]dist-es[\\/]submodules[\\/]httpAuthSchemes[\\/]aws_sdk[\\/]AwsSdkSigV4Signer\.js$/, 'signatureV4.js'],
  [/client-connectparticipant[\\/]dist-es[\\/]schemas[\\/]schemas_0\.js$/, 'operationSchemas.js'],
  [/smithy[\\/]core[\\/]dist-es[\\/]submodules[\\/](schema[\\/]schemas[\\/]NormalizedSchema|client[\\/]smithy-client[\\/]schemaLogFilter)\.js$/, 'normalizedSchema.js'],
  [/aws-sdk[\\/]core[\\/]dist-es[\\/]submodules[\\/]httpAuthSchemes[\\/]aws_sdk[\\/]resolveAwsSdkSigV4Config\.js$/, 'sigV4Config.js'],
  [/smithy[\\/]core[\\/]dist-es[\\/]submodules[\\/]serde[\\/]date-utils\.js$/, 'retryAfterDate.js'],
  [/smithy[\\/]core[\\/]dist-es[\\/]submodules[\\/]endpoints[\\/]middleware-endpoint[\\/]service-customizations[\\/]s3\.js$/, 's3Endpoints.js'],
  [/aws-sdk[\\/]core[\\/]dist-es[\\/]submodules[\\/]client[\\/]middleware-logger[\\/]loggerMiddleware\.js$/, 'sdkLogger.js'],
  [/smithy[\\/]core[\\/]dist-es[\\/]submodules[\\/]config[\\/]defaults-mode[\\/]resolveDefaultsModeConfig\.browser\.js$/, 'defaultsMode.js'],
  [/aws-sdk[\\/]core[\\/]dist-es[\\/]submodules[\\/]client[\\/]middleware-user-agent[\\/]check-features\.js$/, 'userAgentFeatures.js'],
  [/smithy[\\/]core[\\/]dist-es[\\/]submodules[\\/]serde[\\/]util-body-length[\\/]calculateBodyLength\.browser\.js$/, 'bodyLength.js'],
  [/smithy[\\/]core[\\/]dist-es[\\/]submodules[\\/]serde[\\/]uuid[\\/]v4\.js$/, 'uuid.js'],
  [/smithy[\\/]core[\\/]dist-es[\\/]legacy-root-exports[\\/](middleware-http-auth-scheme[\\/]getHttpAuthSchemeEndpointRuleSetPlugin|middleware-http-signing[\\/]getHttpSigningMiddleware)\.js$/, 'noAuthPlugins.js'],
  [/smithy[\\/]core[\\/]dist-es[\\/]submodules[\\/]client[\\/]middleware-stack[\\/]MiddlewareStack\.js$/, 'middlewareStack.js'],
  [/smithy[\\/]core[\\/]dist-es[\\/]submodules[\\/]endpoints[\\/]middleware-endpoint[\\/]adaptors[\\/]getEndpointFromInstructions\.js$/, 'endpointParameters.js'],
  [/client-connectparticipant[\\/]dist-es[\\/]runtimeExtensions\.js$/, 'runtimeExtensions.js'],
  [/smithy[\\/]core[\\/]dist-es[\\/]submodules[\\/]serde[\\/]util-base64[\\/](from|to)Base64\.browser\.js$/, 'base64.js'],
  [/client-connectparticipant[\\/]dist-es[\\/]models[\\/](errors|ConnectParticipantServiceException)\.js$/, 'serviceExceptions.js'],
  [/smithy[\\/]core[\\/]dist-es[\\/]submodules[\\/]client[\\/]smithy-client[\\/]exceptions\.js$/, 'serviceExceptions.js'],
  [/@smithy[\\/]fetch-http-handler[\\/]dist-es[\\/]fetch-http-handler\.js$/, 'fetchHandler.js'],
  [/smithy[\\/]core[\\/]dist-es[\\/]submodules[\\/]client[\\/]smithy-client[\\/]command\.js$/, 'command.js'],
  [/smithy[\\/]core[\\/]dist-es[\\/]submodules[\\/]retry[\\/]middleware-retry[\\/](retryMiddleware|omitRetryHeadersMiddleware)\.js$/, 'retryMiddleware.js'],
  [/smithy[\\/]core[\\/]dist-es[\\/]submodules[\\/]transport[\\/]httpRequest\.js$/, 'httpRequest.js'],
  [/smithy[\\/]core[\\/]dist-es[\\/]submodules[\\/]schema[\\/]middleware[\\/]getSchemaSerdePlugin\.js$/, 'schemaSerde.js'],
  [/smithy[\\/]core[\\/]dist-es[\\/]submodules[\\/]endpoints[\\/]middleware-endpoint[\\/]endpointMiddleware\.js$/, 'endpointMiddleware.js'],
  [/smithy[\\/]core[\\/]dist-es[\\/]submodules[\\/]retry[\\/]middleware-retry[\\/]configurations\.js$/, 'retryConfig.js'],
  [/smithy[\\/]core[\\/]dist-es[\\/]submodules[\\/]client[\\/]smithy-client[\\/]client\.js$/, 'client.js'],
  [/aws-sdk[\\/]core[\\/]dist-es[\\/]submodules[\\/]client[\\/]middleware-user-agent[\\/]configurations\.js$/, 'userAgentConfig.js'],
];

/** Points a resolved module at `file`, under one identity however many originals map to it. */
const replaceWith = (file) => (resolved) => {
  if (!resolved.createData) return;
  resolved.createData.resource = file;
  resolved.createData.request = file;
  resolved.createData.userRequest = file;
  // A stand-in's own imports resolve from where it is, not from the module it replaces.
  resolved.createData.context = path.dirname(file);
};

/** What both builds share: TypeScript, and the AWS SDK with the parts the Participant client never runs stubbed. */
const common = (argv) => ({
  mode: argv.mode || 'production',
  target: ['web', 'es2020'],
  devtool: 'source-map',
  resolve: {
    extensions: ['.ts', '.js'],
    extensionAlias: { '.js': ['.ts', '.js'] },
    // Parts of the AWS SDK the Participant Service never uses (see each stub for why).
    alias: {
      '@smithy/core/event-streams$': stub('eventStreams.js'),
      '@smithy/signature-v4$': stub('signatureV4.js'),
      '@aws-crypto/sha256-browser$': stub('signatureV4.js'),
    },
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
  // One file each: the AWS SDK's lazily imported modules are folded in.
  plugins: [
    new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
    ...SDK_FILE_STUBS.map(([file, name]) => new webpack.NormalModuleReplacementPlugin(file, replaceWith(stub(name)))),
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

/**
 * The AWS SDK values the client runs (src/client/sdk.ts), prebuilt as one ES module that replaces what tsc
 * wrote at dist/esm/client/sdk.js: apps that bundle the ES module build get the lean client without any
 * bundler setup of their own (webpack, esbuild, Vite and Rollup alike).
 */
const esmClientSdk = (argv) => ({
  ...common(argv),
  name: 'esm-client-sdk',
  entry: './src/client/sdk.ts',
  output: {
    path: path.resolve(__dirname, 'dist/esm/client'),
    filename: 'sdk.js',
    library: { type: 'module' },
    clean: false,
  },
  experiments: { outputModule: true },
});

module.exports = (env, argv) => [scriptTag(argv), esmClientSdk(argv)];
