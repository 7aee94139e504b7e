// A stall shorter than the heartbeat interval, placed between two beats: the socket stays open and the
// heartbeat never notices, but every item published meanwhile is dropped. The session must notice the gap
// by itself (docs/connection-handling.md, "Silent gaps") and deliver every agent item once, in order,
// without dropping the socket.
//
// Bounds: (a) the customer sends during the stall: its echo is missing 3 s after SendMessage answered,
// so everything arrives within 3 s (+ one GetTranscript) of that send; we allow 8 s after the stall.
// (b) the customer sends nothing: the safety net looks 30 s after the last check when anything happened
// since; the stall starts after that check, so everything arrives within 30 s of the stall's start
// (+ one GetTranscript); we allow 35 s after the stall.
import { nextEvent, sdkWorld, sendAs, type SdkWorld } from '../../support/sdk/sdkWorld';
import type { ChatTranscriptItem } from '../../../src/types';

jest.setTimeout(90_000);

const STALL_MS = 3_000;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

let world: SdkWorld;
beforeEach(async () => {
  world = await sdkWorld();
});
afterEach(async () => {
  await world.close();
});

interface LoggedRequest {
  at: string;
  operation: string;
  status: number;
  participantId?: string;
}

/** A customer with an agent in the chat, right after a deep heartbeat (so the next beat is ~10 s away). */
async function chatBetweenBeats() {
  const customer = await world.customer();
  const { session, contactId, participantId } = customer;
  const joined = await world.emulator.control('POST', `/emulator/contacts/${contactId}/participants`, { role: 'AGENT', displayName: 'Agent' });
  const agentId = joined.body.ParticipantId as string;
  await sendAs(world.emulator, contactId, agentId, 'before the stall');
  await customer.log.until((items) => items.some((item) => item.Content === 'before the stall'), 5_000, 'the first agent message');
  let lost = 0;
  session.onConnectionLost(() => (lost += 1));
  await nextEvent(session.onDeepHeartbeatSuccess.bind(session), 15_000, 'a heartbeat');
  const stalledAt = Date.now();
  const stall = await world.emulator.control('POST', '/emulator/faults', { kind: 'stall-sockets', durationMs: STALL_MS, contactId, participantId });
  expect(stall.status).toBe(200);
  return { ...customer, agentId, stalledAt, lostEvents: () => lost };
}

/** The agent sends three messages while the stall holds. */
async function agentSendsDuringStall(contactId: string, agentId: string): Promise<string[]> {
  const texts = ['during 1', 'during 2', 'during 3'];
  for (const text of texts) {
    await sleep(400);
    await sendAs(world.emulator, contactId, agentId, text);
  }
  return texts;
}

async function customerRequests(contactId: string, participantId: string): Promise<LoggedRequest[]> {
  const answer = await world.emulator.control('GET', `/emulator/requests?contactId=${encodeURIComponent(contactId)}`);
  return (answer.body.requests as LoggedRequest[]).filter((entry) => entry.participantId === participantId);
}

async function emulatorMessageIds(contactId: string): Promise<string[]> {
  const transcript = await world.emulator.control('GET', `/emulator/contacts/${contactId}/transcript`);
  return (transcript.body.items as ChatTranscriptItem[]).filter((item) => item.Type === 'MESSAGE').map((item) => item.Id);
}

const messageIds = (items: ChatTranscriptItem[]): string[] => items.filter((item) => item.Type === 'MESSAGE').map((item) => item.Id);

it('(a) the customer sends during the stall: the missing echo starts a recovery; every item once, in order, socket kept', async () => {
  const chat = await chatBetweenBeats();
  const sending = agentSendsDuringStall(chat.contactId, chat.agentId);
  await sleep(600);
  await chat.session.sendMessage({ message: 'customer during the stall', contentType: 'text/plain' });
  const texts = await sending;
  const stallEnds = chat.stalledAt + STALL_MS;
  await chat.log.until(
    (items) => texts.every((text) => items.some((item) => item.Content === text)) && items.some((item) => item.Content === 'customer during the stall'),
    stallEnds + 8_000 - Date.now(),
    'the items published during the stall',
  );
  expect(messageIds(chat.log.items)).toEqual(await emulatorMessageIds(chat.contactId));
  expect(chat.log.texts('AGENT')).toEqual(['before the stall', ...texts]);
  expect(chat.lostEvents()).toBe(0);
  const requests = await customerRequests(chat.contactId, chat.participantId);
  const afterStall = requests.filter((entry) => Date.parse(entry.at) >= chat.stalledAt);
  expect(afterStall.filter((entry) => entry.operation === 'GetTranscript' && entry.status === 200).length).toBeGreaterThanOrEqual(1);
  // The socket was kept: no new participant connection after connect().
  expect(requests.filter((entry) => entry.operation === 'CreateParticipantConnection')).toHaveLength(1);
});

it('(b) the customer sends nothing: the safety net recovers; every item once, in order, socket kept', async () => {
  const chat = await chatBetweenBeats();
  const texts = await agentSendsDuringStall(chat.contactId, chat.agentId);
  const stallEnds = chat.stalledAt + STALL_MS;
  await chat.log.until((items) => texts.every((text) => items.some((item) => item.Content === text)), stallEnds + 35_000 - Date.now(), 'the agent messages sent during the stall');
  expect(messageIds(chat.log.items)).toEqual(await emulatorMessageIds(chat.contactId));
  expect(chat.log.texts('AGENT')).toEqual(['before the stall', ...texts]);
  expect(chat.lostEvents()).toBe(0);
  const requests = await customerRequests(chat.contactId, chat.participantId);
  const recoveries = requests.filter((entry) => entry.operation === 'GetTranscript' && Date.parse(entry.at) >= chat.stalledAt);
  expect(recoveries.length).toBeGreaterThanOrEqual(1);
  expect(requests.filter((entry) => entry.operation === 'CreateParticipantConnection')).toHaveLength(1);
});
