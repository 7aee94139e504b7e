// The chat's pending messages in every tab (docs/tabs.md): a message typed in a following tab waits in the
// holder's outbox, yet the tab where the customer typed it lists it too (getPendingMessages,
// onPendingMessagesChanged), and can discard it or send it again from there. Against the real emulator,
// its faults standing for the outage.
import type { PendingMessage } from '../../../src/types';
import { EmulatorTabs, type EmulatorTab } from '../../support/tabs/emulatorTabs';

jest.setTimeout(60_000);

let world: EmulatorTabs;
let holder: EmulatorTab;
let follower: EmulatorTab;
/** Every onPendingMessagesChanged list the follower saw. */
let followerLists: PendingMessage[][];

beforeEach(async () => {
  world = await EmulatorTabs.start();
  const tabs = ['a', 'b'].map((name) => world.open(name));
  await Promise.all(tabs.map((tab) => tab.session.connect()));
  holder = world.holder();
  follower = tabs.find((tab) => tab !== holder) as EmulatorTab;
  followerLists = [];
  follower.session.onPendingMessagesChanged(({ data }) => followerLists.push(data));
});

afterEach(() => world?.stop());

const fault = (body: Record<string, unknown>) => world.emulator.control('POST', '/emulator/faults', { contactId: world.chat.contactId, ...body });
const endFaults = () => world.emulator.control('DELETE', '/emulator/faults');
/** An outage of the customer: its sockets dropped and every request refused, until endFaults(); returns once both tabs saw the link go. */
async function outage(): Promise<void> {
  await fault({ kind: 'outage', durationMs: 60_000 });
  await until(() => !holder.core.isUp() && !follower.core.isUp(), 'both tabs see the link down');
}
const listed = (tab: EmulatorTab) => tab.session.getPendingMessages().map(({ content, state }) => ({ content, state }));

