// What both engines' pages share: reading and waiting on elements through the in-page domQuery, typing
// a value in at once, and catching downloads in the page. Each driver adds navigation, script
// evaluation and the real input events (clicks, keys, file picking).
import { domQuery, type DomOperation, type Query } from './domQuery';
import type { EngineName, FileToPick, RequestSeen, TestPage, WaitOptions } from './engine';

export const DEFAULT_TIMEOUT_MS = 10_000;

/** What playwright's and puppeteer's pages offer alike, used as is. */
export interface DriverPage {
  goto(url: string): Promise<unknown>;
  reload(): Promise<unknown>;
  screenshot(options: { path: string }): Promise<unknown>;
  close(options: { runBeforeUnload: boolean }): Promise<void>;
}

export abstract class EnginePage implements TestPage {
  readonly problems: string[] = [];
  readonly consoleMessages: string[] = [];

  abstract readonly engine: EngineName;
  protected abstract readonly driver: DriverPage;
  abstract evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  abstract waitForFunction<A = undefined>(fn: (arg: A) => unknown, arg?: A, options?: WaitOptions): Promise<unknown>;
  abstract click(query: Query): Promise<void>;
  abstract type(query: Query, text: string): Promise<void>;
  abstract setInputFile(query: Query, file: FileToPick): Promise<void>;
  abstract onRequest(listener: (request: RequestSeen) => void): void;
  abstract setOffline(offline: boolean): Promise<void>;

  async goto(url: string): Promise<void> {
    await this.driver.goto(url);
  }

  async reload(): Promise<void> {
    await this.driver.reload();
  }

  async screenshot(file: string): Promise<void> {
    await this.driver.screenshot({ path: file });
  }

  /** As a person closes a tab: the page's unload handlers run. */
  async close(): Promise<void> {
    await this.driver.close({ runBeforeUnload: true });
    await this.untilGone();
  }

  /** Where a driver's close resolves while the unload steps still run, waits until the page is gone. */
  protected async untilGone(): Promise<void> {}

  protected query<R>(query: Query, operation: DomOperation): Promise<R> {
    return this.evaluate(domQuery, { query, operation }) as Promise<R>;
  }

  async waitFor(query: Query, options: { state?: 'visible' | 'hidden' | 'attached'; timeout?: number } = {}): Promise<void> {
    const operation: DomOperation = { op: 'state', state: options.state ?? 'visible' };
    try {
      await this.waitForFunction(domQuery, { query, operation }, { timeout: options.timeout ?? DEFAULT_TIMEOUT_MS });
    } catch (error) {
      // The driver's own timeout message does not say what was awaited.
      throw new Error(`${this.engine}: ${JSON.stringify(query)} did not become ${operation.state}: ${(error as Error).message}`);
    }
  }

  texts(query: Query): Promise<string[]> {
    return this.query(query, { op: 'texts' });
  }

  async text(query: Query): Promise<string | null> {
    return (await this.texts(query))[0] ?? null;
  }

  count(query: Query): Promise<number> {
    return this.query(query, { op: 'count' });
  }

  attribute(query: Query, name: string): Promise<string | null> {
    return this.query(query, { op: 'attribute', name });
  }

  isVisible(query: Query): Promise<boolean> {
    return this.query(query, { op: 'visible' });
  }

  isDisabled(query: Query): Promise<boolean> {
    return this.query(query, { op: 'disabled' });
  }

  async fill(query: Query, value: string): Promise<void> {
    await this.query(query, { op: 'fill', value });
  }

  /** The examples save a download by clicking an `<a download href="blob:…">`; the file is read back from
   * that blob in the page, which both engines allow, instead of from each browser's download folder. */
  async download(query: Query): Promise<{ file: string; text: string }> {
    await this.evaluate(catchBlobDownloads);
    const before = await this.evaluate(() => (window as unknown as CaughtDownloads).__e2eDownloads.length);
    await this.click(query);
    await this.waitForFunction((count) => (window as unknown as CaughtDownloads).__e2eDownloads.length > count, before, { timeout: DEFAULT_TIMEOUT_MS });
    return this.evaluate((index) => (window as unknown as CaughtDownloads).__e2eDownloads[index], before);
  }

  protected recordProblem(kind: 'error' | 'dialog', message: string): void {
    this.problems.push(`${kind}: ${message}`);
  }
}

interface CaughtDownloads {
  __e2eDownloads: Array<Promise<{ file: string; text: string }>>;
}

/** Runs in the page (self-contained): blob downloads are read instead of saved; any other click is as before. */
function catchBlobDownloads(): void {
  const w = window as unknown as CaughtDownloads;
  if (w.__e2eDownloads) return;
  w.__e2eDownloads = [];
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function clickOrCatch(this: HTMLAnchorElement) {
    if (!this.hasAttribute('download') || !this.href.startsWith('blob:')) return click.call(this);
    const file = this.download;
    w.__e2eDownloads.push(fetch(this.href).then(async (response) => ({ file, text: await response.text() })));
  };
}
