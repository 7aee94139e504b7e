// Lex streaming stitching: every row of chatjs-behavior §3.7, the stitched output, rehydration, and the session path.
import { createPartialMessages } from '../../../src/session/features/partialMessages';
import { isPartialMessage } from '../../../src/session/incoming/itemRouter';
import type { FeatureContext } from '../../../src/session/features/types';
import type { ChatTranscriptItem } from '../../../src/types';
import { connectCustomer, customerHarness, flush } from '../../support/fakes/sessionHarness';

const T0 = '2026-01-01T00:00:00.000Z';

function chunk(n: number | undefined, content: string, fields: Partial<ChatTranscriptItem> = {}): ChatTranscriptItem {
  return {
    Id: 'lex-1',
    Type: 'MESSAGE',
    ContentType: 'text/plain',
    ParticipantRole: 'SYSTEM',
    Content: content,
    AbsoluteTime: `2026-01-01T00:00:0${n ?? 9}.000Z`,
    MessageMetadata: { MessageId: 'lex-1', MessageCompleted: false, ChunkNumber: n },
    ...fields,
  };
}
const completed = (content: string, fields: Partial<ChatTranscriptItem> = {}): ChatTranscriptItem =>
  chunk(undefined, content, { MessageMetadata: { MessageId: 'lex-1', MessageCompleted: true }, ...fields });

const stitcher = () => createPartialMessages({} as FeatureContext);

describe('which items are Lex chunks', () => {
  it('needs a SYSTEM MESSAGE with MessageCompleted set', () => {
    expect(isPartialMessage(chunk(1, 'a'))).toBe(true);
    expect(isPartialMessage(completed('a'))).toBe(true);
    expect(isPartialMessage(chunk(1, 'a', { ParticipantRole: 'AGENT' }))).toBe(false);
    expect(isPartialMessage(chunk(1, 'a', { Type: 'EVENT' }))).toBe(false);
    expect(isPartialMessage(chunk(1, 'a', { MessageMetadata: { MessageId: 'lex-1' } }))).toBe(false);
  });

  it('passes every other item through unchanged', () => {
    const item = chunk(3, 'agent text', { ParticipantRole: 'AGENT' });
    expect(stitcher().stitch(item)).toBe(item);
  });
});

describe('the §3.7 table', () => {
  it('no entry + ChunkNumber 1: creates the entry and emits it', () => {
    expect(stitcher().stitch(chunk(1, 'Hel'))).toMatchObject({ Id: 'lex-1', Content: 'Hel' });
  });

  it('no entry + completed: creates the entry and emits the full message', () => {
    expect(stitcher().stitch(completed('Hello there'))).toMatchObject({ Content: 'Hello there', MessageMetadata: { MessageCompleted: true } });
  });

  it('no entry + a first chunk other than 1: nothing', () => {
    const s = stitcher();
    expect(s.stitch(chunk(2, 'lo'))).toBeNull();
    // Nothing was stored either: chunk 3 after it still finds no entry.
    expect(s.stitch(chunk(3, ' there'))).toBeNull();
  });

  it('entry + next ChunkNumber: appends, emitting the text so far', () => {
    const s = stitcher();
    s.stitch(chunk(1, 'Hel'));
    expect(s.stitch(chunk(2, 'lo'))?.Content).toBe('Hello');
    expect(s.stitch(chunk(3, ' there'))?.Content).toBe('Hello there');
  });

  it('entry + out-of-order chunk: ignored, waiting for the completed message', () => {
    const s = stitcher();
    s.stitch(chunk(1, 'Hel'));
    expect(s.stitch(chunk(3, ' there'))).toBeNull();
    expect(s.stitch(chunk(1, 'Hel'))).toBeNull();
    expect(s.stitch(chunk(2, 'lo'))?.Content).toBe('Hello');
  });

  it('entry + completed: replaces the chunks with the completed message’s own text', () => {
    const s = stitcher();
    s.stitch(chunk(1, 'Hel'));
    s.stitch(chunk(2, 'lo'));
    const done = completed('Hello there!', { AbsoluteTime: '2026-01-01T00:00:09.500Z' });
    expect(s.stitch(done)).toMatchObject({ Content: 'Hello there!', AbsoluteTime: '2026-01-01T00:00:09.500Z', MessageMetadata: { MessageCompleted: true } });
  });

  it('entry already completed + completed again: nothing changed', () => {
    const s = stitcher();
    s.stitch(chunk(1, 'Hel'));
    s.stitch(completed('Hello'));
    expect(s.stitch(completed('Hello'))).toBeNull();
  });

  it('entry already completed + a late chunk: ignored', () => {
    const s = stitcher();
    s.stitch(completed('Hello'));
    expect(s.stitch(chunk(1, 'Hel'))).toBeNull();
  });
});

describe('the stitched item', () => {
  it('has the last chunk’s fields, every chunk’s text and the first chunk’s time', () => {
    const s = stitcher();
    s.stitch(chunk(1, 'Hel', { DisplayName: 'first' }));
    const out = s.stitch(chunk(2, 'lo', { DisplayName: 'second' }));
    expect(out).toMatchObject({ DisplayName: 'second', Content: 'Hello', AbsoluteTime: '2026-01-01T00:00:01.000Z', MessageMetadata: { ChunkNumber: 2 } });
  });

  it('keeps chunks of different Ids apart', () => {
    const s = stitcher();
    s.stitch(chunk(1, 'a'));
    s.stitch(chunk(1, 'x', { Id: 'lex-2' }));
    expect(s.stitch(chunk(2, 'b'))?.Content).toBe('ab');
    expect(s.stitch(chunk(2, 'y', { Id: 'lex-2' }))?.Content).toBe('xy');
  });
});

describe('rehydrate', () => {
  it('resets a known Id to the fetched item, leaving unknown Ids alone', () => {
    const s = stitcher();
    s.stitch(chunk(1, 'Hel'));
    s.rehydrate([chunk(2, 'Hello', { AbsoluteTime: T0 }), chunk(1, 'other', { Id: 'unknown' })]);
    // The entry now holds the fetched item (chunk 2), so chunk 3 appends to its text.
    expect(s.stitch(chunk(3, ' there'))).toMatchObject({ Content: 'Hello there', AbsoluteTime: T0 });
    // The unknown Id was not added: its chunk 2 finds no entry.
    expect(s.stitch(chunk(2, 'x', { Id: 'unknown' }))).toBeNull();
  });
});

describe('through a session', () => {
  it('emits growing text under one Id, skips the out-of-order chunk and ends with the full text', async () => {
    const h = customerHarness();
    await connectCustomer(h);
    const seen: string[] = [];
    h.session.onMessage((e) => seen.push(`${e.data.Id}:${e.data.Content ?? ''}`));
    const push = (item: ChatTranscriptItem) => h.manager.push({ ...item, ContactId: 'c-1' });
    push(chunk(1, 'Hel'));
    push(chunk(3, ' there'));
    push(chunk(2, 'lo'));
    push(completed('Hello there'));
    await flush();
    expect(seen).toEqual(['lex-1:Hel', 'lex-1:Hello', 'lex-1:Hello there']);
  });
});
