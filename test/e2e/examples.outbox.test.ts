// The customer widget keeps what the customer typed during an outage: each message shows as waiting with its
// text, goes out once the service is back, and the emulator stores it once, in order. A reload in the middle
// of an outage keeps the waiting messages (the SDK's outbox in sessionStorage) and sends each exactly once.
import { testId, type TestPage } from '../support/browser/engine';
import { send, startCustomerChat, startExampleWorld, type ExampleWorld } from '../support/browser/examplePages';

jest.setTimeout(120_000);

let world: ExampleWorld;
let customer: TestPage;
let contactId: string;

beforeAll(async () => {
  world = await startExampleWorld();
  customer = await world.open('/examples/customer-chat.html', 'customer');
  contactId = await startCustomerChat(customer, 'Ana');
});

afterAll(() => world?.close());

const participantId = () =>
  customer.evaluate(() => JSON.parse(sessionStorage.getItem('amazon-connect-chat-example:customer') ?? '{}').participantId as string);

/** The customer's messages as the emulator stored them, in its order. */
async function storedCustomerTexts(): Promise<string[]> {
  const id = await participantId();
  const { body } = await world.emulator.control('GET', `/emulator/contacts/${contactId}/transcript`);
  return (body.items as Array<{ Type: string; ParticipantId?: string; Content?: string }>).filter((i) => i.Type === 'MESSAGE' && i.ParticipantId === id).map((i) => i.Content ?? '');
}

async function cutOff(durationMs: number): Promise<void> {
  const id = await participantId();
  await world.emulator.control('POST', '/emulator/faults', { kind: 'refuse', durationMs, participantId: id });
  await world.emulator.control('POST', '/emulator/faults', { kind: 'drop-sockets', participantId: id });
  await customer.waitFor(testId('connection-banner'), { timeout: 10_000 });
}

it('shows messages typed during an outage as waiting, with their text, and delivers them once when the link is back', async () => {
  await cutOff(8_000);
  await send(customer, 'typed while away 1');
  await send(customer, 'typed while away 2');
  await customer.waitFor(testId('pending-message', 'typed while away 2'), { timeout: 5_000 });
  expect(await customer.text(testId('pending-messages'))).toContain('typed while away 1');
  expect(await customer.text(testId('pending-messages'))).toContain('Waiting');

  await customer.waitFor(testId('pending-message'), { state: 'hidden', timeout: 60_000 });
  expect(await storedCustomerTexts()).toEqual(['typed while away 1', 'typed while away 2']);
  expect(world.problems).toEqual([]);
});

it('a reload in the middle of an outage keeps the waiting messages and sends each exactly once', async () => {
  await cutOff(15_000);
  await send(customer, 'before the reload 1');
  await send(customer, 'before the reload 2');
  await customer.waitFor(testId('pending-message', 'before the reload 2'), { timeout: 5_000 });
  await customer.reload();
  // The new page's session finds them in sessionStorage and shows them before it can connect.
  await customer.waitFor(testId('pending-message', 'before the reload 1'), { timeout: 10_000 });
  await customer.waitFor(testId('pending-message'), { state: 'hidden', timeout: 90_000 });
  await customer.waitFor(testId('status', 'Connected'), { timeout: 30_000 });
  expect(await storedCustomerTexts()).toEqual(['typed while away 1', 'typed while away 2', 'before the reload 1', 'before the reload 2']);
  expect(await customer.evaluate(() => Object.keys(sessionStorage).filter((key) => key.startsWith('amazon-connect-chat.outbox:')).length)).toBe(0);
});
