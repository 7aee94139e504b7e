// The Streams custom-CCP example (examples/agent-streams.html) driven as an agent would: real
// amazon-connect-streams in the page, the emulator's /ccp-v2/ as its CCP. `sdk: 'upstream'` swaps the
// page's SDK script for amazon-connect-chatjs 5.0.0's bundle, everything else unchanged.
import { readFileSync } from 'fs';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import { usePlaywrightWorld, type PlaywrightWorld } from './playwrightPages';

const UPSTREAM_BUNDLE = path.join(__dirname, '../../../node_modules/upstream-chatjs/dist/amazon-connect-chat.js');

export type SdkUnderTest = 'ours' | 'upstream';

/** Console errors of the Streams pages (and their CCP frames) since the last `takeConsoleErrors()`. */
const consoleErrors: string[] = [];

export function takeConsoleErrors(): string[] {
  return consoleErrors.splice(0);
}

/** The world of a Streams test file (see usePlaywrightWorld): after each test, no page error, dialog or
 * console error of any page may be left. */
export function useStreamsWorld(): PlaywrightWorld {
  return usePlaywrightWorld((world) => {
    expect(world.problems).toEqual([]);
    world.problems.length = 0;
    expect(takeConsoleErrors()).toEqual([]);
  });
}

export interface AgentSummary {
  login: string;
  state: string;
  pages: number;
  contacts: Array<{ contactId: string; state: string; participantId: string }>;
}

/** Opens the Streams agent page (query: e.g. `?agent=bob`) and waits until Streams reports the agent. */
export async function openStreamsAgent(world: PlaywrightWorld, sdk: SdkUnderTest, query = '', label = 'streams agent'): Promise<Page> {
  const context = await world.browser.newContext();
  context.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${label}: ${message.text()}`);
  });
  if (sdk === 'upstream') {
    const bundle = readFileSync(UPSTREAM_BUNDLE);
    await context.route('**/dist/amazon-connect-chat.js', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: bundle }));
  }
  const page = await world.open(`/examples/agent-streams.html${query}`, label, context);
  await page.getByTestId('status').filter({ hasText: 'Signed in as' }).waitFor();
  await page.locator('html[data-state="ready"]').waitFor({ state: 'attached' });
  return page;
}

export async function setAgentState(page: Page, state: 'Available' | 'Offline'): Promise<void> {
  await page.getByTestId(state === 'Available' ? 'go-available' : 'go-offline').click();
  await page.getByTestId('agent-state').filter({ hasText: state }).waitFor();
}

export function chatTab(page: Page, contactId: string): Locator {
  return page.locator(`[data-testid="chat-tab"][data-contact-id="${contactId}"]`);
}

export function chatWindow(page: Page, contactId: string): Locator {
  return page.locator(`[data-testid="chat-window"][data-contact-id="${contactId}"]`);
}

/** Accepts the offered chat and waits until its conversation (the media controller's session) shows. */
export async function acceptChat(page: Page, contactId: string): Promise<Locator> {
  const tab = chatTab(page, contactId);
  await tab.and(page.locator('[data-state="connecting"]')).waitFor();
  await tab.getByTestId('accept-chat').click();
  await tab.and(page.locator('[data-state="connected"]')).waitFor();
  const window = chatWindow(page, contactId);
  await window.getByTestId('composer-input').waitFor();
  return window;
}

export async function sendInWindow(window: Locator, text: string): Promise<void> {
  await window.getByTestId('composer-input').fill(text);
  await window.getByTestId('send-button').click();
}

export async function agentsOf(world: PlaywrightWorld): Promise<{ agents: AgentSummary[]; waiting: string[] }> {
  return (await world.emulator.control('GET', '/emulator/agents')).body;
}
