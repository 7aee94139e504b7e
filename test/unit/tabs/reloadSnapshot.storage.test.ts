// A reload paints the transcript the tab showed, from sessionStorage, before any network call; storage
// that is full or blocked costs that feature (with a warning) and, when blocked, the shared socket too.
import { detectTabEnvironment } from '../../../src/session/tabs/tabEnvironment';
import { SNAPSHOT_KEY_PREFIX } from '../../../src/session/tabs/reloadSnapshot';
import { FakeStorage } from '../../support/tabs/fakeTabs';
import { agentMessage, FakeBrowser, settle, type FakeTab } from '../../support/tabs/tabHarness';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

const KEY = `${SNAPSHOT_KEY_PREFIX}c-1:p-cust`;
const texts = (tab: FakeTab): string[] => tab.received.map((item) => String(item.Content));

async function connectAlone(tab: FakeTab): Promise<void> {
  const pending = tab.session.connect();
  await settle();
  tab.managers[tab.managers.length - 1].fire('gain');
  await pending;
}

/** What a reload does to the tab's sessionStorage: the entry now comes from an earlier page load. */
function asEarlierPageLoad(storage: FakeStorage): void {
  const stored = JSON.parse(storage.entries.get(KEY) as string) as { page: string };
  storage.entries.set(KEY, JSON.stringify({ ...stored, page: 'earlier-page-load' }));
}

test('a reload replays what the tab showed before its first request, then resumes after it once', async () => {
  const browser = new FakeBrowser();
  const before = browser.open('before');
  await connectAlone(before);
  const socket = before.managers[0];
  socket.push(agentMessage('m1', 'one'));
  socket.push(agentMessage('m2', 'two'));
  socket.push({ ...agentMessage('t1', ''), Type: 'EVENT', ContentType: 'application/vnd.amazonaws.connect.event.typing' });
  await settle();
  const stored = before.storage.entries.get(KEY) as string;
  expect(stored).not.toContain('pt-secret');
  expect(stored).not.toContain('conn-token');
  browser.close(before);
  asEarlierPageLoad(before.storage);

  const after = browser.open('after', {}, before.storage);
  after.client.getTranscript.mockResolvedValueOnce({
    InitialContactId: 'c-1',
    Transcript: [agentMessage('m2', 'two') as never, agentMessage('m3', 'meanwhile') as never],
    NextToken: undefined,
    $metadata: {},
  });
  const paintedAtFirstRequest: string[][] = [];
  const createConnection = after.client.createParticipantConnection.getMockImplementation();
  after.client.createParticipantConnection.mockImplementation(async (token, options) => {
    paintedAtFirstRequest.push(texts(after));
    if (!createConnection) throw new Error('the fake client has no createParticipantConnection');
    return createConnection(token, options);
  });
  const pending = after.session.connect();
  await settle();
  // The app's handler had both items before the first request went out.
  expect(paintedAtFirstRequest[0]).toEqual(['one', 'two']);
  after.managers[after.managers.length - 1].fire('gain');
  await pending;
  await settle();
  expect(after.client.getTranscript).toHaveBeenCalledWith(expect.any(String), expect.objectContaining({ startPosition: { Id: 'm2' } }));
  expect(texts(after)).toEqual(['one', 'two', 'meanwhile']);
});

test('a second session in the same page load does not replay (the app shows those items already)', async () => {
  const browser = new FakeBrowser();
  const first = browser.open('tab');
  await connectAlone(first);
  first.managers[0].push(agentMessage('m1', 'one'));
  await settle();
  const again = browser.open('tab-again', { shareConnection: false }, first.storage);
  void again.session.connect();
  await settle();
  expect(texts(again)).toEqual([]);
});

test('restoreOnReload: false writes nothing to sessionStorage', async () => {
  const browser = new FakeBrowser();
  const tab = browser.open('tab', { restoreOnReload: false });
  await connectAlone(tab);
  tab.managers[0].push(agentMessage('m1', 'one'));
  await settle();
  expect(tab.storage.entries.size).toBe(0);
});

test('the chat ends: its snapshot is removed', async () => {
  const browser = new FakeBrowser();
  const tab = browser.open('tab');
  await connectAlone(tab);
  tab.managers[0].push(agentMessage('m1', 'one'));
  await settle();
  expect(tab.storage.entries.has(KEY)).toBe(true);
  tab.managers[0].push({ Type: 'EVENT', ContentType: 'application/vnd.amazonaws.connect.event.chat.ended', Id: 'end', ContactId: 'c-1', InitialContactId: 'c-1' });
  await settle();
  expect(tab.storage.entries.size).toBe(0);
});

test('storage full: a warning, no snapshot, and the chat goes on', async () => {
  const browser = new FakeBrowser();
  const storage = new FakeStorage();
  storage.mode = 'full';
  const tab = browser.open('tab', {}, storage);
  await connectAlone(tab);
  tab.managers[0].push(agentMessage('m1', 'one'));
  tab.managers[0].push(agentMessage('m2', 'two'));
  await settle();
  expect(texts(tab)).toEqual(['one', 'two']);
  expect(tab.warnings.filter((line) => line.includes('sessionStorage refused'))).toHaveLength(1);
  expect(storage.entries.size).toBe(0);
});

describe('storage blocked by the browser', () => {
  const blockedScope = () =>
    ({
      document: {},
      BroadcastChannel: class {
        constructor() {
          throw Object.assign(new Error('The operation is insecure.'), { name: 'SecurityError' });
        }
      },
    }) as never;

  test('detection reports the refusal', () => {
    expect(detectTabEnvironment(blockedScope())).toEqual({ environment: null, problem: expect.stringContaining('refused BroadcastChannel') });
  });

  test('each tab keeps its own socket, with a warning', async () => {
    const { normalizeCreateArgs } = await import('../../../src/session/args/chatArgs');
    const { ChatCore } = await import('../../../src/session/core/chatCore');
    const { fakeClient, FakeManager, CUSTOMER_DETAILS } = await import('../../support/fakes/sessionHarness');
    const warnings: string[] = [];
    const managers: InstanceType<typeof FakeManager>[] = [];
    const cores = [1, 2].map(() => {
      const client = fakeClient();
      return new ChatCore(normalizeCreateArgs({ type: 'CUSTOMER', chatDetails: CUSTOMER_DETAILS }), {
        client: () => client as never,
        attachments: { upload: jest.fn(), download: jest.fn(), url: jest.fn() },
        createManager: () => {
          const manager = new FakeManager();
          managers.push(manager);
          return manager;
        },
        logger: { debug: () => undefined, info: () => undefined, advancedLog: () => undefined, error: () => undefined, warn: (line: unknown) => warnings.push(String(line)) },
        tabEnvironment: () => detectTabEnvironment(blockedScope()),
      });
    });
    cores.forEach((core) => void core.connect());
    await settle();
    expect(managers.filter((manager) => manager.initCalls === 1)).toHaveLength(2);
    expect(warnings.filter((line) => line.includes('keeps its own websocket'))).toHaveLength(2);
  });
});
