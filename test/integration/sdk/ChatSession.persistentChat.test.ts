// Persistent chat against the emulator: a chat started with PersistentChat carries the ended chat's
// transcript; the new session hears chat.rehydrated and fetches the old messages.
import type { ChatTranscriptItem } from '../../../src/types';
import { ChatSession, nextEvent, sdkWorld, sendAs, type SdkWorld } from '../../support/sdk/sdkWorld';

let world: SdkWorld;
beforeEach(async () => {
  world = await sdkWorld();
});
afterEach(async () => {
  await world.close();
});

describe('persistent chat', () => {
  it('rehydrates the past chat: onChatRehydrated, getTranscript and onTranscriptUpdated show the old messages', async () => {
    const first = await world.customer();
    const agent = await world.emulator.agent(first.contactId, 'Ada');
    await first.session.sendMessage({ message: 'my parcel is late' });
    await sendAs(world.emulator, first.contactId, agent.participantId, 'let me check');
    await first.log.until((items) => items.some((i) => i.Content === 'let me check'), 5000, 'agent reply in the first chat');
    const ended = nextEvent(first.session.onEnded.bind(first.session), 5000, 'first chat ended');
    await world.emulator.control('POST', `/emulator/contacts/${first.contactId}/end`);
    await ended;

    const started = await world.emulator.startChat({ PersistentChat: { SourceContactId: first.contactId, RehydrationType: 'ENTIRE_PAST_SESSION' } });
    expect(started.ContinuedFromContactId).toBe(first.contactId);
    const session = ChatSession.create({
      type: 'CUSTOMER',
      chatDetails: { contactId: started.ContactId, participantId: started.ParticipantId, participantToken: started.ParticipantToken },
      disableCSM: true,
    });
    world.sessions.push(session);
    const rehydrated = nextEvent(session.onChatRehydrated.bind(session), 5000, 'onChatRehydrated');
    const transcripts: ChatTranscriptItem[][] = [];
    session.onTranscriptUpdated((e) => transcripts.push(e.data.transcript));
    await session.connect();
    // Published at StartChatContact, before any socket existed; the customer hears it on subscribing.
    const event = await rehydrated;
    expect(event.data.ContentType).toBe('application/vnd.amazonaws.connect.event.chat.rehydrated');
    expect(event.chatDetails.contactId).toBe(started.ContactId);

    const page = await session.getTranscript({ maxResults: 100 });
    const old = (page.data.Transcript ?? []).filter((i) => i.Type === 'MESSAGE');
    expect(old.map((i) => i.Content)).toEqual(['my parcel is late', 'let me check']);
    old.forEach((item) => expect(item.RelatedContactId).toBe(first.contactId));

    // The update from that page is queued on the session's bus: let it drain.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const latest = transcripts[transcripts.length - 1] ?? [];
    const shown = latest.filter((i) => i.Type === 'MESSAGE');
    expect(shown.map((i) => [i.Content, i.RelatedContactId])).toEqual([
      ['my parcel is late', first.contactId],
      ['let me check', first.contactId],
    ]);
  });
});
