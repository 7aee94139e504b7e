// examples/customer-chat.html and examples/agent-chat.html in two browser contexts, served by the
// emulator: messages, typing, receipts and attachments cross both ways, and ending the chat shows on both.
import { readFileSync } from 'fs';
import type { Page } from 'playwright-core';
import { joinAsAgent, messageTexts, send, startCustomerChat, startExampleWorld, type ExampleWorld } from './helpers/examplePages';

jest.setTimeout(60_000);

let world: ExampleWorld;
let customer: Page;
let agent: Page;
let contactId: string;

beforeAll(async () => {
  world = await startExampleWorld();
  customer = await world.open('/examples/customer-chat.html', 'customer');
  agent = await world.open('/examples/agent-chat.html', 'agent');
  contactId = await startCustomerChat(customer, 'Ana');
  await agent.getByTestId('refresh-contacts').click();
  await joinAsAgent(agent, contactId);
});

afterAll(() => world?.close());

const receiptOf = (page: Page, text: string) => page.locator('[data-testid="message"][data-own="true"]', { hasText: text }).getByTestId('receipt');

async function attach(page: Page, name: string, text: string): Promise<void> {
  await page.getByTestId('file-input').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
}

async function downloaded(page: Page, name: string): Promise<{ file: string; text: string }> {
  const message = page.locator('[data-testid="message"]', { hasText: name });
  const [download] = await Promise.all([page.waitForEvent('download'), message.getByTestId('download-attachment').click()]);
  return { file: download.suggestedFilename(), text: readFileSync(await download.path()).toString() };
}

it('shows the agent joining on the customer side', async () => {
  await customer.getByTestId('event').filter({ hasText: 'Sam joined the chat' }).waitFor();
});

it('carries typing, messages and read receipts from the customer to the agent', async () => {
  await customer.getByTestId('composer-input').pressSequentially('Hel');
  await agent.getByTestId('typing-indicator').filter({ hasText: 'Ana is typing' }).waitFor();

  await send(customer, 'Hello **there**');
  const atAgent = agent.locator('[data-testid="message"][data-own="false"]', { hasText: 'Hello there' });
  await atAgent.waitFor();
  expect(await atAgent.getByTestId('message-sender').textContent()).toBe('Ana');
  expect(await atAgent.locator('strong').textContent()).toBe('there');
  expect(await atAgent.getByTestId('message-time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
  await expectState(receiptOf(customer, 'Hello there'), 'read');
  expect(await agent.getByTestId('typing-indicator').isHidden()).toBe(true);
});

it('carries typing, messages and read receipts from the agent to the customer', async () => {
  await agent.getByTestId('composer-input').pressSequentially('Su');
  await customer.getByTestId('typing-indicator').filter({ hasText: 'Sam is typing' }).waitFor();
  await send(agent, 'Sure, see `docs`');
  await customer.locator('[data-testid="message"][data-own="false"]', { hasText: 'Sure, see docs' }).locator('code').waitFor();
  await expectState(receiptOf(agent, 'Sure, see docs'), 'read');
  expect(await messageTexts(customer)).toEqual(['Hello there', 'Sure, see docs']);
  expect(await messageTexts(agent)).toEqual(['Hello there', 'Sure, see docs']);
});

it('sent read receipts from each side (the SDK folds a delivered receipt into the read that follows)', async () => {
  const { body } = await world.emulator.control('GET', `/emulator/requests?contactId=${contactId}&operation=SendEvent`);
  const readers = (body.requests as Array<{ contentType?: string; participantId?: string; status: number }>)
    .filter((request) => request.contentType?.endsWith('.message.read') && request.status === 200)
    .map((request) => request.participantId);
  const { body: contacts } = await world.emulator.control('GET', '/emulator/contacts');
  const participants = contacts.contacts.find((contact: { contactId: string }) => contact.contactId === contactId).participants as Array<{ participantId: string; role: string }>;
  const idOf = (role: string) => participants.find((participant) => participant.role === role)?.participantId;
  expect(new Set(readers)).toEqual(new Set([idOf('CUSTOMER'), idOf('AGENT')]));
});

it('sends an attachment each way, and the other side downloads it', async () => {
  await attach(customer, 'receipt.txt', 'order 1234');
  await agent.getByTestId('attachment-name').filter({ hasText: 'receipt.txt' }).waitFor();
  expect(await downloaded(agent, 'receipt.txt')).toEqual({ file: 'receipt.txt', text: 'order 1234' });
  await expectState(receiptOf(customer, 'receipt.txt'), 'read');

  await attach(agent, 'steps.txt', 'restart the router');
  await customer.getByTestId('attachment-name').filter({ hasText: 'steps.txt' }).waitFor();
  expect(await downloaded(customer, 'steps.txt')).toEqual({ file: 'steps.txt', text: 'restart the router' });
  expect(await customer.getByTestId('upload-progress').isHidden()).toBe(true);
});

it('ends the chat from the customer, and both sides show it', async () => {
  await customer.getByTestId('end-chat').click();
  await customer.getByTestId('chat-ended').waitFor();
  await agent.getByTestId('chat-ended').waitFor();
  expect(await customer.getByTestId('composer-input').isDisabled()).toBe(true);
  expect(await agent.getByTestId('composer-input').isDisabled()).toBe(true);
  expect(await customer.evaluate(() => sessionStorage.length)).toBe(0);
  expect(world.problems).toEqual([]);
});

async function expectState(locator: ReturnType<Page['locator']>, state: string): Promise<void> {
  await locator.and(locator.page().locator(`[data-state="${state}"]`)).waitFor({ timeout: 10_000 });
  expect(await locator.getAttribute('data-state')).toBe(state);
}
