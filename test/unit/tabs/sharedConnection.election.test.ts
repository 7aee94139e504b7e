// Tabs of one chat over fake channels and locks: one websocket, every event in every tab once and in
// order, sends through the holder, hand-over on close, take-over from a frozen holder.
import { HOLDER_SILENT_MS } from '../../../src/session/tabs/sharedConnection';
import { agentMessage, FakeBrowser, settle, type FakeTab } from '../../support/tabs/tabHarness';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

/** Connects the tabs one after another; the first one's socket comes up after its connect. */
async function connectAll(browser: FakeBrowser, tabs: FakeTab[]): Promise<void> {
  const pending = tabs.map((tab) => tab.session.connect());
  await settle();
  const holder = browser.holder();
  if (!holder) throw new Error('no tab opened a socket');
  holder.managers[holder.managers.length - 1].fire('gain');
  await settle();
  await Promise.all(pending);
}

const socketOf = (tab: FakeTab) => tab.managers[tab.managers.length - 1];
const texts = (tab: FakeTab): string[] => tab.received.map((item) => String(item.Content));

describe('one websocket per chat', () => {
  test('three tabs: one socket, and every tab gets every agent message once, in order', async () => {
    const browser = new FakeBrowser();
    const tabs = ['a', 'b', 'c'].map((name) => browser.open(name));
    await connectAll(browser, tabs);
    expect(browser.socketsOpened).toBe(1);
    const holder = browser.holder() as FakeTab;
    ['one', 'two', 'three'].forEach((text, i) => socketOf(holder).push(agentMessage(`m${i}`, text)));
    // The same item twice on the socket (the service may repeat one) is still delivered once.
    socketOf(holder).push(agentMessage('m2', 'three'));
    await settle();
    for (const tab of tabs) expect(texts(tab)).toEqual(['one', 'two', 'three']);
    expect(tabs.map((tab) => tab.session.getChatDetails().connectionDetails?.connectionToken).every(Boolean)).toBe(true);
  });

  test('two tabs racing to connect at the same moment: exactly one holds', async () => {
    const browser = new FakeBrowser();
    const [a, b] = [browser.open('a'), browser.open('b')];
    const both = Promise.all([a.session.connect(), b.session.connect()]);
    await settle();
    expect(browser.socketsOpened).toBe(1);
    socketOf(browser.holder() as FakeTab).fire('gain');
    await both;
    expect(browser.locks?.holderOf('amazon-connect-chat:c-1:p-cust')).toBe((browser.holder() as FakeTab).name);
  });

  test('a follower that connects later is told the link is up and then hears live items', async () => {
    const browser = new FakeBrowser();
    const a = browser.open('a');
    await connectAll(browser, [a]);
    const b = browser.open('b');
    await b.session.connect();
    socketOf(a).push(agentMessage('m1', 'hello'));
    await settle();
    expect(texts(b)).toEqual(['hello']);
    expect(b.managers).toHaveLength(0); // a following tab creates no websocket manager
  });

  test('sendMessage in a follower is made once, by the holder, with one ClientToken', async () => {
    const browser = new FakeBrowser();
    const [a, b] = [browser.open('a'), browser.open('b')];
    await connectAll(browser, [a, b]);
    // The caller's metadata stays in the calling tab (a function could not cross the channel) and comes back with the answer.
    const metadata = { mine: 1, onDone: () => undefined };
    const answer = await b.session.sendMessage({ message: 'from b', contentType: 'text/plain', metadata } as never);
    expect(answer).toEqual({ data: expect.objectContaining({ Id: 'msg-1' }), metadata });
    expect((answer as { metadata: unknown }).metadata).toBe(metadata);
    expect(a.client.sendMessage).toHaveBeenCalledTimes(1);
    expect(b.client.sendMessage).not.toHaveBeenCalled();
    expect(a.client.sendMessage.mock.calls[0][1]).toEqual(expect.objectContaining({ content: 'from b', clientToken: expect.any(String) }));
  });

  test('typing from two tabs in one window is one event; a read receipt for one message is sent once', async () => {
    const browser = new FakeBrowser();
    const [a, b] = [browser.open('a'), browser.open('b')];
    await connectAll(browser, [a, b]);
    await Promise.all([
      a.session.sendEvent({ contentType: 'application/vnd.amazonaws.connect.event.typing' }),
      b.session.sendEvent({ contentType: 'application/vnd.amazonaws.connect.event.typing' }),
    ]);
    const receipt = { contentType: 'application/vnd.amazonaws.connect.event.message.read', content: JSON.stringify({ messageId: 'm9' }) };
    const sent = [a.session.sendEvent(receipt), b.session.sendEvent(receipt)];
    await settle();
    await jest.advanceTimersByTimeAsync(6_000);
    await Promise.all(sent);
    const calls = [...a.client.sendEvent.mock.calls, ...b.client.sendEvent.mock.calls].map(([, args]) => (args as { contentType: string }).contentType);
    expect(calls.filter((type) => type.endsWith('.typing'))).toHaveLength(1);
    expect(calls.filter((type) => type.endsWith('.read'))).toHaveLength(1);
  });
});

