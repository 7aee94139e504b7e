// Projects: unit (jsdom, fakes and fake timers), integration (node, real emulator over HTTP and
// websockets), e2e (node driving headless Chromium) and e2e-firefox (the engine-dependent e2e tests again,
// in the Firefox installed on the machine; registered only when one is found).
//
// How `npm test` runs them (scripts/test.js; each stage is an npm script that also runs alone):
//   at once          typecheck, build, unit (`npm run test:unit`, needs no build: it tests src/)
//   after the build  integration (`test:integration`: the relay examples and the CLI run the built package),
//                    e2e + e2e-firefox in one jest run (`test:e2e`)
//   after typecheck  types, docs (they need the build too; after typecheck so that fewer compilers run at once)
// Worker counts are set in those scripts, for a 2-core machine: the integration files mostly wait on real
// time (outages, retry schedules), so 3 workers run them side by side for little CPU; e2e gets 3, one of which
// spends minutes in package.install (npm pack with its builds, installs, two bundlers) while two drive the
// browsers. The sequencer below starts the slowest files first, also where jest has no recorded durations.
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
  testSequencer: '<rootDir>/test/support/setup/slowFirstSequencer.js',
  // A guard against hangs, not a speed check: on a loaded 2-core machine a simulated hour of fake timers or a
  // burst of real requests can pass jest's 5 s default without anything being wrong. (A global option: jest
  // ignores it inside a project.)
  testTimeout: 20_000,
  // Time a worker has, once told to end, until jest sees it exit (default 500 ms). That includes Node tearing down
  // the worker's heap, which on a loaded 2-core machine takes 300–500 ms for an e2e worker's 300–500 MB heap (most
  // of it garbage): the 500 ms ran out with nothing left open, and jest called that a leak. A worker that really
  // holds a handle never exits, so a leak is still reported, 3 s later. (A global option.)
  workerGracefulExitTimeout: 3_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
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
