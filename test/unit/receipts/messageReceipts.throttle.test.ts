// The receipt throttler on its own: SendEvent calls counted per burst, with fake timers.
import { MessageReceipts, RECEIPT_NOTICES, ReceiptsDisabledError, type ReceiptKind } from '../../../src/receipts';
import { IllegalStateException } from '../../../src/errors';
import type { ChatTranscriptItem } from '../../../src/types';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const WINDOW_MS = 5000;
const ALREADY_FIRED = { message: RECEIPT_NOTICES.alreadyFired };

interface SentReceipt {
  kind: ReceiptKind;
  messageId: string;
  clientToken: string;
}

/** A throttler whose sends are recorded; `fail` makes the next sends reject. */
function rig(config: { enabled?: boolean; throttleMs?: number } = {}) {
  const settings = { enabled: config.enabled ?? true, throttleMs: config.throttleMs ?? WINDOW_MS, failWith: null as Error | null };
  const sent: SentReceipt[] = [];
  const receipts = new MessageReceipts({
    enabled: () => settings.enabled,
    throttleMs: () => settings.throttleMs,
    participantId: () => 'p-me',
  });
  const request = (kind: ReceiptKind, messageId: string, disableThrottle = false) =>
    receipts.send({ kind, messageId, disableThrottle }, async (clientToken) => {
      sent.push({ kind, messageId, clientToken });
      if (settings.failWith) throw settings.failWith;
      return { data: { sent: `${kind}:${messageId}` } };
    });
  const read = (id: string, disableThrottle = false) => request('read', id, disableThrottle);
  const delivered = (id: string, disableThrottle = false) => request('delivered', id, disableThrottle);
  return { receipts, sent, settings, read, delivered };
}

const calls = (sent: SentReceipt[]): string[] => sent.map((s) => `${s.kind}:${s.messageId}`);

beforeEach(() => {
  jest.useFakeTimers();
});
afterEach(() => {
  jest.useRealTimers();
});

