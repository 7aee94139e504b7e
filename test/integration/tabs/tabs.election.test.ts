// Tabs of one chat against the real emulator (docs/tabs.md): several SDK sessions for ONE chat in one Node
// process stand for the tabs of one browser profile, sharing fake BroadcastChannel / Web Locks /
// sessionStorage (test/support/tabs). What is asserted is what the emulator saw: the customer's websockets
// (GET /emulator/sockets: open now, opened since the start), each customer message stored once, and every tab
// showing every agent message once, in order.
import { HOLDER_SILENT_MS } from '../../../src/session/tabs/sharedConnection';
import { agentTexts, EmulatorTabs, untilAgentSaid, type EmulatorTab } from '../../support/tabs/emulatorTabs';

jest.setTimeout(60_000);

let world: EmulatorTabs;

afterEach(() => world?.stop());

async function openConnected(names: string[]): Promise<EmulatorTab[]> {
  const tabs = names.map((name) => world.open(name));
  await Promise.all(tabs.map((tab) => tab.session.connect()));
  return tabs;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('three tabs: one websocket, every agent message once and in order in each, each customer message stored once', async () => {
  world = await EmulatorTabs.start();
  const tabs = await openConnected(['a', 'b', 'c']);
  expect(await world.sockets()).toEqual({ open: 1, opened: 1 });
  for (const text of ['one', 'two', 'three']) await world.agentSays(text);
  for (const tab of tabs) await untilAgentSaid(tab, 'three');
  await Promise.all([tabs[1].session.sendMessage({ message: 'from b', contentType: 'text/plain' }), tabs[2].session.sendMessage({ message: 'from c', contentType: 'text/plain' })]);
  for (const tab of tabs) await tab.log.until(() => ['from b', 'from c'].every((text) => tab.log.texts('CUSTOMER').includes(text)), 15_000, `${tab.name}: own messages`);
  expect(await world.storedTimes('from b')).toBe(1);
  expect(await world.storedTimes('from c')).toBe(1);
  for (const tab of tabs) {
    expect(agentTexts(tab)).toEqual(['one', 'two', 'three']);
    expect(tab.log.texts('CUSTOMER').sort()).toEqual(['from b', 'from c']);
  }
  expect(await world.sockets()).toEqual({ open: 1, opened: 1 });
});

test('two tabs created and connected in the same tick: exactly one holds the websocket', async () => {
  world = await EmulatorTabs.start();
  const [a, b] = [world.open('a'), world.open('b')];
  await Promise.all([a.session.connect(), b.session.connect()]);
  expect(await world.sockets()).toEqual({ open: 1, opened: 1 });
  const holder = world.holder();
  await world.agentSays('to both');
  for (const tab of [a, b]) await untilAgentSaid(tab, 'to both');
  expect([a, b].map(agentTexts)).toEqual([['to both'], ['to both']]);
  // The tab that does not hold the lock opened no socket: the only one is the holder's.
  expect(world.holder()).toBe(holder);
  expect(await world.sockets()).toEqual({ open: 1, opened: 1 });
});

test('the holder closes: the next tab takes the websocket over; what was sent in between reaches every remaining tab once', async () => {
  world = await EmulatorTabs.start();
  const tabs = await openConnected(['a', 'b', 'c']);
  await world.agentSays('before');
  for (const tab of tabs) await untilAgentSaid(tab, 'before');
  const first = world.holder();
  const rest = tabs.filter((tab) => tab !== first);
  // The page goes away: its channel is gone first, then its socket and lock. A message arriving on its socket in
  // between reaches it but cannot be relayed: the other tabs get it only from the hand-over's recovery.
  await world.close(first, async () => {
    await world.agentSays('in between');
    await untilAgentSaid(first, 'in between');
  });
  for (const tab of rest) await untilAgentSaid(tab, 'in between');
  await world.agentSays('after');
  for (const tab of rest) await untilAgentSaid(tab, 'after');
  for (const tab of rest) expect(agentTexts(tab)).toEqual(['before', 'in between', 'after']);
  expect(rest).toContain(world.holder());
  expect(await world.sockets()).toEqual({ open: 1, opened: 2 });
  // A follower's message after the hand-over goes through the new holder, once.
  const follower = rest.find((tab) => tab !== world.holder()) as EmulatorTab;
  await follower.session.sendMessage({ message: 'after hand-over', contentType: 'text/plain' });
  expect(await world.storedTimes('after hand-over')).toBe(1);
});

test('a frozen holder (silent, lock kept) is detected by the followers pings and its lock is stolen; thawed, it follows', async () => {
  world = await EmulatorTabs.start();
  const [a, b] = await openConnected(['a', 'b']);
  const frozen = world.holder();
  const other = frozen === a ? b : a;
  // A quiet holder still answers the followers' pings: no take-over however long nothing happens.
  await sleep(HOLDER_SILENT_MS + 1_500);
  expect(world.holder()).toBe(frozen);
  expect(await world.sockets()).toEqual({ open: 1, opened: 1 });
  await world.agentSays('before');
  for (const tab of [a, b]) await untilAgentSaid(tab, 'before');

  // Frozen: it neither hears nor is heard on the channel, and keeps its Web Lock.
  world.channels.freeze(frozen.name);
  await world.agentSays('while frozen');
  // Pings go unanswered; after HOLDER_SILENT_MS of silence the follower steals the lock and opens its socket,
  // then every tab recovers what it missed.
  await untilAgentSaid(other, 'while frozen');
  expect(world.holder()).toBe(other);
  expect(other.warnings).toContainEqual(expect.stringContaining('stopped answering: taking it over'));
  expect(frozen.warnings).toContainEqual(expect.stringContaining('Another tab took the chat websocket over'));
  expect(await world.sockets()).toEqual({ open: 1, opened: 2 });

  world.channels.thaw(frozen.name);
  await world.agentSays('after thaw');
  for (const tab of [a, b]) await untilAgentSaid(tab, 'after thaw');
  for (const tab of [a, b]) expect(agentTexts(tab)).toEqual(['before', 'while frozen', 'after thaw']);
  await frozen.session.sendMessage({ message: 'from the thawed tab', contentType: 'text/plain' });
  expect(await world.storedTimes('from the thawed tab')).toBe(1);
  expect(await world.sockets()).toEqual({ open: 1, opened: 2 });
});

describe('storage', () => {
  test('full (setItem throws QuotaExceededError): one warning per tab, no reload snapshot, the tabs still share one websocket', async () => {
    world = await EmulatorTabs.start();
    const tabs = ['a', 'b'].map((name) => world.open(name, { storage: 'full' }));
    await Promise.all(tabs.map((tab) => tab.session.connect()));
    for (const text of ['one', 'two']) await world.agentSays(text);
    for (const tab of tabs) await untilAgentSaid(tab, 'two');
    await tabs[1].session.sendMessage({ message: 'still sent', contentType: 'text/plain' });
    expect(await world.storedTimes('still sent')).toBe(1);
    for (const tab of tabs) {
      expect(agentTexts(tab)).toEqual(['one', 'two']);
      expect(tab.warnings.filter((line) => line.includes('sessionStorage refused the write'))).toHaveLength(1);
      expect(tab.storage.entries.size).toBe(0);
    }
    // Storage plays no part in the election or the relay (Web Locks and BroadcastChannel have no quota).
    expect(await world.sockets()).toEqual({ open: 1, opened: 1 });
  });

  test.each([
    ['Firefox: BroadcastChannel refused', 'blocked-channel', 'this tab keeps its own websocket'],
    ['Chromium: Web Locks refused', 'blocked-locks', 'this tab keeps its own websocket'],
    ['storage readable, yet every lock request refused', 'locks-refused', 'refused the chat lock: this tab keeps its own websocket'],
  ] as const)('disabled (%s): one websocket per tab, one warning each, the chat works in every tab', async (_engine, setting, warning) => {
    world = await EmulatorTabs.start();
    const tabs = ['a', 'b'].map((name) => world.open(name, { storage: setting }));
    await Promise.all(tabs.map((tab) => tab.session.connect()));
    expect(await world.sockets()).toEqual({ open: 2, opened: 2 });
    for (const text of ['one', 'two']) await world.agentSays(text);
    for (const tab of tabs) await untilAgentSaid(tab, 'two');
    await Promise.all(tabs.map((tab) => tab.session.sendMessage({ message: `from ${tab.name}`, contentType: 'text/plain' })));
    for (const tab of tabs) {
      expect(await world.storedTimes(`from ${tab.name}`)).toBe(1);
      expect(agentTexts(tab)).toEqual(['one', 'two']);
      expect(tab.warnings.filter((line) => line.includes(warning))).toHaveLength(1);
    }
  });
});

test('without Web Locks every tab still has a working chat: each agent message once and in order, each customer message stored once', async () => {
  world = await EmulatorTabs.start({ locks: false });
  const tabs = await openConnected(['a', 'b', 'c']);
  for (const text of ['one', 'two', 'three']) await world.agentSays(text);
  for (const tab of tabs) await untilAgentSaid(tab, 'three');
  await Promise.all([tabs[0].session.sendMessage({ message: 'from a', contentType: 'text/plain' }), tabs[2].session.sendMessage({ message: 'from c', contentType: 'text/plain' })]);
  for (const tab of tabs) await tab.log.until(() => tab.log.texts('CUSTOMER').length === 2, 15_000, `${tab.name}: customer messages`);
  expect(await world.storedTimes('from a')).toBe(1);
  expect(await world.storedTimes('from c')).toBe(1);
  for (const tab of tabs) {
    expect(agentTexts(tab)).toEqual(['one', 'two', 'three']);
    expect(tab.log.texts('CUSTOMER').sort()).toEqual(['from a', 'from c']);
  }
});
