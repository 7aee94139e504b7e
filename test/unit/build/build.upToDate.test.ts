/**
 * @jest-environment node
 */
// scripts/build.js skips an artefact whose outputs are all newer than all of its inputs, so a second
// `npm start` does not rebuild what did not change. Checked on files in a temporary folder with set times.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { isUpToDate, ARTEFACTS } = require('../../../scripts/build.js') as {
  isUpToDate(artefact: { inputs(): string[]; outputs(): string[] }): boolean;
  ARTEFACTS: Record<string, { inputs(): string[]; outputs(): string[] }>;
};

let dir: string;
const file = (name: string, secondsSinceEpoch: number): string => {
  const target = path.join(dir, name);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, name);
  fs.utimesSync(target, secondsSinceEpoch, secondsSinceEpoch);
  return target;
};

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'build-check-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('isUpToDate', () => {
  it('is true when every output is newer than the newest input, walking input folders', () => {
    file('src/a.ts', 1000);
    file('src/deep/b.ts', 2000);
    fs.utimesSync(path.join(dir, 'src', 'deep'), 2000, 2000);
    fs.utimesSync(path.join(dir, 'src'), 2000, 2000);
    const out = file('dist/out.js', 3000);
    expect(isUpToDate({ inputs: () => [path.join(dir, 'src')], outputs: () => [out] })).toBe(true);
  });

  it('is false when an input file deep in a folder changed after the outputs were made', () => {
    file('src/a.ts', 1000);
    const out = file('dist/out.js', 3000);
    file('src/deep/b.ts', 4000);
    expect(isUpToDate({ inputs: () => [path.join(dir, 'src')], outputs: () => [out] })).toBe(false);
  });

  it('is false when one output is missing or older than an input', () => {
    const input = file('src/a.ts', 2000);
    const fresh = file('dist/fresh.js', 3000);
    const stale = file('dist/stale.js', 1000);
    expect(isUpToDate({ inputs: () => [input], outputs: () => [fresh, stale] })).toBe(false);
    expect(isUpToDate({ inputs: () => [input], outputs: () => [fresh, path.join(dir, 'dist', 'missing.js')] })).toBe(false);
    expect(isUpToDate({ inputs: () => [input, path.join(dir, 'no-such-input')], outputs: () => [fresh] })).toBe(true);
  });

  it('knows the three artefacts, and the SDK follows its sources and the lockfile', () => {
    expect(Object.keys(ARTEFACTS)).toEqual(['sdk', 'emulator', 'examples']);
    const sdkInputs = ARTEFACTS.sdk.inputs().map((input) => path.basename(input));
    expect(sdkInputs).toEqual(expect.arrayContaining(['src', 'package-lock.json', 'webpack.config.js']));
    expect(ARTEFACTS.examples.inputs().some((input) => input.endsWith(path.join('dist', 'esm')))).toBe(true);
  });
});
