// The Firefox side of the e2e page API: the Firefox installed on the machine (Debian's firefox-esr)
// driven by puppeteer-core over WebDriver BiDi. Nothing is downloaded: no Firefox, no driver.
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import puppeteer, { type Browser, type BrowserContext, type ElementHandle, type Page } from 'puppeteer-core';
import { domQuery, type DomOperation, type Query } from './domQuery';
import type { FileToPick, RequestSeen, TestBrowser, WaitOptions } from './engine';
import { DEFAULT_TIMEOUT_MS, EnginePage } from './enginePage';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { findFirefox } = require('./firefox') as { findFirefox(): string | undefined };

/** A machine without a sound card (CI, containers) never lets an AudioContext run: a mock audio device
 * does, for the pages that record a voice note. (The SDK itself converts with OfflineAudioContext.) */
const FIREFOX_PREFS = { 'media.cubeb.force_mock_context': true };

/** Runs in each new document before its scripts (self-contained). */
function reportUncaughtErrors(): void {
  const report = (message: string): void => (window as unknown as { __e2eUncaught(message: string): void }).__e2eUncaught(message);
  window.addEventListener('error', (event) => report(event.message));
  window.addEventListener('unhandledrejection', (event) => report(`Uncaught (in promise) ${event.reason instanceof Error ? event.reason.message : String(event.reason)}`));
}

class FirefoxPage extends EnginePage {
  readonly engine = 'firefox' as const;

  private constructor(
    protected readonly driver: Page,
    private readonly tempDirs: string[],
  ) {
    super();
    driver.on('dialog', (dialog) => {
      this.recordProblem('dialog', dialog.message());
      void dialog.dismiss();
    });
    driver.on('console', (message) => this.consoleMessages.push(message.text()));
    // Firefox reports its own network and CSP notices (a refused websocket, a blocked inline script) as
    // page errors over BiDi, where Chromium logs them to the console: keep them with the console output.
    driver.on('pageerror', (error) => this.consoleMessages.push(error instanceof Error ? error.message : String(error)));
  }

  /** Uncaught errors are taken from the page's own `error` and `unhandledrejection` events instead. */
  static async open(context: BrowserContext, tempDirs: string[]): Promise<FirefoxPage> {
    // A window per page, not a tab: a background tab is hidden, and the examples send read receipts only
    // while visible (as for a person, each test page stands for someone's browser in front of them).
    const page = await context.newPage({ type: 'window' });
    const created = new FirefoxPage(page, tempDirs);
    await page.exposeFunction('__e2eUncaught', (message: string) => created.recordProblem('error', message));
    await page.evaluateOnNewDocument(reportUncaughtErrors);
    return created;
  }

  /** The result travels as JSON text: puppeteer's BiDi decoding loses an object that appears twice in it. */
  async evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    const argument = arg === undefined ? '' : JSON.stringify(arg);
    const json = await this.driver.evaluate(`(async () => JSON.stringify(await (${fn.toString()})(${argument})))()`);
    return (json === undefined ? undefined : JSON.parse(json as string)) as R;
  }

  async waitForFunction<A = undefined>(fn: (arg: A) => unknown, arg?: A, options: WaitOptions = {}): Promise<unknown> {
    const handle = await this.driver.waitForFunction(fn as (arg: unknown) => unknown, { timeout: options.timeout ?? DEFAULT_TIMEOUT_MS, polling: options.polling ?? 100 }, arg);
    return handle.jsonValue();
  }

  async click(query: Query): Promise<void> {
    await (await this.visibleElement(query)).click();
  }

  async type(query: Query, text: string): Promise<void> {
    await (await this.visibleElement(query)).type(text);
  }

  /** Firefox names the file's type from its extension: `mimeType` must agree with `name`. */
  async setInputFile(query: Query, file: FileToPick): Promise<void> {
    const dir = mkdtempSync(path.join(tmpdir(), 'e2e-file-'));
    this.tempDirs.push(dir);
    const filePath = path.join(dir, file.name);
    writeFileSync(filePath, file.body);
    await this.waitFor(query, { state: 'attached' });
    await ((await this.element(query)) as ElementHandle<HTMLInputElement>).uploadFile(filePath);
  }

  onRequest(listener: (request: RequestSeen) => void): void {
    this.driver.on('request', (request) => listener({ url: request.url(), method: request.method(), headers: request.headers() }));
  }

  setOffline(offline: boolean): Promise<void> {
    return this.driver.setOfflineMode(offline);
  }

  /** Waits as playwright does before acting: the element is there and visible. */
  private async visibleElement(query: Query): Promise<ElementHandle<Element>> {
    await this.waitFor(query);
    return this.element(query);
  }

  private async element(query: Query): Promise<ElementHandle<Element>> {
    const operation: DomOperation = { op: 'element' };
    const handle = (await this.driver.evaluateHandle(domQuery, { query, operation })).asElement();
    if (!handle) throw new Error(`firefox: nothing matches ${JSON.stringify(query)}`);
    return handle as ElementHandle<Element>;
  }
}

export async function launchFirefox(): Promise<TestBrowser> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error('Firefox not found: install firefox-esr or set FIREFOX_PATH (jest.config.js registers the Firefox project only when it is found)');
  const tempDirs: string[] = [];
  const browser: Browser = await puppeteer.launch({ browser: 'firefox', executablePath, headless: true, extraPrefsFirefox: FIREFOX_PREFS });
  return {
    engine: 'firefox',
    newPage: async () => FirefoxPage.open(await browser.createBrowserContext(), tempDirs),
    async newContext() {
      const context = await browser.createBrowserContext();
      return { newPage: () => FirefoxPage.open(context, tempDirs) };
    },
    async close() {
      await browser.close();
      // The files picked by the pages are removed once Firefox, which reads them lazily, is gone.
      tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
    },
  };
}
