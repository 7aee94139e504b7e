// onTranscriptUpdated through a session over fakes: every rule of chatjs-behavior §3.6, with the fixes
// (own role, AbsoluteTime order, statuses kept, copies) this SDK makes.
import { CONTENT_TYPE } from '../../../src/constants';
import { ChatServiceError } from '../../../src/errors';
import { createTranscript } from '../../../src/session/features/transcript';
import type { FeatureContext } from '../../../src/session/features/types';
import { normalizeCreateArgs } from '../../../src/session/args/chatArgs';
import type { ChatTranscriptItem, ChatTranscriptUpdatedEvent } from '../../../src/types';
import { agentHarness, connectCustomer, customerHarness, FakeManager, flush, FUTURE, type Harness } from '../../support/fakes/sessionHarness';
import type { CustomerChatSession } from '../../../src/session/customerChatSession';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const at = (second: number): string => `2026-03-01T11:59:${String(second).padStart(2, '0')}.000Z`;

const message = (Id: string, second: number, fields: Partial<ChatTranscriptItem> = {}): Partial<ChatTranscriptItem> => ({
  Id,
  Type: 'MESSAGE',
  ContentType: 'text/plain',
  Content: Id,
  AbsoluteTime: at(second),
  ParticipantRole: 'AGENT',
  ParticipantId: 'p-agent',
  ContactId: 'c-1',
  ...fields,
});
const receipt = (messageId: string, kind: 'ReadTimestamp' | 'DeliveredTimestamp', Id = `r-${messageId}-${kind}`): Partial<ChatTranscriptItem> => ({
  Id,
  Type: 'MESSAGEMETADATA',
  ContentType: kind === 'ReadTimestamp' ? CONTENT_TYPE.readReceipt : CONTENT_TYPE.deliveredReceipt,
  MessageMetadata: { MessageId: messageId, Receipts: [{ [kind]: at(59), RecipientParticipantId: 'p-agent' }] },
});

/** Subscribes and records every update. */
function watch(session: CustomerChatSession | Harness<never>['session']) {
  const updates: ChatTranscriptUpdatedEvent[] = [];
  const off = (session as CustomerChatSession).onTranscriptUpdated((e) => updates.push(e));
  return {
    updates,
    off,
    last: () => updates[updates.length - 1]?.data.transcript ?? [],
    ids: () => (updates[updates.length - 1]?.data.transcript ?? []).map((i) => i.Id),
  };
}

async function connectedWatched() {
  const h = customerHarness();
  await connectCustomer(h);
  return { h, w: watch(h.session) };
}

beforeEach(() => {
  jest.useFakeTimers({ now: NOW });
});
afterEach(() => {
  jest.useRealTimers();
});

describe('turning on', () => {
  it('tracks nothing before anyone subscribes, then stays on after the last handler leaves', async () => {
    const h = customerHarness();
    await connectCustomer(h);
    h.manager.push(message('before', 1));
    await flush();
    const w = watch(h.session);
    h.manager.push(message('first', 2));
    await flush();
    expect(w.ids()).toEqual(['first']);
    w.off();
    h.manager.push(message('while-unsubscribed', 3));
    await flush();
    const again = watch(h.session);
    h.manager.push(message('after', 4));
    await flush();
    expect(again.ids()).toEqual(['first', 'while-unsubscribed', 'after']);
  });
});

