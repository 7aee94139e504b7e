// Headless Chromium for end-to-end tests: @sparticuz/chromium's binary driven by playwright-core.
// (Never `npx playwright install`: the sparticuz build is what runs on this machine and in CI.)
import { Browser, chromium as playwrightChromium } from 'playwright-core';

interface SparticuzChromium {
  executablePath(): Promise<string>;
  args: string[];
}

/** `--single-process` makes several browser contexts misbehave; `--disable-web-security` would switch off
 * CORS, which the tests want enforced as in a real browser. */
const DROPPED_ARGS = new Set(['--single-process', '--disable-web-security']);

export async function launchBrowser(): Promise<Browser> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require('@sparticuz/chromium') as SparticuzChromium & { default?: SparticuzChromium };
  const chromium = loaded.default ?? loaded; // ESM-interop default under ts-jest, the class itself under plain node
  const executablePath = await chromium.executablePath();
  const args = chromium.args.filter((arg) => !DROPPED_ARGS.has(arg));
  const launch = () => playwrightChromium.launch({ executablePath, args, headless: true });
  // A browser that dies while starting (seen once as SIGSEGV on a loaded 2-core machine) is the machine's
  // trouble, not the test's: start it once more, and let a second failure fail the test.
  return launch().catch((error: unknown) => {
    process.stderr.write(`Chromium did not start (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); starting it again\n`);
    return launch();
  });
}
