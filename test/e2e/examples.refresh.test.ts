// A browser refresh in the middle of a chat: the customer widget resumes the same contact from
// sessionStorage, shows its transcript (older pages on scroll), and keeps chatting.
import { testId, type TestPage } from '../support/browser/engine';
import type { ChatParticipant } from '../support/emulator/testEmulator';
import { message, messageTexts, send, startCustomerChat, startExampleWorld, type ExampleWorld } from '../support/browser/examplePages';

jest.setTimeout(60_000);

const EARLIER = Array.from({ length: 24 }, (_, index) => `earlier ${String(index + 1).padStart(2, '0')}`);

let world: ExampleWorld;
let customer: TestPage;
let contactId: string;
let agent: ChatParticipant;

const storedContactId = (page: TestPage) => page.evaluate(() => JSON.parse(sessionStorage.getItem('amazon-connect-chat-example:customer') ?? '{}').contactId as string | undefined);

beforeAll(async () => {
  world = await startExampleWorld();
  customer = await world.open('/examples/customer-chat.html', 'customer');
  contactId = await startCustomerChat(customer, 'Ana');
  agent = await world.emulator.agent(contactId, 'Sam');
  for (const content of EARLIER) {
    await world.emulator.control('POST', `/emulator/contacts/${contactId}/messages`, { participantId: agent.participantId, content });
  }
  await send(customer, 'before the refresh');
  await customer.waitFor(message('before the refresh', true));
  await customer.reload();
});

afterAll(() => world?.close());

it('resumes the same contact and paints everything the tab showed before the reload', async () => {
  await customer.waitFor(testId('status', 'Connected'));
  expect(await storedContactId(customer)).toBe(contactId);
  expect(await customer.isVisible(testId('start-form'))).toBe(false);
  // The SDK replays the transcript this tab showed (docs/tabs.md), not only the page getTranscript returns.
  expect(await messageTexts(customer)).toEqual([...EARLIER, 'before the refresh']);
  expect(await customer.text({ css: '[data-own="true"]', child: '[data-testid="message-sender"]' })).toBe('Ana');
});

it('loads older messages when scrolled to the top, in order and without duplicates', async () => {
  await customer.waitForFunction(
    (expected) => {
      const node = document.querySelector('[data-testid="message-list"]') as HTMLElement;
      node.scrollTop = 0;
      node.dispatchEvent(new Event('scroll'));
      return node.querySelectorAll('[data-testid="message"]').length >= expected;
    },
    EARLIER.length + 1,
    { polling: 200, timeout: 10_000 },
  );
  expect(await messageTexts(customer)).toEqual([...EARLIER, 'before the refresh']);
  expect(await customer.count({ ...testId('message-list'), child: '[data-testid="message"]' })).toBe(EARLIER.length + 1);
});

it('keeps chatting on the resumed session, both ways', async () => {
  await send(customer, 'after the refresh');
  await agent.socket.waitForItem((item) => item.Content === 'after the refresh', 10_000, 'customer message after refresh');
  await world.emulator.control('POST', `/emulator/contacts/${contactId}/messages`, { participantId: agent.participantId, content: 'welcome back' });
  await customer.waitFor(testId('message-body', 'welcome back'));
  const texts = await messageTexts(customer);
  expect(texts.slice(-3)).toEqual(['before the refresh', 'after the refresh', 'welcome back']);
  expect(world.problems).toEqual([]);
});