/** Polls (real time: the emulator answers over the network) until `check` holds. */
async function until(check: () => boolean, label: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('during an outage a message typed in the follower waits in the holder and shows in both tabs; it is sent once when the service is back', async () => {
  await outage();
  const sent = follower.session.sendMessage({ message: 'typed in the follower', contentType: 'text/plain' });
  sent.catch(() => undefined); // awaited below; a failed assertion before must not leave it unhandled
  await until(() => listed(follower).length === 1, 'the follower lists the message');
  expect(listed(follower)).toEqual([{ content: 'typed in the follower', state: 'waiting' }]);
  expect(listed(holder)).toEqual([{ content: 'typed in the follower', state: 'waiting' }]);
  expect(followerLists.at(-1)).toEqual([expect.objectContaining({ content: 'typed in the follower', state: 'waiting' })]);
  // The same message (one ClientToken) in both tabs.
  expect(follower.session.getPendingMessages()[0].id).toBe(holder.session.getPendingMessages()[0].id);
  await endFaults();
  await expect(sent).resolves.toEqual(expect.objectContaining({ data: expect.objectContaining({ Id: expect.any(String) }) }));
  await until(() => listed(follower).length === 0 && listed(holder).length === 0, 'both lists empty');
  expect(followerLists.at(-1)).toEqual([]);
  expect(await world.storedTimes('typed in the follower')).toBe(1);
});

test('the follower discards a waiting message of the holder list: gone from every tab, its promise rejects, never stored', async () => {
  await outage();
  const sent = follower.session.sendMessage({ message: 'never mind', contentType: 'text/plain' });
  sent.catch(() => undefined);
  await until(() => listed(follower).length === 1, 'the follower lists the message');
  const [{ id }] = follower.session.getPendingMessages();
  expect(follower.session.discardPendingMessage({ id })).toBe(true);
  expect(listed(follower)).toEqual([]);
  await expect(sent).rejects.toMatchObject({ type: 'MessageDiscarded' });
  expect(listed(holder)).toEqual([]);
  // Unknown or already gone: nothing to discard.
  expect(follower.session.discardPendingMessage({ id })).toBe(false);
  await endFaults();
  const check = await follower.session.sendMessage({ message: 'after the outage', contentType: 'text/plain' });
  expect(check.data.Id).toEqual(expect.any(String));
  expect(await world.storedTimes('never mind')).toBe(0);
  expect(await world.storedTimes('after the outage')).toBe(1);
});

test('a message that failed in the holder shows as failed in the follower, which sends it again: stored once', async () => {
  await fault({ kind: 'http-error', operation: 'SendMessage', status: 400, count: 1 });
  const sent = follower.session.sendMessage({ message: 'try again', contentType: 'text/plain' });
  sent.catch(() => undefined);
  await expect(sent).rejects.toMatchObject({ type: 'ValidationException' });
  await until(() => listed(follower).length === 1, 'the follower lists the failed message');
  expect(listed(follower)).toEqual([{ content: 'try again', state: 'failed' }]);
  expect(listed(holder)).toEqual([{ content: 'try again', state: 'failed' }]);
  const [{ id }] = follower.session.getPendingMessages();
  const metadata = { mine: true };
  const again = await follower.session.resendFailedMessage({ id, metadata });
  expect(again).toEqual({ data: expect.objectContaining({ Id: expect.any(String) }), metadata });
  await until(() => listed(follower).length === 0 && listed(holder).length === 0, 'both lists empty');
  expect(await world.storedTimes('try again')).toBe(1);
});

test('a tab that opens later sees what is already pending', async () => {
  // The service refuses SendMessage (500) until the fault ends: the message waits in the holder, retried.
  await fault({ kind: 'http-error', operation: 'SendMessage', status: 500, count: 1_000 });
  const sent = follower.session.sendMessage({ message: 'waiting already', contentType: 'text/plain' });
  sent.catch(() => undefined);
  await until(() => listed(holder).length === 1, 'the holder lists the message');
  const late = world.open('late');
  const lateLists: PendingMessage[][] = [];
  late.session.onPendingMessagesChanged(({ data }) => lateLists.push(data));
  await late.session.connect();
  await until(() => listed(late).length === 1, 'the late tab lists the message');
  expect(listed(late)).toEqual([{ content: 'waiting already', state: expect.stringMatching(/^(waiting|sending)$/) }]);
  expect(lateLists.at(-1)).toEqual([expect.objectContaining({ content: 'waiting already' })]);
  await endFaults();
  await sent;
  await until(() => listed(late).length === 0, 'the late tab list empty');
  expect(await world.storedTimes('waiting already')).toBe(1);
});

test('the holder closes while a message of the follower waits in it: the next holder lists it in every tab and sends it once', async () => {
  const third = world.open('c');
  await third.session.connect();
  await outage();
  await until(() => !third.core.isUp(), 'the third tab sees the link down');
  const sent = follower.session.sendMessage({ message: 'kept across the hand-over', contentType: 'text/plain' });
  sent.catch(() => undefined);
  await until(() => [holder, follower, third].every((tab) => listed(tab).length === 1), 'every tab lists the message');
  await world.close(holder);
  // The call the old holder never answered goes to the next holder (same ClientToken), whose list every tab shows.
  const rest = [follower, third];
  await until(() => rest.some((tab) => tab === world.holder()), 'a remaining tab holds');
  await until(() => rest.every((tab) => listed(tab).length === 1), 'the remaining tabs list the message');
  for (const tab of rest) expect(listed(tab)).toEqual([{ content: 'kept across the hand-over', state: 'waiting' }]);
  await endFaults();
  await expect(sent).resolves.toEqual(expect.objectContaining({ data: expect.objectContaining({ Id: expect.any(String) }) }));
  await until(() => rest.every((tab) => listed(tab).length === 0), 'the lists empty');
  expect(await world.storedTimes('kept across the hand-over')).toBe(1);
});
