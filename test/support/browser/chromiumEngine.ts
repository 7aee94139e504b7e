// The Chromium side of the e2e page API: playwright-core on @sparticuz/chromium (see ./browser).
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import type { Query } from './domQuery';
import type { FileToPick, RequestSeen, TestBrowser, WaitOptions } from './engine';
import { DEFAULT_TIMEOUT_MS, EnginePage } from './enginePage';

class ChromiumPage extends EnginePage {
  readonly engine = 'chromium' as const;

  constructor(protected readonly driver: Page) {
    super();
    driver.on('pageerror', (error) => this.recordProblem('error', error.message));
    driver.on('dialog', (dialog) => {
      this.recordProblem('dialog', dialog.message());
      void dialog.dismiss();
    });
    driver.on('console', (message) => this.consoleMessages.push(message.text()));
  }

  /** With runBeforeUnload, playwright's close runs the page's unload steps and resolves before the page is gone. */
  protected override async untilGone(): Promise<void> {
    if (!this.driver.isClosed()) await this.driver.waitForEvent('close');
  }

  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.driver.evaluate(fn as (arg: unknown) => R | Promise<R>, arg);
  }

  async waitForFunction<A = undefined>(fn: (arg: A) => unknown, arg?: A, options: WaitOptions = {}): Promise<unknown> {
    const handle = await this.driver.waitForFunction(fn as (arg: unknown) => unknown, arg, { timeout: options.timeout ?? DEFAULT_TIMEOUT_MS, polling: options.polling ?? 100 });
    return handle.jsonValue();
  }

  async click(query: Query): Promise<void> {
    await this.locate(query).click({ timeout: DEFAULT_TIMEOUT_MS });
  }

  async type(query: Query, text: string): Promise<void> {
    await this.locate(query).pressSequentially(text, { timeout: DEFAULT_TIMEOUT_MS });
  }

  async setInputFile(query: Query, file: FileToPick): Promise<void> {
    await this.locate(query).setInputFiles({ name: file.name, mimeType: file.mimeType, buffer: Buffer.from(file.body) });
  }

  onRequest(listener: (request: RequestSeen) => void): void {
    this.driver.on('request', (request) => listener({ url: request.url(), method: request.method(), headers: request.headers() }));
  }

  setOffline(offline: boolean): Promise<void> {
    return this.driver.context().setOffline(offline);
  }

  /** The same matches as domQuery: playwright's hasText is also a case-insensitive substring. */
  private locate(query: Query): Locator {
    let locator = this.driver.locator(query.css);
    if (query.hasText !== undefined) locator = locator.filter({ hasText: query.hasText });
    if (query.child !== undefined) locator = locator.locator(query.child);
    return locator.first();
  }
}

export async function launchChromium(): Promise<TestBrowser> {
  const browser: Browser = await launchBrowser();
  return {
    engine: 'chromium',
    async newPage() {
      return new ChromiumPage(await (await browser.newContext()).newPage());
    },
    async newContext() {
      const context = await browser.newContext();
      return { newPage: async () => new ChromiumPage(await context.newPage()) };
    },
    close: () => browser.close(),
  };
}
