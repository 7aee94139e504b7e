// examples/bundler-app: `import 'amazon-connect-chatjs'` plus a typed named import, compiled by ts-loader
// and bundled by webpack with the package resolved by name. The build must pick the ES module build
// through package.json `exports` (with the package's own Participant client), and the bundled page must chat
// with the emulator.
import * as path from 'path';
import { testId, type TestPage } from '../support/browser/engine';
import { startExampleWorld, type ExampleWorld } from '../support/browser/examplePages';

// The webpack + ts-loader build in beforeAll can take over a minute on a loaded 2-core machine (both engine
// projects build it, next to the package-install test that packs and bundles too).
jest.setTimeout(180_000);

interface BuildStats {
  modules?: Array<{ name?: string; identifier?: string; modules?: Array<{ name?: string; identifier?: string }> }>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { build, REPO_ROOT } = require('../../examples/bundler-app/build.js') as { build(): Promise<BuildStats>; REPO_ROOT: string };

let stats: BuildStats;
let world: ExampleWorld;
let page: TestPage;

/** Every bundled file, as a path relative to the repository root (concatenated modules flattened).
 * Identifiers look like `javascript/esm|/abs/file.js` or `/abs/file.js|hash`. */
function bundledFiles(): string[] {
  const all = (stats.modules ?? []).flatMap((module) => [module, ...(module.modules ?? [])]);
  return all
    .map((module) => (module.identifier ?? '').split(/[!|]/).filter((part) => path.isAbsolute(part)).pop())
    .filter((file): file is string => file !== undefined)
    .map((file) => path.relative(REPO_ROOT, file).split(path.sep).join('/'));
}

beforeAll(async () => {
  stats = await build();
  world = await startExampleWorld({ bot: 'echo' });
  page = await world.open('/examples/bundler-app/index.html', 'bundler-app');
});

afterAll(() => world?.close());

it('resolves the package by name to the ES module build (the `import` condition of exports)', () => {
  const files = bundledFiles();
  expect(files).toContain('dist/esm/index.js');
  expect(files).toContain('examples/bundler-app/src/main.ts');
  expect(files.filter((file) => file.startsWith('dist/cjs/') || file === 'dist/amazon-connect-chat.js')).toEqual([]);
});

it('gets the package’s own Participant client of the ES module build, no AWS SDK code from node_modules', () => {
  const files = bundledFiles();
  expect(files).toContain('dist/esm/client/fetchSdk/client.js');
  expect(files.filter((file) => /^node_modules\/@(aws-sdk|smithy)\//.test(file))).toEqual([]);
});

it('runs: the global is the imported ChatSession, and the session chats with the echo bot', async () => {
  await page.waitFor(testId('status', 'connected'), { timeout: 15_000 });
  expect(await page.text(testId('same-global'))).toBe('true');
  await page.waitFor(testId('message', 'Echo: hello from the bundle'), { timeout: 15_000 });
  expect(await page.texts(testId('message'))).toEqual(['Bundled app: hello from the bundle', 'Echo Bot: Echo: hello from the bundle']);
  expect(world.problems).toEqual([]);
});