describe('sending', () => {
  it('shows SENDING with a temporary Id and the customer’s own role and Id, then SENT under the real Id', async () => {
    const { h, w } = await connectedWatched();
    h.client.sendMessage.mockResolvedValueOnce({ Id: 'real-1', AbsoluteTime: at(30), $metadata: {} });
    const sent = h.session.sendMessage({ message: 'hi there' });
    await flush();
    const [sending] = w.updates[0]?.data.transcript ?? [];
    expect(sending).toMatchObject({
      Type: 'MESSAGE',
      Content: 'hi there',
      ContentType: 'text/plain',
      ParticipantRole: 'CUSTOMER',
      ParticipantId: 'p-cust',
      AbsoluteTime: '',
      MessageMetadata: { Status: 'SENDING' },
    });
    expect(sending?.MessageMetadata?.MessageId).toBe(sending?.Id);
    await sent;
    await flush();
    expect(w.last()).toEqual([
      expect.objectContaining({ Id: 'real-1', AbsoluteTime: at(30), MessageMetadata: { MessageId: 'real-1', Status: 'SENT' } }),
    ]);
  });

  it('drops the placeholder when the real Id already arrived over the websocket, marking that item SENT', async () => {
    const { h, w } = await connectedWatched();
    let answer: (value: { Id: string; AbsoluteTime: string; $metadata: object }) => void = () => undefined;
    h.client.sendMessage.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const sent = h.session.sendMessage({ message: 'echoed' });
    await flush();
    h.manager.push(message('real-2', 10, { Content: 'echoed', ParticipantRole: 'CUSTOMER', ParticipantId: 'p-cust' }));
    await flush();
    expect(w.ids()).toHaveLength(2);
    answer({ Id: 'real-2', AbsoluteTime: at(10), $metadata: {} });
    await sent;
    await flush();
    expect(w.last()).toEqual([expect.objectContaining({ Id: 'real-2', Content: 'echoed', MessageMetadata: { Status: 'SENT' } })]);
  });

  it('marks a failed send FAILED with the time it failed', async () => {
    const { h, w } = await connectedWatched();
    h.client.sendMessage.mockRejectedValueOnce(new ChatServiceError({ type: 'ValidationException', message: 'bad', statusCode: 400 }));
    await expect(h.session.sendMessage({ message: 'doomed' })).rejects.toBeInstanceOf(ChatServiceError);
    await flush();
    expect(w.last()).toEqual([
      expect.objectContaining({ Content: 'doomed', AbsoluteTime: NOW.toISOString(), MessageMetadata: expect.objectContaining({ Status: 'FAILED' }) }),
    ]);
  });

  it('gives an agent session’s messages the AGENT role', async () => {
    const streams = new FakeManager(false);
    const details = {
      contactId: 'c-1',
      participantId: 'p-agent-self',
      participantToken: 'pt-agent',
      getConnectionToken: jest.fn(async () => ({ chatTokenTransport: { participantToken: 'ct-agent', expiry: FUTURE(3_600_000) } })),
    };
    const a = agentHarness(streams, details);
    await a.session.connect();
    const w = watch(a.session as never);
    await a.session.sendMessage({ message: 'agent here' });
    await flush();
    expect(w.last()).toEqual([expect.objectContaining({ ParticipantRole: 'AGENT', ParticipantId: 'p-agent-self', MessageMetadata: expect.objectContaining({ Status: 'SENT' }) })]);
  });
});

describe('incoming items', () => {
  it('stores items with an Id with their JSON, typing and join events included', async () => {
    const { h, w } = await connectedWatched();
    const typing = { Id: 't1', Type: 'EVENT', ContentType: CONTENT_TYPE.typing, AbsoluteTime: at(1), ContactId: 'c-1' };
    h.manager.push(typing);
    h.manager.push(message('m1', 2));
    await flush();
    expect(w.ids()).toEqual(['t1', 'm1']);
    expect(JSON.parse(w.last()[0]?.serializedContent ?? '{}')).toEqual(typing);
  });

  it('turns receipts into the target message’s Status without storing them; READ is never downgraded', async () => {
    const { h, w } = await connectedWatched();
    h.manager.push(message('m1', 1, { ParticipantRole: 'CUSTOMER', ParticipantId: 'p-cust' }));
    h.manager.push(receipt('m1', 'DeliveredTimestamp'));
    await flush();
    expect(w.last()[0]?.MessageMetadata?.Status).toBe('DELIVERED');
    h.manager.push(receipt('m1', 'ReadTimestamp'));
    h.manager.push(receipt('m1', 'DeliveredTimestamp', 'r-again'));
    await flush();
    expect(w.ids()).toEqual(['m1']);
    expect(w.last()[0]?.MessageMetadata?.Status).toBe('READ');
  });

  it('orders by AbsoluteTime, replaces an existing Id in place and keeps messages being sent last', async () => {
    const { h, w } = await connectedWatched();
    h.client.sendMessage.mockImplementationOnce(() => new Promise(() => undefined));
    void h.session.sendMessage({ message: 'pending' });
    h.manager.push(message('m3', 3));
    h.manager.push(message('m1', 1));
    h.manager.push(message('m2', 2));
    // m1 came after the newer m3: the gap check that starts holds m1 and m2 until it is done.
    await flush(10);
    // The websocket delivers an Id once, so the newer copy comes from a fetched page.
    h.client.getTranscript.mockResolvedValueOnce({ InitialContactId: 'c-1', Transcript: [message('m1', 1, { Content: 'm1 edited' }) as ChatTranscriptItem], NextToken: undefined, $metadata: {} });
    await h.session.getTranscript();
    await flush();
    const transcript = w.last();
    expect(transcript.map((i) => i.Content)).toEqual(['m1 edited', 'm2', 'm3', 'pending']);
  });

  it('upserts a Lex answer as it streams in', async () => {
    const { h, w } = await connectedWatched();
    const chunk = (ChunkNumber: number | undefined, Content: string, MessageCompleted: boolean) =>
      message('lex', 5, { ParticipantRole: 'SYSTEM', Content, MessageMetadata: { MessageId: 'lex', MessageCompleted, ChunkNumber } });
    h.manager.push(chunk(1, 'Hel', false));
    h.manager.push(chunk(2, 'lo', false));
    await flush();
    expect(w.last().map((i) => i.Content)).toEqual(['Hello']);
    h.manager.push(chunk(undefined, 'Hello!', true));
    await flush();
    expect(w.last().map((i) => i.Content)).toEqual(['Hello!']);
  });

  it('emits a fresh copy each time', async () => {
    const { h, w } = await connectedWatched();
    h.manager.push(message('m1', 1));
    await flush();
    const first = w.last();
    (first[0] as ChatTranscriptItem).Content = 'scribbled on by the app';
    h.manager.push(message('m2', 2));
    await flush();
    expect(w.last()[0]?.Content).toBe('m1');
    expect(w.updates[0]?.data.transcript).not.toBe(w.updates[1]?.data.transcript);
    expect(w.updates[0]?.chatDetails).toMatchObject({ contactId: 'c-1', participantId: 'p-cust' });
  });
});

