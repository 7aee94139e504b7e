// The customer widget (examples/customer-chat.html) against the emulator's demo contact flow, in Chromium
// and Firefox: the bot's five interactive templates are drawn and answered by clicks, the customer asks
// for an agent and waits in the queue, an agent of the emulated CCP takes the chat, and the idle timers
// close it. With DOCS_SCREENSHOTS=1 the screenshots go to docs/images/ (the ones docs/emulator.md shows).
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { SendMessageCommand } from '@aws-sdk/client-connectparticipant';
import { CcpClient } from '../support/emulator/ccpClient';
import { css, E2E_ENGINE, testId, type TestPage } from '../support/browser/engine';
import { startCustomerChat, startExampleWorld, type ExampleWorld } from '../support/browser/examplePages';

jest.setTimeout(90_000);

const SHOTS = process.env.DOCS_SCREENSHOTS ? path.join(__dirname, '../../docs/images') : mkdtempSync(path.join(tmpdir(), 'cc-shots-'));

let world: ExampleWorld;
let customer: TestPage;
const ccps: CcpClient[] = [];

beforeAll(async () => {
  world = await startExampleWorld({ bot: 'demo', botDelayMs: 20, contactCenter: { timeouts: { customerIdleMs: 2500, customerDisconnectMs: 2500 }, queueUpdateIntervalMs: 60_000 } });
  customer = await world.open('/examples/customer-chat.html', 'customer');
});

afterAll(async () => {
  ccps.forEach((ccp) => ccp.close());
  await world?.close();
});

const template = (type: string) => css(`[data-testid="interactive"][data-template="${type}"]`);
const shot = (name: string) => customer.screenshot(path.join(SHOTS, `contact-center-${E2E_ENGINE}-${name}.png`));

/** Clicks the (enabled) choice `title` of the newest `type` template. */
async function pick(type: string, title: string, count = 1): Promise<void> {
  await customer.waitForFunction(([wanted, times]) => document.querySelectorAll(`[data-testid="interactive"][data-template="${wanted}"]`).length >= times, [type, count] as const);
  const clicked = await customer.evaluate(
    ([wanted, label]) => {
      const all = document.querySelectorAll(`[data-testid="interactive"][data-template="${wanted}"]`);
      const newest = all[all.length - 1];
      const button = [...newest.querySelectorAll('button[data-testid="interactive-choice"]')].find((candidate) => candidate.textContent?.includes(label) && !(candidate as HTMLButtonElement).disabled);
      button?.setAttribute('data-pick', 'now');
      return Boolean(button);
    },
    [type, title] as const,
  );
  expect(clicked).toBe(true);
  await customer.click(css('[data-pick="now"]'));
  await customer.evaluate(() => document.querySelector('[data-pick="now"]')?.removeAttribute('data-pick'));
}

it('draws the bot’s ListPicker, Panel, QuickReply, TimePicker and Carousel and answers each by a click', async () => {
  await startCustomerChat(customer, 'Ana');
  await customer.waitFor(template('ListPicker'));
  await shot('1-menu');
  await pick('ListPicker', 'Track an order');
  await pick('Panel', 'Web shop');
  await customer.waitFor(css('[data-testid="message"]', 'Web shop'));
  await pick('QuickReply', 'Show the menu');
  await pick('ListPicker', 'Book a visit', 2);
  await pick('TimePicker', 'UTC');
  await pick('QuickReply', 'Show the menu', 2);
  await pick('ListPicker', 'Compare plans', 3);
  await customer.waitFor(template('Carousel'));
  expect(await customer.count(testId('carousel-panel'))).toBe(2);
  await pick('Carousel', 'Choose Plus');
  await customer.waitFor(css('[data-testid="message-body"]', 'Good choice: Plus.'));
  // A choice made is final: that template's buttons are off, and the answer shows as the choice, not JSON.
  expect(await customer.isDisabled(css('[data-template="Carousel"] button'))).toBe(true);
  expect(await customer.count(css('[data-testid="message"][data-own="true"]', 'Choose Plus'))).toBe(1);
  await shot('2-templates');
  expect(world.problems).toEqual([]);
});

it('hands over to the queue, an agent of the emulated CCP takes the chat, and the idle timers end it', async () => {
  await pick('QuickReply', 'Talk to an agent', 3);
  await customer.waitFor(css('[data-testid="message-body"]', 'You are number 1 in the BasicQueue queue'));
  await shot('3-queued');
  const contactId = await customer.evaluate(() => JSON.parse(sessionStorage.getItem('amazon-connect-chat-example:customer') ?? '{}').contactId as string);
  const ccp = new CcpClient(world.emulator, 'sam');
  ccps.push(ccp);
  await ccp.setState('Available');
  await ccp.contactState(contactId, 'connecting');
  expect((await ccp.request('acceptContact', { contactId })).err).toBeUndefined();
  await customer.waitFor(testId('event', 'sam joined the chat'));
  const held = await ccp.contactState(contactId, 'connected');
  const token = JSON.parse(held.connections.find((connection) => connection.type === 'agent')?.chatMediaInfo?.connectionData ?? '{}').ConnectionAuthenticationToken as string;
  const agent = await world.emulator.connect(contactId, held.connections[0].connectionId, token);
  await world.emulator.participantClient().send(new SendMessageCommand({ ConnectionToken: agent.connectionToken, ContentType: 'text/plain', Content: 'Hi Ana, Sam here.' }));
  await customer.waitFor(css('[data-testid="message-body"]', 'Hi Ana, Sam here.'));
  await customer.waitFor(testId('event', 'Ana is idle'), { timeout: 15_000 });
  await shot('4-idle');
  await customer.waitFor(testId('chat-ended'), { timeout: 15_000 });
  const events = await customer.texts(testId('event'));
  expect(events.slice(-4)).toEqual(['Ana is idle', 'Ana was idle too long: the chat is closing', 'sam left the chat', 'The chat has ended']);
  await shot('5-ended');
  expect(world.problems).toEqual([]);
});
