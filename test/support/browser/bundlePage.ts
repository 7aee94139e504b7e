// A page that loads the built script-tag bundle, served from http://localhost (another origin than the
// emulator) next to extra files, opened in the project's browser engine with an emulator to talk to.
import { readFileSync } from 'fs';
import * as path from 'path';
import { startTestEmulator, type TestEmulator } from '../emulator/testEmulator';
import { launchEngineBrowser, type TestBrowser, type TestPage } from './engine';
import { startPageServer, type PageServer } from './pageServer';

export const BUNDLE_PATH = path.join(__dirname, '../../../dist/amazon-connect-chat.js');

export interface BundlePage {
  emulator: TestEmulator;
  page: TestPage;
  /** The server of the page, e.g. to tell the page's own requests from others. */
  origin: string;
  close(): Promise<void>;
}

/** `html` is served at `/`, the bundle at `/amazon-connect-chat.js`, and `files` (path → source) beside
 * them, as JavaScript unless given as [content type, body]; `headers` go on every response. */
export async function openBundlePage(
  html: string,
  files: Record<string, string | [string, string]> = {},
  headers: Record<string, string> = {},
): Promise<BundlePage> {
  const emulator = await startTestEmulator();
  let pages: PageServer | undefined;
  let browser: TestBrowser | undefined;
  const close = async (): Promise<void> => {
    await browser?.close();
    await pages?.close();
    await emulator.close();
  };
  try {
    const routes: Record<string, [string, string | Buffer]> = {
      '/': ['text/html', html],
      '/amazon-connect-chat.js': ['text/javascript', readFileSync(BUNDLE_PATH)],
    };
    Object.entries(files).forEach(([route, file]) => (routes[route] = typeof file === 'string' ? ['text/javascript', file] : file));
    pages = await startPageServer(routes, headers);
    browser = await launchEngineBrowser();
    const page = await browser.newPage();
    await page.goto(`${pages.origin}/`);
    return { emulator, page, origin: pages.origin, close };
  } catch (error) {
    await close();
    throw error;
  }
}
