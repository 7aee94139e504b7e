// One chat across tabs (docs/tabs.md), in the customer widget: three pages of one browser context (tabs of
// one person) on one chat. Websockets are counted by the emulator (GET /emulator/sockets: the sockets open
// now and how many the customer participant opened since the start).
import { testId, type TestContext, type TestPage } from '../support/browser/engine';
import type { ChatParticipant } from '../support/emulator/testEmulator';
import { message, messageTexts, send, startCustomerChat, startExampleWorld, type ExampleWorld } from '../support/browser/examplePages';

jest.setTimeout(90_000);

const WIDGET = '/examples/customer-chat.html';
const SAVED = 'amazon-connect-chat-example:customer';

let world: ExampleWorld;
let context: TestContext;
let pages: TestPage[];
let contactId: string;
let customerId: string;
let agent: ChatParticipant;

interface SocketReport {
  open: { participantId: string }[];
  opened: { participantId: string; count: number }[];
}

async function customerSockets(): Promise<{ open: number; opened: number }> {
  const report = (await world.emulator.control('GET', `/emulator/sockets?contactId=${contactId}`)).body as SocketReport;
  return {
    open: report.open.filter((socket) => socket.participantId === customerId).length,
    opened: report.opened.find((entry) => entry.participantId === customerId)?.count ?? 0,
  };
}

async function openWidget(): Promise<TestPage> {
  const page = await context.newPage();
  await page.goto(`${world.emulator.url}${WIDGET}`);
  return page;
}

const agentSays = (content: string) =>
  world.emulator.control('POST', `/emulator/contacts/${contactId}/messages`, { participantId: agent.participantId, content });

async function storedTimes(content: string): Promise<number> {
  const { items } = (await world.emulator.control('GET', `/emulator/contacts/${contactId}/transcript`)).body as { items: { Content?: string; Type: string }[] };
  return items.filter((item) => item.Type === 'MESSAGE' && item.Content === content).length;
}

const agentTexts = (page: TestPage) => page.texts({ css: '[data-testid="message"][data-own="false"]', child: '[data-testid="message-body"]' });

beforeAll(async () => {
  world = await startExampleWorld();
  context = await world.browser.newContext();
  const first = await openWidget();
  contactId = await startCustomerChat(first, 'Ana');
  customerId = await first.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}').participantId as string, SAVED);
  agent = await world.emulator.agent(contactId, 'Sam');
  pages = [first, await openWidget(), await openWidget()];
  for (const page of pages) await page.waitFor(testId('status', 'Connected'));
});

afterAll(() => world?.close());

it('three pages of the chat: the emulator sees one websocket of the customer', async () => {
  expect(await customerSockets()).toEqual({ open: 1, opened: 1 });
});

it('each page gets every agent message once, in order', async () => {
  for (const text of ['first', 'second', 'third']) await agentSays(text);
  for (const page of pages) {
    await page.waitFor(message('third', false));
    expect(await agentTexts(page)).toEqual(['first', 'second', 'third']);
  }
});

it('the customer sends from two pages: each message is stored once and shown in every page', async () => {
  await send(pages[1], 'sent from page two');
  await send(pages[2], 'sent from page three');
  for (const page of pages) {
    await page.waitFor(message('sent from page two', true));
    await page.waitFor(message('sent from page three', true));
  }
  await agent.socket.waitForItem((item) => item.Content === 'sent from page three', 10_000, 'customer message');
  expect(await storedTimes('sent from page two')).toBe(1);
  expect(await storedTimes('sent from page three')).toBe(1);
  expect((await customerSockets()).opened).toBe(1);
});