describe('getTranscript pages', () => {
  it('adds fetched items in order and moves previousTranscriptNextToken only for BACKWARD pages', async () => {
    const { h, w } = await connectedWatched();
    h.manager.push(message('live', 20));
    h.client.getTranscript.mockResolvedValueOnce({
      InitialContactId: 'c-1',
      Transcript: [message('old-1', 1) as ChatTranscriptItem, message('old-2', 2) as ChatTranscriptItem],
      NextToken: 'older-page',
      $metadata: {},
    });
    await h.session.getTranscript();
    await flush();
    expect(w.ids()).toEqual(['old-1', 'old-2', 'live']);
    expect(w.updates[w.updates.length - 1]?.data.previousTranscriptNextToken).toBe('older-page');
    h.client.getTranscript.mockResolvedValueOnce({ InitialContactId: 'c-1', Transcript: [message('fwd', 21) as ChatTranscriptItem], NextToken: 'forward-token', $metadata: {} });
    await h.session.getTranscript({ scanDirection: 'FORWARD' });
    await flush();
    expect(w.ids()).toEqual(['old-1', 'old-2', 'live', 'fwd']);
    expect(w.updates[w.updates.length - 1]?.data.previousTranscriptNextToken).toBe('older-page');
  });

  it('applies fetched receipts and the receipts an own message carries', async () => {
    const { h, w } = await connectedWatched();
    const own = message('mine', 1, { ParticipantRole: 'CUSTOMER', ParticipantId: 'p-cust', MessageMetadata: { MessageId: 'mine', Receipts: [{ DeliveredTimestamp: at(2), RecipientParticipantId: 'p-agent' }] } });
    h.client.getTranscript.mockResolvedValueOnce({
      InitialContactId: 'c-1',
      Transcript: [own as ChatTranscriptItem, message('theirs', 3) as ChatTranscriptItem, receipt('theirs', 'ReadTimestamp') as ChatTranscriptItem],
      NextToken: undefined,
      $metadata: {},
    });
    await h.session.getTranscript();
    await flush();
    expect(w.last().map((i) => [i.Id, i.MessageMetadata?.Status])).toEqual([
      ['mine', 'DELIVERED'],
      ['theirs', 'READ'],
    ]);
    expect(w.updates[w.updates.length - 1]?.data.previousTranscriptNextToken).toBeNull();
  });
});

describe('failures inside the tracker', () => {
  it('are logged and never thrown into the session', () => {
    const error = jest.fn();
    const context = {
      args: normalizeCreateArgs({ type: 'CUSTOMER', chatDetails: { contactId: 'c-1', participantId: 'p-cust', participantToken: 'pt' } }),
      logger: { error, warn: jest.fn(), info: jest.fn(), debug: jest.fn(), trace: jest.fn(), log: jest.fn() },
      hasTranscriptListeners: () => true,
      emitTranscript: () => {
        throw new Error('listener plumbing broke');
      },
    } as unknown as FeatureContext;
    const feature = createTranscript(context);
    expect(() => feature.incoming(message('m1', 1) as ChatTranscriptItem)).not.toThrow();
    const pending = feature.sending({ content: 'x', contentType: 'text/plain' });
    expect(() => pending.sent({ Id: 'real' })).not.toThrow();
    expect(() => pending.failed(new Error('x'))).not.toThrow();
    expect(() => feature.page({ maxResults: 15, scanDirection: 'BACKWARD', sortOrder: 'ASCENDING' }, { Transcript: [] })).not.toThrow();
    expect(error).toHaveBeenCalledWith(expect.stringContaining('onTranscriptUpdated'), expect.any(Error));
  });
});
