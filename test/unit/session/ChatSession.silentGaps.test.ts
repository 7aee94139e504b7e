// Silent gaps: items the open socket never delivered. Each signal starts the reconnect path's recovery
// (GetTranscript forward from the last checkpoint: where the link came up, then the newest item a recovery
// fetched) without touching the socket, at most once per 5 s.
import type { ChatTranscriptItem } from '../../../src/types';
import { agentHarness, connectCustomer, customerHarness, FakeManager, flush, type Harness } from '../../support/fakes/sessionHarness';
import type { CustomerChatSession } from '../../../src/session/customerChatSession';

const NOW = Date.parse('2026-01-01T00:00:00.000Z');
const at = (second: number): string => new Date(NOW + second * 1_000).toISOString();
const msg = (id: string, second: number, contactId = 'c-1'): ChatTranscriptItem => ({
  Id: id,
  Type: 'MESSAGE',
  ContentType: 'text/plain',
  Content: id,
  AbsoluteTime: at(second),
  ContactId: contactId,
  InitialContactId: contactId,
  ParticipantRole: 'AGENT',
});
const page = (items: ChatTranscriptItem[]) => ({ InitialContactId: 'c-1', Transcript: items, NextToken: undefined, $metadata: {} });

beforeEach(() => jest.useFakeTimers({ now: NOW }));
afterEach(() => jest.useRealTimers());

/** A connected customer that saw m1 over the socket; `seen` is what onMessage showed, in order. */
async function connectedWithOneItem(): Promise<{ h: Harness<CustomerChatSession>; seen: string[]; fetches: () => Array<{ startPosition?: object }> }> {
  const h = customerHarness();
  await connectCustomer(h);
  const seen: string[] = [];
  h.session.onMessage((e) => seen.push(e.data.Id));
  h.manager.push(msg('m1', 1));
  await flush();
  return { h, seen, fetches: () => h.client.getTranscript.mock.calls.map((call) => call[1]) };
}

const FROM_CONNECT = { AbsoluteTime: at(0) };