describe('MessageReceipts throttle', () => {
  it('sends one read per window, for the newest message, and settles every earlier read with it', async () => {
    const { sent, read } = rig();
    const results = Array.from({ length: 10 }, (_, i) => read(`m${i + 1}`));
    await jest.advanceTimersByTimeAsync(WINDOW_MS - 1);
    expect(sent).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(calls(sent)).toEqual(['read:m10']);
    await expect(Promise.all(results)).resolves.toEqual(Array(10).fill({ data: { sent: 'read:m10' } }));
  });

  it('opens a new window after a flush, with the throttle read when the window opens', async () => {
    const { sent, read, settings } = rig({ throttleMs: 1000 });
    void read('m1');
    await jest.advanceTimersByTimeAsync(1000);
    settings.throttleMs = 2000;
    void read('m2');
    await jest.advanceTimersByTimeAsync(1999);
    expect(calls(sent)).toEqual(['read:m1']);
    await jest.advanceTimersByTimeAsync(1);
    expect(calls(sent)).toEqual(['read:m1', 'read:m2']);
  });

  it('falls back to the 5 s default when the configured throttle is not a positive number', async () => {
    const { sent, read } = rig({ throttleMs: 0 });
    void read('m1');
    await jest.advanceTimersByTimeAsync(4999);
    expect(sent).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(1);
  });

  it('does not send a delivered receipt for a message already read', async () => {
    const { sent, read, delivered } = rig();
    const first = read('m1');
    await expect(delivered('m1')).resolves.toEqual(ALREADY_FIRED);
    await expect(read('m1')).resolves.toEqual(ALREADY_FIRED);
    await jest.advanceTimersByTimeAsync(WINDOW_MS + 300);
    expect(calls(sent)).toEqual(['read:m1']);
    await expect(first).resolves.toEqual({ data: { sent: 'read:m1' } });
  });

  it('does not send a second delivered receipt for the same message', async () => {
    const { sent, delivered } = rig();
    const first = delivered('m1');
    await expect(delivered('m1')).resolves.toEqual(ALREADY_FIRED);
    await jest.advanceTimersByTimeAsync(300 + WINDOW_MS);
    expect(calls(sent)).toEqual(['delivered:m1']);
    await expect(first).resolves.toEqual({ data: { sent: 'delivered:m1' } });
  });

  it('lets a read supersede delivered receipts still waiting their 300 ms', async () => {
    const { sent, read, delivered } = rig();
    const deliveries = Array.from({ length: 5 }, (_, i) => delivered(`m${i + 1}`));
    await jest.advanceTimersByTimeAsync(200);
    const readResult = read('m5');
    await jest.advanceTimersByTimeAsync(WINDOW_MS * 2);
    expect(calls(sent)).toEqual(['read:m5']);
    await expect(readResult).resolves.toEqual({ data: { sent: 'read:m5' } });
    // The delivered requests were covered by the read of the newest message.
    await expect(Promise.all(deliveries)).resolves.toEqual(Array(5).fill({ data: { sent: 'read:m5' } }));
  });

  it('holds a delivered receipt 300 ms, then for the rest of the window', async () => {
    const { sent, delivered } = rig({ throttleMs: 1000 });
    void delivered('m1');
    await jest.advanceTimersByTimeAsync(299);
    void delivered('m2'); // restarts the wait: only the newest goes to the throttle
    await jest.advanceTimersByTimeAsync(300 + 999);
    expect(sent).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(calls(sent)).toEqual(['delivered:m2']);
  });

  it('sends the newest delivered plus the newest read still unsent, settling each group with its own call', async () => {
    const { sent, read, delivered } = rig();
    const reads = [read('m1'), read('m2')];
    await jest.advanceTimersByTimeAsync(100);
    const deliveries = [delivered('m3'), delivered('m4')];
    await jest.advanceTimersByTimeAsync(WINDOW_MS);
    expect(calls(sent)).toEqual(['delivered:m4', 'read:m2']);
    await expect(Promise.all(reads)).resolves.toEqual(Array(2).fill({ data: { sent: 'read:m2' } }));
    await expect(Promise.all(deliveries)).resolves.toEqual(Array(2).fill({ data: { sent: 'delivered:m4' } }));
  });

  it('sends at once with disableThrottle', async () => {
    const { sent, read, delivered } = rig();
    await expect(read('m1', true)).resolves.toEqual({ data: { sent: 'read:m1' } });
    await expect(delivered('m2', true)).resolves.toEqual({ data: { sent: 'delivered:m2' } });
    expect(calls(sent)).toEqual(['read:m1', 'delivered:m2']);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('gives every call its own UUID v4 ClientToken', async () => {
    const { sent, read, delivered } = rig({ throttleMs: 1000 });
    for (let i = 1; i <= 3; i += 1) {
      void read(`r${i}`, true);
      void delivered(`d${i}`);
      await jest.advanceTimersByTimeAsync(1300);
    }
    expect(sent).toHaveLength(6);
    sent.forEach((s) => expect(s.clientToken).toMatch(UUID_V4));
    expect(new Set(sent.map((s) => s.clientToken)).size).toBe(6);
  });
});

describe('MessageReceipts failures, config and end of chat', () => {
  it('rejects every request a failed call covered, and lets those messages be acknowledged again', async () => {
    const { sent, read, settings } = rig();
    settings.failWith = new Error('throttled');
    const results = [read('m1'), read('m2')];
    const settled = Promise.allSettled(results);
    await jest.advanceTimersByTimeAsync(WINDOW_MS);
    expect(await settled).toEqual([
      { status: 'rejected', reason: settings.failWith },
      { status: 'rejected', reason: settings.failWith },
    ]);
    settings.failWith = null;
    const retry = read('m2');
    await jest.advanceTimersByTimeAsync(WINDOW_MS);
    await expect(retry).resolves.toEqual({ data: { sent: 'read:m2' } });
    expect(calls(sent)).toEqual(['read:m2', 'read:m2']);
  });

  it('propagates failures to both groups a delivered flush settles', async () => {
    const { sent, read, delivered, settings } = rig();
    const first = read('m1');
    await jest.advanceTimersByTimeAsync(100);
    settings.failWith = new Error('down');
    const second = delivered('m2');
    const outcomes = Promise.allSettled([first, second]);
    await jest.advanceTimersByTimeAsync(WINDOW_MS);
    expect(calls(sent)).toEqual(['delivered:m2', 'read:m1']);
    expect((await outcomes).map((o) => o.status)).toEqual(['rejected', 'rejected']);
  });

  it('rejects with an Error saying how to enable receipts, and calls nothing, when they are disabled', async () => {
    const { sent, read, delivered, settings } = rig({ enabled: false });
    const error = await read('m1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReceiptsDisabledError);
    expect(error).toBeInstanceOf(IllegalStateException);
    expect((error as Error).message).toContain('shouldSendMessageReceipts');
    expect((error as ReceiptsDisabledError).errorMessage).toBe('Ignoring messageReceipt: false');
    await expect(delivered('m2', true)).rejects.toBeInstanceOf(ReceiptsDisabledError);
    await jest.advanceTimersByTimeAsync(WINDOW_MS * 2);
    expect(sent).toHaveLength(0);
    // The setting is read at each request.
    settings.enabled = true;
    await expect(read('m1', true)).resolves.toEqual({ data: { sent: 'read:m1' } });
  });

  it('sends nothing after stop(): waiting requests resolve with a notice and the timers are cleared', async () => {
    const { receipts, sent, read, delivered } = rig();
    const waiting = [read('m1'), delivered('m2')];
    expect(jest.getTimerCount()).toBe(2);
    receipts.stop();
    expect(jest.getTimerCount()).toBe(0);
    const ended = { message: RECEIPT_NOTICES.chatEnded };
    await expect(Promise.all(waiting)).resolves.toEqual([ended, ended]);
    await expect(read('m3')).resolves.toEqual(ended);
    await expect(delivered('m4', true)).resolves.toEqual(ended);
    await jest.advanceTimersByTimeAsync(WINDOW_MS * 2);
    expect(sent).toHaveLength(0);
  });
});

describe('MessageReceipts rehydration', () => {
  const receiptItem = (messageId: string, receipt: object): ChatTranscriptItem => ({
    Id: `r-${messageId}`,
    Type: 'MESSAGEMETADATA',
    ContentType: 'application/vnd.amazonaws.connect.event.message.metadata',
    AbsoluteTime: '2026-01-01T00:00:00.000Z',
    MessageMetadata: { MessageId: messageId, Receipts: [receipt] },
  });
  const messageWithReceipts = (id: string, receipts: object[]): ChatTranscriptItem => ({
    Id: id,
    Type: 'MESSAGE',
    ContentType: 'text/plain',
    Content: 'hi',
    AbsoluteTime: '2026-01-01T00:00:00.000Z',
    MessageMetadata: { MessageId: id, Receipts: receipts },
  });

  it('does not resend receipts a fetched transcript already shows from this participant', async () => {
    const { receipts, sent, read, delivered } = rig();
    receipts.rehydrate([
      receiptItem('m1', { ReadTimestamp: 't', RecipientParticipantId: 'p-me' }),
      messageWithReceipts('m2', [{ DeliveredTimestamp: 't', RecipientParticipantId: 'p-me' }]),
      messageWithReceipts('m3', [{ ReadTimestamp: 't', DeliveredTimestamp: 't', RecipientParticipantId: 'p-other' }]),
      { Id: 'm4', Type: 'MESSAGE', ContentType: 'text/plain', AbsoluteTime: '' },
    ]);
    await expect(read('m1')).resolves.toEqual(ALREADY_FIRED);
    await expect(delivered('m1')).resolves.toEqual(ALREADY_FIRED);
    await expect(delivered('m2')).resolves.toEqual(ALREADY_FIRED);
    const later = [read('m2'), delivered('m3', true), read('m4', true)];
    await jest.advanceTimersByTimeAsync(WINDOW_MS);
    await Promise.all(later);
    expect(calls(sent).sort()).toEqual(['delivered:m3', 'read:m2', 'read:m4']);
  });
});
