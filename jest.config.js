// Projects: unit (jsdom, fakes and fake timers), integration (node, real emulator over HTTP and
// websockets), e2e (node driving headless Chromium) and e2e-firefox (the engine-dependent e2e tests again,
// in the Firefox installed on the machine; registered only when one is found). `npm test` runs unit,
// integration and e2e one after another; the two e2e projects share one jest run, in parallel.
const { findFirefox } = require('./test/support/browser/firefox');

const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: 'test/tsconfig.jest.json' }],
};
// The emulator package is tested from its source, so no build is needed between an edit and a test run.
const moduleNameMapper = {
  '^(\\.{1,2}/.*)\\.js$': '$1',
  '^amazon-connect-chatjs-emulator$': '<rootDir>/emulator/src/index.ts',
  '^amazon-connect-chatjs-emulator/cli$': '<rootDir>/emulator/src/cli.ts',
};
const common = {
  transform,
  moduleNameMapper,
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFilesAfterEnv: ['<rootDir>/test/support/setup/failOnUnhandledRejection.ts'],
  // A guard against hangs, not a speed check: on a loaded 2-core machine a simulated hour of fake timers or a
  // burst of real requests can pass jest's 5 s default without anything being wrong.
  testTimeout: 20_000,
};

// The optional Opus decoder of Node voice notes ships as ES modules only; the integration tests load it
// through jest's CommonJS module system, so it is compiled like the tests are.
const ESM_PACKAGES = ['opus-decoder', '@wasm-audio-decoders/common', 'simple-yenc'];
const esmTransform = {
  [`node_modules/(${ESM_PACKAGES.join('|')})/.+\\.js$`]: ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', target: 'es2020' } }],
};

// The e2e tests whose outcome depends on the browser engine: they run in Chromium and Firefox alike,
// through test/support/browser/engine.ts. Add a file here when it is written against that helper.
const ENGINE_DEPENDENT_TESTS = [
  'bundle.global', // the script tag
  'examples.bundler', // the bundler app
  'examples.chat', // chat both ways, attachments with progress
  'examples.connection', // the outage banner and recovery
  'examples.refresh', // resuming after a reload
  'examples.tabs', // one chat in three pages of one profile, hand-over, reload paint, leave on close
  'examples.outbox', // messages typed during an outage, and a reload in the middle of one
  'examples.xss', // hostile content rendered as text
  'bundle.voiceNote', // a recorded voice note converted to WAV
  'bundle.csp', // strict CSP with metrics on
  'examples.contactCenter', // the widget through the demo flow: interactive templates, queue, agent, timeouts
  'engine.helper', // the helper's own promises (problems, downloads, requests)
  'emulatorCcp.embedder', // the emulated CCP finds its embedder (Firefox has no location.ancestorOrigins)
].map((name) => `<rootDir>/test/e2e/${name}.test.ts`);

const e2e = { ...common, testEnvironment: 'node' };
const firefoxProject = { ...e2e, displayName: 'e2e-firefox', testMatch: ENGINE_DEPENDENT_TESTS, globals: { E2E_ENGINE: 'firefox' } };

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
      // The script-tag bundle's stand-ins for AWS SDK modules are plain ES modules.
      transform: { ...transform, '/scripts/stubs/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', target: 'es2020' } }] },
    },
    {
      ...common,
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      transform: { ...transform, ...esmTransform },
      transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
      setupFiles: ['<rootDir>/test/support/setup/nodeGlobals.ts'],
    },
    {
      ...e2e,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/browser/reportMissingFirefox.js',
    },
    ...(findFirefox() ? [firefoxProject] : []),
  ],
};