describe('hand-over', () => {
  test('the holder closes: the next tab opens the socket, the gap is recovered once in each tab, live items flow', async () => {
    const browser = new FakeBrowser();
    const [a, b, c] = ['a', 'b', 'c'].map((name) => browser.open(name));
    await connectAll(browser, [a, b, c]);
    const first = browser.holder() as FakeTab;
    socketOf(first).push(agentMessage('m1', 'before'));
    await settle();
    browser.close(first);
    await settle();
    const next = browser.holder() as FakeTab;
    expect(next).toBeDefined();
    expect(next).not.toBe(first);
    expect(browser.socketsOpened).toBe(2);
    const rest = [a, b, c].filter((tab) => tab !== first);
    // What the agent sent while no socket was open comes back in every remaining tab's recovery.
    for (const tab of rest) {
      tab.client.getTranscript.mockResolvedValueOnce({ InitialContactId: 'c-1', Transcript: [agentMessage('m2', 'in between') as never], NextToken: undefined, $metadata: {} });
    }
    socketOf(next).fire('gain');
    await settle();
    socketOf(next).push(agentMessage('m3', 'after'));
    await settle();
    for (const tab of rest) {
      // Recovery reads forward from its checkpoint (the session's start here: no recovery ran before).
      expect(tab.client.getTranscript).toHaveBeenCalledWith(expect.any(String), expect.objectContaining({ scanDirection: 'FORWARD' }));
      expect(texts(tab)).toEqual(['before', 'in between', 'after']);
      expect(tab.session.getChatDetails().connectionDetails).not.toBeNull();
    }
  });

  test('a frozen holder is taken over; when it thaws it follows the new holder', async () => {
    const browser = new FakeBrowser();
    const [a, b] = [browser.open('a'), browser.open('b')];
    await connectAll(browser, [a, b]);
    const frozen = browser.holder() as FakeTab;
    const other = frozen === a ? b : a;
    browser.channels.freeze(frozen.name);
    await jest.advanceTimersByTimeAsync(HOLDER_SILENT_MS + 1_500);
    await settle();
    expect(socketOf(other).initCalls).toBe(1);
    expect(browser.locks?.holderOf('amazon-connect-chat:c-1:p-cust')).toBe(other.name);
    // The old holder's lock was taken: it closed its socket and follows.
    expect(socketOf(frozen).closed).toBeGreaterThan(0);
    browser.channels.thaw(frozen.name);
    socketOf(other).fire('gain');
    await settle();
    socketOf(other).push(agentMessage('m5', 'to both'));
    await settle();
    expect(texts(frozen)).toEqual(['to both']);
    expect(texts(other)).toEqual(['to both']);
  });

  test('a follower send whose answer the closing holder never gave is made again by the next holder, same ClientToken', async () => {
    const browser = new FakeBrowser();
    const [a, b] = [browser.open('a'), browser.open('b')];
    await connectAll(browser, [a, b]);
    const holder = browser.holder() as FakeTab;
    const follower = holder === a ? b : a;
    browser.channels.freeze(holder.name); // the holder never answers …
    const sent = follower.session.sendMessage({ message: 'kept', contentType: 'text/plain' });
    await settle();
    browser.channels.thaw(holder.name);
    browser.close(holder); // … and then goes away
    await settle();
    await expect(sent).resolves.toEqual(expect.objectContaining({ data: expect.objectContaining({ Id: 'msg-1' }) }));
    // The old holder got the call as it went away; the new one makes it again with the same ClientToken,
    // which the service stores once.
    expect(follower.client.sendMessage).toHaveBeenCalledTimes(1);
    const tokenOf = (tab: FakeTab) => (tab.client.sendMessage.mock.calls[0]?.[1] as { clientToken?: string } | undefined)?.clientToken;
    expect(tokenOf(follower)).toEqual(expect.any(String));
    expect(holder.client.sendMessage).toHaveBeenCalledTimes(1);
    expect(tokenOf(holder)).toBe(tokenOf(follower));
  });
});

describe('without Web Locks', () => {
  test('each tab keeps its own websocket, with a warning', async () => {
    const browser = new FakeBrowser({ locks: false });
    const [a, b] = [browser.open('a'), browser.open('b')];
    const both = Promise.all([a.session.connect(), b.session.connect()]);
    await settle();
    expect(browser.socketsOpened).toBe(2);
    for (const tab of [a, b]) socketOf(tab).fire('gain');
    await both;
    socketOf(a).push(agentMessage('m1', 'hello'));
    socketOf(b).push(agentMessage('m1', 'hello'));
    await settle();
    expect([texts(a), texts(b)]).toEqual([['hello'], ['hello']]);
    for (const tab of [a, b]) expect(tab.warnings).toEqual([expect.stringContaining('no Web Locks; this tab keeps its own websocket')]);
  });
});
