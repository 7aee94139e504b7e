// The customer widget through a network outage: an emulator `refuse` fault (with `drop-sockets`, so the
// open socket goes too) narrowed to the customer shows the lost-connection banner; when the fault clears
// the banner goes, and what the agent sent meanwhile appears once, in order. Then the same through the
// browser's own offline mode, where the page hears `offline` and `online` from the engine.
import { testId, type TestPage } from '../support/browser/engine';
import type { ChatParticipant } from '../support/emulator/testEmulator';
import { messageTexts, startCustomerChat, startExampleWorld, type ExampleWorld } from '../support/browser/examplePages';

jest.setTimeout(60_000);

const OUTAGE_MS = 3000;
const SENT_DURING_OUTAGE = ['one while you were away', 'two while you were away', 'three while you were away'];

let world: ExampleWorld;
let customer: TestPage;
let contactId: string;
let agent: ChatParticipant;

beforeAll(async () => {
  world = await startExampleWorld();
  customer = await world.open('/examples/customer-chat.html', 'customer');
  contactId = await startCustomerChat(customer, 'Ana');
  agent = await world.emulator.agent(contactId, 'Sam');
  await agentSays('before the outage');
  await customer.waitFor(testId('message-body', 'before the outage'));
});

afterAll(() => world?.close());

const customerParticipantId = () =>
  customer.evaluate(() => JSON.parse(sessionStorage.getItem('amazon-connect-chat-example:customer') ?? '{}').participantId as string);

async function agentSays(content: string): Promise<void> {
  await world.emulator.control('POST', `/emulator/contacts/${contactId}/messages`, { participantId: agent.participantId, content });
}

it('shows the banner while the customer is cut off, and hides it when the link is back', async () => {
  const participantId = await customerParticipantId();
  const banner = testId('connection-banner');
  expect(await customer.isVisible(banner)).toBe(false);

  await world.emulator.control('POST', '/emulator/faults', { kind: 'refuse', durationMs: OUTAGE_MS, participantId });
  await world.emulator.control('POST', '/emulator/faults', { kind: 'drop-sockets', participantId });
  await customer.waitFor(banner, { timeout: 10_000 });
  expect(await customer.text(banner)).toContain('Reconnecting');

  for (const content of SENT_DURING_OUTAGE) await agentSays(content);
  expect(await messageTexts(customer)).toEqual(['before the outage']);

  await customer.waitFor(banner, { state: 'hidden', timeout: 30_000 });
});

it('shows what the agent sent during the outage once, in order, then live messages after them', async () => {
  await customer.waitFor(testId('message-body', SENT_DURING_OUTAGE[2]), { timeout: 10_000 });
  await agentSays('after the outage');
  await customer.waitFor(testId('message-body', 'after the outage'));
  expect(await messageTexts(customer)).toEqual(['before the outage', ...SENT_DURING_OUTAGE, 'after the outage']);
  expect(world.problems).toEqual([]);
});

it('waits while the browser is offline, and recovers when it is back online', async () => {
  const banner = testId('connection-banner');
  await customer.setOffline(true);
  expect(await customer.evaluate(() => navigator.onLine)).toBe(false);
  await world.emulator.control('POST', '/emulator/faults', { kind: 'drop-sockets', participantId: await customerParticipantId() });
  await customer.waitFor(banner, { timeout: 10_000 });
  await agentSays('sent while offline');

  await customer.setOffline(false);
  await customer.waitFor(banner, { state: 'hidden', timeout: 30_000 });
  await customer.waitFor(testId('message-body', 'sent while offline'), { timeout: 10_000 });
  expect((await messageTexts(customer)).slice(-2)).toEqual(['after the outage', 'sent while offline']);
  expect(world.problems).toEqual([]);
});
