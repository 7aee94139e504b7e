// The examples' setup for Chromium-only tests that need playwright's own API (browser contexts, routes,
// locators), such as the Streams custom-CCP tests: an emulator that serves the example pages itself, a headless
// Chromium, and the customer-widget steps. Tests that run in every engine use ./examplePages instead.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { EmulatorOptions } from 'amazon-connect-chatjs-emulator';
import { startTestEmulator, type TestEmulator } from '../emulator/testEmulator';
import { launchBrowser } from './browser';

export interface PlaywrightWorld {
  emulator: TestEmulator;
  browser: Browser;
  /** Every page error and dialog seen, per page label: tests expect them to stay empty. */
  problems: string[];
  open(path: string, label: string, context?: BrowserContext): Promise<Page>;
  close(): Promise<void>;
}

/** No bot by default: the tests act as the agent. */
export async function startPlaywrightWorld(options: EmulatorOptions = {}): Promise<PlaywrightWorld> {
  const emulator = await startTestEmulator({ botDelayMs: 20, ...options });
  const browser = await launchBrowser();
  const problems: string[] = [];
  return {
    emulator,
    browser,
    problems,
    async open(path, label, context) {
      const page = await (context ?? (await browser.newContext())).newPage();
      page.on('pageerror', (error) => problems.push(`${label}: ${error.message}`));
      page.on('dialog', (dialog) => {
        problems.push(`${label}: dialog ${dialog.message()}`);
        void dialog.dismiss();
      });
      await page.goto(`${emulator.url}${path}`);
      return page;
    },
    async close() {
      await browser?.close();
      await emulator?.close();
    },
  };
}

/**
 * The world of a test file, started before its first test and closed after its last. After each test every
 * browser context closes (no page of one test, such as a signed-in agent offered chats, lives on into the
 * next), then `afterEachTest` runs its checks. The returned world is usable from the first test on.
 */
export function usePlaywrightWorld(afterEachTest?: (world: PlaywrightWorld) => void | Promise<void>, options: EmulatorOptions = {}): PlaywrightWorld {
  let started: PlaywrightWorld | undefined;
  const current = (): PlaywrightWorld => {
    if (!started) throw new Error('usePlaywrightWorld: the world starts in beforeAll, use it inside a test');
    return started;
  };
  beforeAll(async () => {
    started = await startPlaywrightWorld(options);
  });
  afterAll(async () => {
    await started?.close();
  });
  afterEach(async () => {
    if (!started) return;
    await Promise.all(started.browser.contexts().map((context) => context.close()));
    await afterEachTest?.(started);
  });
  return {
    get emulator() {
      return current().emulator;
    },
    get browser() {
      return current().browser;
    },
    get problems() {
      return current().problems;
    },
    open: (path, label, context) => current().open(path, label, context),
    close: () => current().close(),
  };
}

/** Starts a chat from the customer widget; resolves the contact id it stored for a refresh. */
export async function startCustomerChat(page: Page, name = 'Ana'): Promise<string> {
  await page.getByTestId('display-name').fill(name);
  await page.getByTestId('start-chat').click();
  await page.getByTestId('status').filter({ hasText: 'Connected' }).waitFor();
  return page.evaluate(() => JSON.parse(sessionStorage.getItem('amazon-connect-chat-example:customer') ?? '{}').contactId as string);
}

/** Joins `contactId` from the agent console. */
export async function joinAsAgent(page: Page, contactId: string): Promise<void> {
  const row = page.locator(`[data-testid="contact-row"][data-contact-id="${contactId}"]`);
  await row.getByTestId('join-contact').click();
  await page.getByTestId('status').filter({ hasText: 'Chatting' }).waitFor();
}

export async function send(page: Page, text: string): Promise<void> {
  await page.getByTestId('composer-input').fill(text);
  await page.getByTestId('send-button').click();
}

/** The bodies of the messages shown, in order. */
export function messageTexts(page: Page): Promise<string[]> {
  return page.getByTestId('message-body').allTextContents();
}
