// Three projects: unit (jsdom, fakes and fake timers), integration (node, real emulator over HTTP and
// websockets), e2e (node driving headless Chromium). `npm test` runs them one after another.
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
  setupFilesAfterEnv: ['<rootDir>/test/setup/failOnUnhandledRejection.ts'],
};

// The optional Opus decoder of Node voice notes ships as ES modules only; the integration tests load it
// through jest's CommonJS module system, so it is compiled like the tests are.
const ESM_PACKAGES = ['opus-decoder', '@wasm-audio-decoders/common', 'simple-yenc'];
const esmTransform = {
  [`node_modules/(${ESM_PACKAGES.join('|')})/.+\\.js$`]: ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', target: 'es2020' } }],
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testEnvironment: 'jsdom', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      transform: { ...transform, ...esmTransform },
      transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
      setupFiles: ['<rootDir>/test/setup/nodeGlobals.ts'],
    },
    { ...common, displayName: 'e2e', testEnvironment: 'node', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
  ],
};