describe('each signal starts one recovery from the checkpoint', () => {
  it('a sent message whose echo does not come within 3 s', async () => {
    const { h, seen, fetches } = await connectedWithOneItem();
    h.client.sendMessage.mockResolvedValueOnce({ Id: 'own-1', AbsoluteTime: at(2), $metadata: {} });
    await h.session.sendMessage({ message: 'hello' });
    h.client.getTranscript.mockResolvedValueOnce(page([msg('m1', 1), { ...msg('own-1', 2), ParticipantRole: 'CUSTOMER' }, msg('m2', 3)]));
    await jest.advanceTimersByTimeAsync(2_999);
    expect(fetches()).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(fetches()).toEqual([{ maxResults: 100, scanDirection: 'FORWARD', sortOrder: 'ASCENDING', startPosition: FROM_CONNECT }]);
    await flush(10);
    expect(seen).toEqual(['m1', 'own-1', 'm2']);
  });

  it('no recovery when the echo comes, even before the SendMessage answer', async () => {
    const { h, fetches } = await connectedWithOneItem();
    h.client.sendMessage.mockResolvedValueOnce({ Id: 'own-1', AbsoluteTime: at(2), $metadata: {} });
    h.client.sendMessage.mockImplementationOnce(async () => {
      h.manager.push({ ...msg('own-2', 3), ParticipantRole: 'CUSTOMER' });
      return { Id: 'own-2', AbsoluteTime: at(3), $metadata: {} };
    });
    await h.session.sendMessage({ message: 'one' });
    h.manager.push({ ...msg('own-1', 2), ParticipantRole: 'CUSTOMER' });
    await h.session.sendMessage({ message: 'two' });
    await jest.advanceTimersByTimeAsync(10_000);
    expect(fetches()).toEqual([]);
  });

  it('a heartbeat reply that came late (the link stays up)', async () => {
    const { h, fetches } = await connectedWithOneItem();
    h.manager.fire('heartbeatLate', { timestamp: Date.now(), roundTripMs: 4_000 });
    expect(fetches()).toHaveLength(1);
    expect(fetches()[0].startPosition).toEqual(FROM_CONNECT);
    expect(h.manager.closed).toBe(0);
    expect(h.session.controller.getState()).toBe('connected');
  });

  it('a ping that got no reply (deep heartbeat failure), even when the next is answered', async () => {
    const { h, fetches } = await connectedWithOneItem();
    h.manager.fire('deepFailure', { timestamp: Date.now(), error: new Error('no reply') });
    h.manager.fire('deepSuccess', { timestamp: Date.now() });
    expect(fetches()).toHaveLength(1);
  });

  it('the browser coming back online', async () => {
    const { fetches } = await connectedWithOneItem();
    window.dispatchEvent(new Event('online'));
    expect(fetches()).toHaveLength(1);
  });

  it('the page becoming visible again (not hidden)', async () => {
    const { fetches } = await connectedWithOneItem();
    const visibility = jest.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(fetches()).toHaveLength(0);
    visibility.mockReturnValue('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(fetches()).toHaveLength(1);
    visibility.mockRestore();
  });

  it('an item older than one already delivered: the gap is filled and the late item waits its turn', async () => {
    const { h, seen, fetches } = await connectedWithOneItem();
    h.manager.push(msg('m3', 3));
    h.client.getTranscript.mockResolvedValueOnce(page([msg('m2', 2), msg('m3', 3)]));
    h.manager.push(msg('m2', 2));
    h.manager.push(msg('m4', 4));
    await flush(10);
    expect(fetches()).toEqual([expect.objectContaining({ startPosition: FROM_CONNECT })]);
    // m2 is delivered once, after m3 (it came late); m4 waited for the recovery.
    expect(seen).toEqual(['m1', 'm3', 'm2', 'm4']);
  });

  it('a gap in the middle (later items came): the next check starts before it, and the checkpoint moves on', async () => {
    const { h, seen, fetches } = await connectedWithOneItem();
    h.manager.push(msg('m3', 3)); // m2 was dropped by the socket
    h.client.getTranscript.mockResolvedValueOnce(page([msg('m1', 1), msg('m2', 2), msg('m3', 3)]));
    h.manager.fire('heartbeatLate', {});
    await flush(10);
    expect(seen).toEqual(['m1', 'm3', 'm2']);
    await jest.advanceTimersByTimeAsync(5_000); // the follow-up: it found m2
    expect(fetches().map((f) => f.startPosition)).toEqual([FROM_CONNECT, { Id: 'm3' }]);
    expect(seen).toEqual(['m1', 'm3', 'm2']);
  });

  it('typing and receipts never count as late', async () => {
    const { h, fetches } = await connectedWithOneItem();
    h.manager.push(msg('m3', 3));
    h.manager.push({ Id: 't1', Type: 'EVENT', ContentType: 'application/vnd.amazonaws.connect.event.typing', AbsoluteTime: at(2), ContactId: 'c-1', InitialContactId: 'c-1' });
    h.manager.push({ Id: 'r1', Type: 'MESSAGEMETADATA', AbsoluteTime: at(2), MessageMetadata: { MessageId: 'm3', Receipts: [] } } as unknown as ChatTranscriptItem);
    await flush();
    expect(fetches()).toEqual([]);
  });
});

describe('bounded cost', () => {
  it('no recovery storm: every signal at once makes one request, signals in the next 5 s one more, after it', async () => {
    const { h, fetches } = await connectedWithOneItem();
    h.client.sendMessage.mockResolvedValueOnce({ Id: 'own-1', AbsoluteTime: at(2), $metadata: {} });
    await h.session.sendMessage({ message: 'lost echo' });
    h.manager.fire('heartbeatLate', {});
    h.manager.fire('deepFailure', {});
    window.dispatchEvent(new Event('online'));
    document.dispatchEvent(new Event('visibilitychange'));
    h.manager.push(msg('m0', 0));
    await flush(10);
    expect(fetches()).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(3_000); // the echo is overdue now
    h.manager.fire('heartbeatLate', {});
    window.dispatchEvent(new Event('online'));
    expect(fetches()).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1_999);
    expect(fetches()).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(fetches()).toHaveLength(2);
    // Nothing was missing and nothing else came: the next request is the safety net's, 30 s on.
    await jest.advanceTimersByTimeAsync(29_000);
    expect(fetches()).toHaveLength(2);
  });

  it('a signal during a running recovery runs one more after it', async () => {
    const { h, fetches } = await connectedWithOneItem();
    let answer: (value: ReturnType<typeof page>) => void = () => undefined;
    h.client.getTranscript.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    h.manager.fire('heartbeatLate', {});
    await jest.advanceTimersByTimeAsync(6_000);
    h.manager.fire('heartbeatLate', {});
    h.manager.fire('deepFailure', {});
    answer(page([]));
    await flush(10);
    expect(fetches()).toHaveLength(2);
  });

  it('a recovery that found missing items looks once more 5 s later', async () => {
    const { h, seen, fetches } = await connectedWithOneItem();
    h.client.getTranscript.mockResolvedValueOnce(page([msg('m1', 1), msg('m2', 2)]));
    h.client.getTranscript.mockResolvedValueOnce(page([msg('m2', 2), msg('m3', 3)]));
    h.manager.fire('heartbeatLate', {});
    await flush(10);
    await jest.advanceTimersByTimeAsync(5_000);
    expect(fetches().map((f) => f.startPosition)).toEqual([FROM_CONNECT, { Id: 'm2' }]);
    expect(seen).toEqual(['m1', 'm2', 'm3']);
  });

  it('the safety net: 30 s after a check when anything happened, else backing off to one per 15 min', async () => {
    const { h, fetches } = await connectedWithOneItem();
    const times: number[] = [];
    h.client.getTranscript.mockImplementation(async () => {
      times.push((Date.now() - NOW) / 1_000);
      return page([]);
    });
    await jest.advanceTimersByTimeAsync(3_600_000);
    // m1 arrived right after connect: 30 s; then quiet: 60, 120, 240, 480, 900, 900, ...
    expect(times).toEqual([30, 90, 210, 450, 930, 1830, 2730]);
    const beforeHour = fetches().length;
    await jest.advanceTimersByTimeAsync(3_600_000);
    expect(fetches().length - beforeHour).toBe(4);
    // Activity brings the short spacing back.
    h.manager.push(msg('m2', 2));
    await jest.advanceTimersByTimeAsync(30_000);
    expect(fetches().length - beforeHour).toBe(5);
  });

  it('while the link is down the watch is off (the reconnect recovers); it restarts with the link', async () => {
    const { h, fetches } = await connectedWithOneItem();
    h.manager.fire('lost', { code: 1006 });
    h.manager.fire('heartbeatLate', {});
    window.dispatchEvent(new Event('online'));
    await jest.advanceTimersByTimeAsync(60_000);
    expect(fetches()).toHaveLength(0);
    h.manager.fire('gain');
    await flush(10);
    expect(fetches()).toHaveLength(1); // the reconnect path's own recovery
    await jest.advanceTimersByTimeAsync(5_000);
    h.manager.fire('heartbeatLate', {});
    expect(fetches()).toHaveLength(2);
  });

  it('an ended chat leaves no timer and no listener behind', async () => {
    const { h, fetches } = await connectedWithOneItem();
    h.client.sendMessage.mockResolvedValueOnce({ Id: 'own-1', AbsoluteTime: at(2), $metadata: {} });
    await h.session.sendMessage({ message: 'bye' });
    h.manager.push({ Id: 'end', Type: 'EVENT', ContentType: 'application/vnd.amazonaws.connect.event.chat.ended', AbsoluteTime: at(3), ContactId: 'c-1', InitialContactId: 'c-1' });
    await flush(10);
    expect(jest.getTimerCount()).toBe(0);
    window.dispatchEvent(new Event('online'));
    expect(fetches()).toHaveLength(0);
  });

  it('off when missed-message recovery is turned off', async () => {
    const h = customerHarness({ contactId: 'c-1', participantId: 'p-cust', participantToken: 'pt' });
    (h.controller as unknown as { deps: { recoverMissedMessages: () => boolean } }).deps.recoverMissedMessages = () => false;
    await connectCustomer(h);
    h.manager.fire('heartbeatLate', {});
    await jest.advanceTimersByTimeAsync(3_600_000);
    expect(h.client.getTranscript).not.toHaveBeenCalled();
  });
});

