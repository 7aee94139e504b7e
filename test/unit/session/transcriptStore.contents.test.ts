// The onTranscriptUpdated store: AbsoluteTime order, in-place replacement, receipt statuses, copies.
import { TranscriptStore } from '../../../src/session/transcript/transcriptStore';
import type { ChatTranscriptItem } from '../../../src/types';

const at = (second: number): string => `2026-01-01T00:00:${String(second).padStart(2, '0')}.000Z`;
const item = (Id: string, second: number | null, fields: Partial<ChatTranscriptItem> = {}): ChatTranscriptItem => ({
  Id,
  Type: 'MESSAGE',
  ContentType: 'text/plain',
  Content: Id,
  AbsoluteTime: second === null ? '' : at(second),
  ...fields,
});
const ids = (store: TranscriptStore): string[] => store.snapshot().map((i) => i.Id);

describe('TranscriptStore order', () => {
  it('orders by AbsoluteTime whatever the arrival order', () => {
    const store = new TranscriptStore();
    [item('c', 3), item('a', 1), item('d', 4), item('b', 2)].forEach((i) => store.upsert(i));
    expect(ids(store)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps arrival order for equal times', () => {
    const store = new TranscriptStore();
    [item('x', 1), item('y', 1), item('w', 0), item('z', 1)].forEach((i) => store.upsert(i));
    expect(ids(store)).toEqual(['w', 'x', 'y', 'z']);
  });

  it('keeps items without a time at the end, after later timed arrivals', () => {
    const store = new TranscriptStore();
    store.upsert(item('a', 1));
    store.upsert(item('sending-1', null));
    store.upsert(item('b', 5));
    store.upsert(item('sending-2', null));
    store.upsert(item('c', 3));
    expect(ids(store)).toEqual(['a', 'c', 'b', 'sending-1', 'sending-2']);
  });

  it('replaces an existing Id in place, and moves it only when its time changed', () => {
    const store = new TranscriptStore();
    [item('a', 1), item('b', 2), item('c', 3)].forEach((i) => store.upsert(i));
    store.upsert(item('b', 2, { Content: 'b, longer' }));
    expect(ids(store)).toEqual(['a', 'b', 'c']);
    expect(store.get('b')?.Content).toBe('b, longer');
    store.upsert(item('a', 4));
    expect(ids(store)).toEqual(['b', 'c', 'a']);
    expect(store.size).toBe(3);
  });

  it('re-keys an item with replace()', () => {
    const store = new TranscriptStore();
    store.upsert(item('temp', null));
    store.upsert(item('a', 1));
    store.replace('temp', item('real', 0));
    expect(ids(store)).toEqual(['real', 'a']);
    expect(store.has('temp')).toBe(false);
  });
});

describe('TranscriptStore statuses', () => {
  const status = (store: TranscriptStore, id: string) => store.get(id)?.MessageMetadata?.Status;

  it('moves a message to DELIVERED then READ, and never back from READ', () => {
    const store = new TranscriptStore();
    store.upsert(item('m', 1));
    store.applyReceipt('m', 'DELIVERED');
    expect(status(store, 'm')).toBe('DELIVERED');
    store.applyReceipt('m', 'READ');
    store.applyReceipt('m', 'DELIVERED');
    expect(status(store, 'm')).toBe('READ');
  });

  it('keeps the local status when a newer copy of the item has none', () => {
    const store = new TranscriptStore();
    store.upsert(item('m', 1, { MessageMetadata: { MessageId: 'm', Status: 'SENT' } }));
    store.upsert(item('m', 1, { MessageMetadata: { MessageId: 'm' } }));
    expect(status(store, 'm')).toBe('SENT');
    store.applyReceipt('m', 'READ');
    store.upsert(item('m', 1, { MessageMetadata: { MessageId: 'm', Status: 'DELIVERED' } }));
    expect(status(store, 'm')).toBe('READ');
  });

  it('applies a receipt that arrived before its message once the message comes', () => {
    const store = new TranscriptStore();
    store.applyReceipt('late', 'READ');
    store.applyReceipt('late', 'DELIVERED');
    expect(store.size).toBe(0);
    store.upsert(item('late', 1));
    expect(status(store, 'late')).toBe('READ');
  });
});

describe('TranscriptStore snapshots', () => {
  it('are copies: changing one changes neither the store nor the next snapshot', () => {
    const store = new TranscriptStore();
    store.upsert(item('m', 1, { MessageMetadata: { MessageId: 'm', Status: 'SENT' } }));
    const first = store.snapshot();
    (first[0] as ChatTranscriptItem).Content = 'changed by the app';
    (first[0] as ChatTranscriptItem).MessageMetadata!.Status = 'READ';
    first.push(item('extra', 2));
    const second = store.snapshot();
    expect(second).toHaveLength(1);
    expect(second[0]).toMatchObject({ Content: 'm', MessageMetadata: { Status: 'SENT' } });
  });
});
