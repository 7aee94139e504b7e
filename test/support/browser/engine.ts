// The e2e browser helper: one small page API over the two engines the suite runs in, so a test is
// written once and runs in each. Which engine a test file gets is decided by its jest project:
//   - `e2e`          Chromium: @sparticuz/chromium's binary driven by playwright-core (every e2e test);
//   - `e2e-firefox`  Firefox ESR found on the machine, driven by puppeteer-core over WebDriver BiDi
//                    (the tests listed in ENGINE_DEPENDENT_TESTS of jest.config.js; registered only when
//                    Firefox is installed, see firefox.js beside this file).
// To run a new test in both engines: write it against this API and add its file to that list.
//
// API (everything a test needs; nothing engine-specific leaks out):
//   E2E_ENGINE                      'chromium' | 'firefox': the engine of the running project (for messages only;
//                                   a test must not branch on it: fix the SDK or the example instead)
//   launchEngineBrowser()           → TestBrowser { engine, newPage(), newContext(), close() }; each newPage()
//                                   opens in a fresh browser context (own storage, own cookies);
//                                   newContext() → { newPage() }: pages of one profile (tabs of one person)
//   testId(id, hasText?)            → Query for [data-testid="id"]; `css(selector, hasText?)` for any selector;
//                                   a Query `{ css, hasText?, child? }` narrows to a descendant with `child`
//   TestPage:
//     goto(url), reload(), screenshot(file)   (a PNG of the visible page, for docs)
//     close()  closes the page as a person closes a tab (unload handlers run)
//     evaluate(fn, arg?)            runs fn(arg) in the page, resolves its (JSON-serializable) result
//     waitForFunction(fn, arg?, { timeout?, polling? })   until fn(arg) is truthy; resolves its value
//     waitFor(query, { state?: 'visible' | 'hidden' | 'attached', timeout? })   default state 'visible'
//     texts(query), text(query), count(query), attribute(query, name), isVisible(query), isDisabled(query)
//     click(query)                  a real mouse click on the first match (user activation, as a person)
//     fill(query, value)            sets an input's value with one input event (pasting)
//     type(query, text)             real key presses, one per character
//     setInputFile(query, { name, mimeType, body })   picks a file in an <input type=file>
//     download(query)               clicks, and resolves the { file, text } the page hands over as an
//                                   <a download> of a blob: URL (read in the page, not from the disk)
//     onRequest(listener)           every HTTP request the page makes: { url, method, headers }
//     setOffline(offline)           the browser's offline mode for this page: navigator.onLine follows and
//                                   the page gets `offline` / `online` events; requests fail while offline
//     problems                      uncaught page errors ("error: …") and dialogs ("dialog: …", each
//                                   dismissed): tests expect it to stay empty
//     consoleMessages               console output of the page, as text
//   Timeouts are in ms; default 10 s for waits.
// Chromium-only tests (CDP, playwright routes, downloads through the browser) keep using
// `launchBrowser()` of ./browser (playwright's own API).
import type { Query } from './domQuery';

export type { Query } from './domQuery';
export type EngineName = 'chromium' | 'firefox';

export const E2E_ENGINE: EngineName = (globalThis as { E2E_ENGINE?: EngineName }).E2E_ENGINE ?? 'chromium';

export interface WaitOptions {
  timeout?: number;
  polling?: number;
}

export interface RequestSeen {
  url: string;
  method: string;
  headers: Record<string, string>;
}

export interface FileToPick {
  name: string;
  mimeType: string;
  body: string | Buffer;
}

export interface TestPage {
  readonly engine: EngineName;
  readonly problems: string[];
  readonly consoleMessages: string[];
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** Saves a PNG of the visible page at `file` (docs screenshots). */
  screenshot(file: string): Promise<void>;
  close(): Promise<void>;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  waitForFunction<A = undefined>(fn: (arg: A) => unknown, arg?: A, options?: WaitOptions): Promise<unknown>;
  waitFor(query: Query, options?: { state?: 'visible' | 'hidden' | 'attached'; timeout?: number }): Promise<void>;
  texts(query: Query): Promise<string[]>;
  text(query: Query): Promise<string | null>;
  count(query: Query): Promise<number>;
  attribute(query: Query, name: string): Promise<string | null>;
  isVisible(query: Query): Promise<boolean>;
  isDisabled(query: Query): Promise<boolean>;
  click(query: Query): Promise<void>;
  fill(query: Query, value: string): Promise<void>;
  type(query: Query, text: string): Promise<void>;
  setInputFile(query: Query, file: FileToPick): Promise<void>;
  download(query: Query): Promise<{ file: string; text: string }>;
  onRequest(listener: (request: RequestSeen) => void): void;
  setOffline(offline: boolean): Promise<void>;
}

/** One browser context: its pages share storage, Web Locks and BroadcastChannels, as tabs of one profile. */
export interface TestContext {
  newPage(): Promise<TestPage>;
}

export interface TestBrowser {
  readonly engine: EngineName;
  newPage(): Promise<TestPage>;
  newContext(): Promise<TestContext>;
  close(): Promise<void>;
}

export const css = (selector: string, hasText?: string): Query => ({ css: selector, hasText });
export const testId = (id: string, hasText?: string): Query => css(`[data-testid="${id}"]`, hasText);

/** The browser of the running project's engine. */
export async function launchEngineBrowser(): Promise<TestBrowser> {
  /* eslint-disable @typescript-eslint/no-require-imports -- load only the driver the project uses */
  if (E2E_ENGINE === 'firefox') return (require('./firefoxEngine') as typeof import('./firefoxEngine')).launchFirefox();
  return (require('./chromiumEngine') as typeof import('./chromiumEngine')).launchChromium();
}
