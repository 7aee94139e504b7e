// Lex streaming against the emulator: chunks sharing one Id reach the app as one growing message.
import type { ChatTranscriptItem } from '../../../src/types';
import { sdkWorld, type SdkWorld } from '../../support/sdk/sdkWorld';

let world: SdkWorld;
afterEach(async () => {
  await world.close();
});

const contentsOf = (items: ChatTranscriptItem[], id: string): string[] => items.filter((i) => i.Id === id).map((i) => i.Content ?? '');

describe('Lex streaming', () => {
  it('shows the lex bot’s answer growing under one Id and ending with the full text', async () => {
    world = await sdkWorld({ bot: 'lex', botDelayMs: 10 });
    const { session, log } = await world.customer();
    const transcripts: ChatTranscriptItem[][] = [];
    session.onTranscriptUpdated((e) => transcripts.push(e.data.transcript));
    await session.sendMessage({ message: 'one two three four five six' });
    const full = 'You said: one two three four five six';
    await log.until((items) => items.some((i) => i.ParticipantRole === 'SYSTEM' && i.Content === full), 10_000, 'completed lex answer');

    const botItems = log.items.filter((i) => i.ParticipantRole === 'SYSTEM' && i.Type === 'MESSAGE');
    const id = botItems[0]?.Id as string;
    expect(botItems.every((i) => i.Id === id)).toBe(true);
    const contents = contentsOf(botItems, id);
    expect(contents.length).toBeGreaterThanOrEqual(2);
    contents.slice(1).forEach((text, index) => expect(text.startsWith(contents[index] as string)).toBe(true));
    expect(contents[contents.length - 1]).toBe(full);

    // onTranscriptUpdated holds the answer once, with its full text.
    const latest = transcripts[transcripts.length - 1] ?? [];
    expect(contentsOf(latest, id)).toEqual([full]);
  });

  it('stitches chunks sent through the control API and ignores one that arrives out of order', async () => {
    world = await sdkWorld();
    const { session, contactId, log } = await world.customer();
    const chunk = (content: string, messageMetadata: object) =>
      world.emulator.control('POST', `/emulator/contacts/${contactId}/messages`, { role: 'SYSTEM', id: 'lex-answer', content, messageMetadata });
    await chunk('Good ', { MessageId: 'lex-answer', MessageCompleted: false, ChunkNumber: 1 });
    await chunk('you?', { MessageId: 'lex-answer', MessageCompleted: false, ChunkNumber: 3 });
    await chunk('morning, how are ', { MessageId: 'lex-answer', MessageCompleted: false, ChunkNumber: 2 });
    await log.until((items) => contentsOf(items, 'lex-answer').length >= 2, 5000, 'two stitched chunks');
    await chunk('Good morning, how are you?', { MessageId: 'lex-answer', MessageCompleted: true });
    await log.until((items) => items.some((i) => i.Id === 'lex-answer' && i.MessageMetadata?.MessageCompleted === true), 5000, 'completed message');

    expect(contentsOf(log.items, 'lex-answer')).toEqual(['Good ', 'Good morning, how are ', 'Good morning, how are you?']);
    expect(session.getChatDetails().contactId).toBe(contactId);
  });
});
