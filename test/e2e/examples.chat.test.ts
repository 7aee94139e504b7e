// examples/customer-chat.html and examples/agent-chat.html in two browser contexts, served by the
// emulator: messages, typing, receipts and attachments (with upload progress) cross both ways, and
// ending the chat shows on both.
import type { TestPage } from '../support/browser/engine';
import { testId } from '../support/browser/engine';
import { joinAsAgent, message, messageTexts, send, startCustomerChat, startExampleWorld, type ExampleWorld } from '../support/browser/examplePages';

jest.setTimeout(60_000);

let world: ExampleWorld;
let customer: TestPage;
let agent: TestPage;
let contactId: string;

beforeAll(async () => {
  world = await startExampleWorld();
  customer = await world.open('/examples/customer-chat.html', 'customer');
  agent = await world.open('/examples/agent-chat.html', 'agent');
  contactId = await startCustomerChat(customer, 'Ana');
  await agent.click(testId('refresh-contacts'));
  await joinAsAgent(agent, contactId);
});

afterAll(() => world?.close());

/** The receipt of the page's own message containing `text`. */
const receiptOf = (text: string) => ({ ...message(text, true), child: '[data-testid="receipt"]' });

async function expectState(page: TestPage, text: string, state: string): Promise<void> {
  await page.waitFor({ ...message(text, true), child: `[data-testid="receipt"][data-state="${state}"]` });
  expect(await page.attribute(receiptOf(text), 'data-state')).toBe(state);
}

/** Picks a file in the composer, and records every value the upload progress bar shows meanwhile. */
async function attach(page: TestPage, name: string, text: string): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __progress: number[] };
    const bar = document.querySelector('[data-testid="upload-progress"]') as HTMLProgressElement;
    w.__progress = [];
    new MutationObserver(() => {
      if (!bar.hidden) w.__progress.push(bar.value);
    }).observe(bar, { attributes: true });
  });
  await page.setInputFile(testId('file-input'), { name, mimeType: 'text/plain', body: text });
}

const progressSeen = (page: TestPage) => page.evaluate(() => (window as unknown as { __progress: number[] }).__progress);

it('shows the agent joining on the customer side', async () => {
  await customer.waitFor(testId('event', 'Sam joined the chat'));
});

it('carries typing, messages and read receipts from the customer to the agent', async () => {
  await customer.type(testId('composer-input'), 'Hel');
  await agent.waitFor(testId('typing-indicator', 'Ana is typing'));

  await send(customer, 'Hello **there**');
  const atAgent = message('Hello there', false);
  await agent.waitFor(atAgent);
  expect(await agent.text({ ...atAgent, child: '[data-testid="message-sender"]' })).toBe('Ana');
  expect(await agent.text({ ...atAgent, child: 'strong' })).toBe('there');
  expect(await agent.attribute({ ...atAgent, child: '[data-testid="message-time"]' }, 'datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
  await expectState(customer, 'Hello there', 'read');
  expect(await agent.isVisible(testId('typing-indicator'))).toBe(false);
});

it('carries typing, messages and read receipts from the agent to the customer', async () => {
  await agent.type(testId('composer-input'), 'Su');
  await customer.waitFor(testId('typing-indicator', 'Sam is typing'));
  await send(agent, 'Sure, see `docs`');
  await customer.waitFor({ ...message('Sure, see docs', false), child: 'code' });
  await expectState(agent, 'Sure, see docs', 'read');
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

it('sends an attachment each way with upload progress, and the other side downloads it', async () => {
  await attach(customer, 'receipt.txt', 'order 1234');
  await agent.waitFor(testId('attachment-name', 'receipt.txt'));
  expect(await agent.download({ ...message('receipt.txt'), child: '[data-testid="download-attachment"]' })).toEqual({ file: 'receipt.txt', text: 'order 1234' });
  await expectState(customer, 'receipt.txt', 'read');
  // The bar showed while uploading and reached the whole file (upload progress events of the engine).
  expect(await progressSeen(customer)).toContain(1);

  await attach(agent, 'steps.txt', 'restart the router');
  await customer.waitFor(testId('attachment-name', 'steps.txt'));
  expect(await customer.download({ ...message('steps.txt'), child: '[data-testid="download-attachment"]' })).toEqual({ file: 'steps.txt', text: 'restart the router' });
  expect(await progressSeen(agent)).toContain(1);
  expect(await customer.isVisible(testId('upload-progress'))).toBe(false);
  expect(await agent.isVisible(testId('upload-progress'))).toBe(false);
});

it('ends the chat from the customer, and both sides show it', async () => {
  await customer.click(testId('end-chat'));
  await customer.waitFor(testId('chat-ended'));
  await agent.waitFor(testId('chat-ended'));
  expect(await customer.isDisabled(testId('composer-input'))).toBe(true);
  expect(await agent.isDisabled(testId('composer-input'))).toBe(true);
  expect(await customer.evaluate(() => sessionStorage.length)).toBe(0);
  expect(world.problems).toEqual([]);
});

