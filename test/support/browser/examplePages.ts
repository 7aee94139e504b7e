// Shared setup of the examples/ tests: an emulator that serves the example pages itself (its static
// routes, same origin as the API), a browser of the project's engine, and the steps every test repeats.
import type { EmulatorOptions } from 'amazon-connect-chatjs-emulator';
import { startTestEmulator, type TestEmulator } from '../emulator/testEmulator';
import { css, launchEngineBrowser, testId, type TestBrowser, type TestPage } from './engine';

export interface ExampleWorld {
  emulator: TestEmulator;
  browser: TestBrowser;
  /** Every page error and dialog seen, prefixed by the page's label: tests expect it to stay empty. */
  readonly problems: string[];
  /** Opens `path` of the emulator in a new page (own browser context). */
  open(path: string, label: string): Promise<TestPage>;
  close(): Promise<void>;
}

/** No bot by default: the tests act as the agent. */
export async function startExampleWorld(options: EmulatorOptions = {}): Promise<ExampleWorld> {
  const emulator = await startTestEmulator({ botDelayMs: 20, ...options });
  let browser: TestBrowser;
  try {
    browser = await launchEngineBrowser();
  } catch (error) {
    await emulator.close();
    throw error;
  }
  const pages: Array<{ label: string; page: TestPage }> = [];
  return {
    emulator,
    browser,
    get problems() {
      return pages.flatMap(({ label, page }) => page.problems.map((problem) => `${label}: ${problem}`));
    },
    async open(path, label) {
      const page = await browser.newPage();
      pages.push({ label, page });
      await page.goto(`${emulator.url}${path}`);
      return page;
    },
    async close() {
      await browser.close();
      await emulator.close();
    },
  };
}

/** Starts a chat from the customer widget; resolves the contact id it stored for a refresh. */
export async function startCustomerChat(page: TestPage, name = 'Ana'): Promise<string> {
  await page.fill(testId('display-name'), name);
  await page.click(testId('start-chat'));
  await page.waitFor(testId('status', 'Connected'));
  return page.evaluate(() => JSON.parse(sessionStorage.getItem('amazon-connect-chat-example:customer') ?? '{}').contactId as string);
}

/** Joins `contactId` from the agent console. */
export async function joinAsAgent(page: TestPage, contactId: string): Promise<void> {
  await page.click({ css: `[data-testid="contact-row"][data-contact-id="${contactId}"]`, child: '[data-testid="join-contact"]' });
  await page.waitFor(testId('status', 'Chatting'));
}

export async function send(page: TestPage, text: string): Promise<void> {
  await page.fill(testId('composer-input'), text);
  await page.click(testId('send-button'));
}

/** The bodies of the messages shown, in order. */
export function messageTexts(page: TestPage): Promise<string[]> {
  return page.texts(testId('message-body'));
}

/** A message of `page` containing `text`: `own` true for the page's own side, false for the other side. */
export const message = (text: string, own?: boolean): ReturnType<typeof css> =>
  css(own === undefined ? '[data-testid="message"]' : `[data-testid="message"][data-own="${own}"]`, text);