it('during an outage a message typed in a following page shows as waiting in every page, and is stored once when the link is back', async () => {
  await world.emulator.control('POST', '/emulator/faults', { kind: 'outage', durationMs: 6_000, contactId, participantId: customerId });
  for (const page of pages) await page.waitFor(testId('connection-banner'), { timeout: 10_000 });
  // The first page holds the socket: the third hands its message to it, and lists it all the same.
  await send(pages[2], 'typed in page three while away');
  for (const page of pages) await page.waitFor(testId('pending-message', 'typed in page three while away'), { timeout: 5_000 });
  expect(await pages[2].text(testId('pending-messages'))).toContain('Waiting');
  for (const page of pages) await page.waitFor(testId('pending-message'), { state: 'hidden', timeout: 60_000 });
  for (const page of pages) await page.waitFor(message('typed in page three while away', true), { timeout: 15_000 });
  expect(await storedTimes('typed in page three while away')).toBe(1);
});

it('the holder page closes: another page takes the websocket and the others keep receiving', async () => {
  const [holder, ...rest] = pages;
  const { opened } = await customerSockets();
  await holder.close();
  await agentSays('after the holder left');
  for (const page of rest) await page.waitFor(message('after the holder left', false), { timeout: 15_000 });
  // The first page held the socket: closing it made another page open one, and only one is open.
  expect(await customerSockets()).toEqual({ open: 1, opened: opened + 1 });
  for (const page of rest) expect((await agentTexts(page)).filter((text) => text === 'after the holder left')).toHaveLength(1);
  pages = rest;
});

it('a page reloads and shows the transcript before any Participant Service answer', async () => {
  const page = pages[0];
  const before = await messageTexts(page);
  // Every Participant Service answer takes 2 s: a page that waited for one would show nothing meanwhile.
  const { body: fault } = await world.emulator.control('POST', '/emulator/faults', { kind: 'latency', ms: 2_000, contactId });
  try {
    await page.reload();
    await page.waitForFunction((count) => document.querySelectorAll('[data-testid="message-body"]').length >= count, before.length, { timeout: 1_500, polling: 20 });
    const state = await page.evaluate(() => ({
      answered: performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/participant/')).length,
      status: document.querySelector('[data-testid="status"]')?.textContent ?? '',
    }));
    expect(state).toEqual({ answered: 0, status: expect.not.stringContaining('Connected') });
    expect(await messageTexts(page)).toEqual(before);
  } finally {
    await world.emulator.control('DELETE', '/emulator/faults');
  }
  expect(fault).toEqual(expect.objectContaining({ id: expect.anything() }));
  await page.waitFor(testId('status', 'Connected'), { timeout: 15_000 });
  await agentSays('after the reload');
  for (const each of pages) await each.waitFor(message('after the reload', false), { timeout: 15_000 });
  expect(await messageTexts(page)).toEqual([...before, 'after the reload']);
});

describe('leave on close', () => {
  let leaving: TestPage;
  let leaveContact: string;

  const customerState = async () => {
    const { contacts } = (await world.emulator.control('GET', '/emulator/contacts')).body as {
      contacts: { contactId: string; state: string; participants: { role: string; connected: boolean }[] }[];
    };
    return contacts.find((contact) => contact.contactId === leaveContact)?.state;
  };

  beforeAll(async () => {
    const own = await world.browser.newContext();
    leaving = await own.newPage();
    await leaving.goto(`${world.emulator.url}${WIDGET}`);
    await leaving.click(testId('leave-on-close'));
    leaveContact = await startCustomerChat(leaving, 'Leo');
    await world.emulator.agent(leaveContact, 'Sam');
  });

  it('a reload does not end the chat', async () => {
    await leaving.evaluate(() => {
      setTimeout(() => location.reload(), 0);
    });
    // The reloaded page (not the old one, also showing Connected) has resumed the chat.
    await leaving.waitForFunction(
      () =>
        (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.type === 'reload' &&
        document.querySelector('[data-testid="status"]')?.textContent === 'Connected',
      undefined,
      { timeout: 15_000 },
    );
    expect(await customerState()).toBe('ACTIVE');
  });

  it('closing the last page ends the participant', async () => {
    await leaving.close();
    const deadline = Date.now() + 10_000;
    let state = await customerState();
    while (state === 'ACTIVE' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      state = await customerState();
    }
    expect(state).toBe('ENDED');
  });
});

it('no page reported an error', () => {
  expect(world.problems).toEqual([]);
});
