// A page that loads the built script-tag bundle, served from http://localhost (another origin than the
// emulator) next to extra files, opened in headless Chromium with an emulator to talk to.
import { readFileSync } from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { startTestEmulator, type TestEmulator } from '../../integration/helpers/emulator';
import { launchBrowser } from './browser';
import { startPageServer, type PageServer } from './pageServer';

export const BUNDLE_PATH = path.join(__dirname, '../../../dist/amazon-connect-chat.js');

export interface BundlePage {
  emulator: TestEmulator;
  page: Page;
  /** Messages of uncaught errors in the page. */
  pageErrors: string[];
  close(): Promise<void>;
}

/** `html` is served at `/`, the bundle at `/amazon-connect-chat.js`, and `scripts` (path → source) beside them. */
export async function openBundlePage(html: string, scripts: Record<string, string> = {}): Promise<BundlePage> {
  const emulator = await startTestEmulator();
  let pages: PageServer | undefined;
  let browser: Browser | undefined;
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
    Object.entries(scripts).forEach(([route, source]) => (routes[route] = ['text/javascript', source]));
    pages = await startPageServer(routes);
    browser = await launchBrowser();
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${pages.origin}/`);
    return { emulator, page, pageErrors, close };
  } catch (error) {
    await close();
    throw error;
  }
}