describe('an agent on Streams’ shared manager', () => {
  it('gets the same protection for its own contact’s items', async () => {
    const streams = new FakeManager(false);
    const a = agentHarness(streams, { contactId: 'c-1', participantId: 'p-a', participantToken: 'pt-a' });
    const b = agentHarness(streams, { contactId: 'c-2', participantId: 'p-b', participantToken: 'pt-b' });
    await a.session.connect();
    await b.session.connect();
    const seen: string[] = [];
    a.session.onMessage((e) => seen.push(e.data.Id));
    streams.push(msg('a1', 1));
    streams.push(msg('b1', 5, 'c-2'));
    a.client.sendMessage.mockResolvedValueOnce({ Id: 'own-a', AbsoluteTime: at(6), $metadata: {} });
    await a.session.sendMessage({ message: 'from agent a' });
    a.client.getTranscript.mockResolvedValueOnce(page([msg('a1', 1), msg('a2', 2), { ...msg('own-a', 6), ParticipantRole: 'AGENT' }]));
    await jest.advanceTimersByTimeAsync(3_000);
    expect(a.client.getTranscript.mock.calls.map((call) => call[1].startPosition)).toEqual([FROM_CONNECT]);
    expect(b.client.getTranscript).not.toHaveBeenCalled();
    expect(seen).toEqual(['a1', 'a2', 'own-a']);
  });
});
