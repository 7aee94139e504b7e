// GetTranscript paging, receipt folding and persistent-chat rehydration.
import { GetTranscriptCommand, GetTranscriptCommandInput, Item, SendEventCommand, SendMessageCommand } from '@aws-sdk/client-connectparticipant';
import { ChatParticipant, EVENT_PREFIX, serviceError, startTestEmulator, TestEmulator } from '../../support/emulator/testEmulator';

let emu: TestEmulator;
let customer: ChatParticipant;
/** Ids of the 25 agent messages, oldest first. */
let messageIds: string[];

beforeAll(async () => {
  emu = await startTestEmulator();
  customer = await emu.customer();
  messageIds = [];
  for (let index = 1; index <= 25; index += 1) {
    const { body } = await emu.control('POST', `/emulator/contacts/${customer.contactId}/messages`, { content: `m${index}` });
    messageIds.push(body.Id);
  }
});
afterAll(async () => {
  await emu.close();
});

function transcript(input: Omit<GetTranscriptCommandInput, 'ConnectionToken'>, token = customer.connectionToken) {
  return emu.participantClient().send(new GetTranscriptCommand({ ConnectionToken: token, ...input }));
}

const contents = (items: Item[] | undefined): string[] => (items ?? []).filter((item) => item.Type === 'MESSAGE').map((item) => item.Content ?? '');

describe('GetTranscript paging', () => {
  it('defaults to the 10 most recent items, newest first', async () => {
    const page = await transcript({});
    expect(page.InitialContactId).toBe(customer.contactId);
    expect(contents(page.Transcript)).toEqual(['m25', 'm24', 'm23', 'm22', 'm21', 'm20', 'm19', 'm18', 'm17', 'm16']);
    expect(page.NextToken).toEqual(expect.any(String));
  });

  it('accepts chatjs\'s default body with an empty StartPosition and walks backwards with NextToken', async () => {
    const seen: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await transcript({ MaxResults: 15, ScanDirection: 'BACKWARD', SortOrder: 'ASCENDING', StartPosition: {}, NextToken: nextToken });
      seen.unshift(...contents(page.Transcript));
      nextToken = page.NextToken;
    } while (nextToken);
    expect(seen).toEqual(messageIds.map((_id, index) => `m${index + 1}`));
  });

  it('pages forward in ascending order exactly once over every item', async () => {
    const seen: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = await transcript({ MaxResults: 7, ScanDirection: 'FORWARD', SortOrder: 'ASCENDING', NextToken: nextToken });
      seen.push(...contents(page.Transcript));
      nextToken = page.NextToken;
      pages += 1;
    } while (nextToken);
    expect(seen).toEqual(messageIds.map((_id, index) => `m${index + 1}`));
    expect(pages).toBeGreaterThan(3);
  });

  it('starts at StartPosition.Id (inclusive) going forward', async () => {
    const page = await transcript({ StartPosition: { Id: messageIds[19] }, SortOrder: 'ASCENDING', MaxResults: 3 });
    expect(contents(page.Transcript)).toEqual(['m20', 'm21', 'm22']);
  });

  it('starts at StartPosition.MostRecent going backward', async () => {
    const page = await transcript({ StartPosition: { MostRecent: 2 }, ScanDirection: 'BACKWARD', SortOrder: 'ASCENDING', MaxResults: 2 });
    expect(contents(page.Transcript)).toEqual(['m22', 'm23']);
  });

  it('starts at StartPosition.AbsoluteTime going forward', async () => {
    const { body } = await emu.control('GET', `/emulator/contacts/${customer.contactId}/transcript`);
    const twelfth = body.items.find((item: { Id: string }) => item.Id === messageIds[11]);
    const page = await transcript({ StartPosition: { AbsoluteTime: twelfth.AbsoluteTime }, SortOrder: 'ASCENDING', MaxResults: 2 });
    expect(contents(page.Transcript)).toEqual(['m12', 'm13']);
  });

  it('answers MaxResults 0 with an empty page', async () => {
    const page = await transcript({ MaxResults: 0 });
    expect(page.Transcript).toEqual([]);
  });

  it.each([
    ['MaxResults above 100', { MaxResults: 101 }, 'MaxResults'],
    ['an unknown ScanDirection', { ScanDirection: 'SIDEWAYS' as never }, 'ScanDirection'],
    ['an unknown SortOrder', { SortOrder: 'RANDOM' as never }, 'SortOrder'],
    ['a forged NextToken', { NextToken: 'bm9wZQ' }, 'NextToken'],
    ['an unknown StartPosition.Id', { StartPosition: { Id: 'nope' } }, 'StartPosition'],
    ['a ContactId outside the chat', { ContactId: 'other-contact' }, 'ContactId'],
  ])('rejects %s with a ValidationException', async (_label, input, field) => {
    const error = await serviceError(transcript(input));
    expect(error.name).toBe('ValidationException');
    expect(error.message).toContain(field);
  });
});

describe('what the transcript keeps', () => {
  it('drops typing, folds read/delivered receipts into the message, and the control transcript keeps everything', async () => {
    const chat = await emu.customer();
    const agent = await emu.agent(chat.contactId);
    const client = emu.participantClient();
    const sent = await client.send(new SendMessageCommand({ ConnectionToken: chat.connectionToken, ContentType: 'text/plain', Content: 'read me' }));
    await client.send(new SendEventCommand({ ConnectionToken: agent.connectionToken, ContentType: `${EVENT_PREFIX}typing` }));
    const receipt = (kind: string) => new SendEventCommand({ ConnectionToken: agent.connectionToken, ContentType: `${EVENT_PREFIX}message.${kind}`, Content: JSON.stringify({ messageId: sent.Id }) });
    await client.send(receipt('delivered'));
    await client.send(receipt('read'));
    const page = await transcript({ SortOrder: 'ASCENDING' }, chat.connectionToken);
    expect(page.Transcript?.some((item) => item.ContentType === `${EVENT_PREFIX}typing`)).toBe(false);
    expect(page.Transcript?.some((item) => (item.Type as string) === 'MESSAGEMETADATA')).toBe(false);
    const message = page.Transcript?.find((item) => item.Id === sent.Id);
    expect(message?.MessageMetadata?.Receipts).toEqual([
      { DeliveredTimestamp: expect.any(String), ReadTimestamp: expect.any(String), RecipientParticipantId: agent.participantId },
    ]);
    const { body } = await emu.control('GET', `/emulator/contacts/${chat.contactId}/transcript`);
    const types = body.items.map((item: { Type: string; ContentType?: string }) => item.ContentType ?? item.Type);
    expect(types).toEqual(expect.arrayContaining([`${EVENT_PREFIX}typing`, 'MESSAGEMETADATA']));
  });
});

describe('persistent chat', () => {
  async function endedChatWith(text: string): Promise<ChatParticipant> {
    const past = await emu.customer();
    await emu.participantClient().send(new SendMessageCommand({ ConnectionToken: past.connectionToken, ContentType: 'text/plain', Content: text }));
    await emu.control('POST', `/emulator/contacts/${past.contactId}/end`);
    return past;
  }

  it('ENTIRE_PAST_SESSION carries the past transcript with RelatedContactId and emits chat.rehydrated', async () => {
    const past = await endedChatWith('from before');
    const started = await emu.startChat({ PersistentChat: { RehydrationType: 'ENTIRE_PAST_SESSION', SourceContactId: past.contactId } });
    expect(started.ContinuedFromContactId).toBe(past.contactId);
    const next = await emu.connect(started.ContactId, started.ParticipantId, started.ParticipantToken);
    const page = await transcript({ SortOrder: 'ASCENDING', MaxResults: 100 }, next.connectionToken);
    const old = page.Transcript?.find((item) => item.Content === 'from before');
    expect(old?.RelatedContactId).toBe(past.contactId);
    expect(old?.ContactId).toBeUndefined();
    expect(page.Transcript?.some((item) => item.ContentType === `${EVENT_PREFIX}chat.rehydrated` && item.ContactId === started.ContactId)).toBe(true);
    const onlyPast = await transcript({ ContactId: past.contactId, SortOrder: 'ASCENDING', MaxResults: 100 }, next.connectionToken);
    expect(onlyPast.Transcript?.every((item) => item.RelatedContactId === past.contactId)).toBe(true);
  });

  it('ENTIRE_PAST_SESSION from the first contact takes the whole chain; FROM_SEGMENT only that segment', async () => {
    const first = await endedChatWith('segment one');
    const second = await emu.startChat({ PersistentChat: { RehydrationType: 'ENTIRE_PAST_SESSION', SourceContactId: first.contactId } });
    const secondChat = await emu.connect(second.ContactId, second.ParticipantId, second.ParticipantToken);
    await emu.participantClient().send(new SendMessageCommand({ ConnectionToken: secondChat.connectionToken, ContentType: 'text/plain', Content: 'segment two' }));
    await emu.control('POST', `/emulator/contacts/${second.ContactId}/end`);

    const whole = await emu.startChat({ PersistentChat: { RehydrationType: 'ENTIRE_PAST_SESSION', SourceContactId: first.contactId } });
    expect(whole.ContinuedFromContactId).toBe(second.ContactId);
    const wholeChat = await emu.connect(whole.ContactId, whole.ParticipantId, whole.ParticipantToken);
    expect(contents((await transcript({ SortOrder: 'ASCENDING', MaxResults: 100 }, wholeChat.connectionToken)).Transcript)).toEqual(['segment one', 'segment two']);

    const segment = await emu.startChat({ PersistentChat: { RehydrationType: 'FROM_SEGMENT', SourceContactId: second.ContactId } });
    const segmentChat = await emu.connect(segment.ContactId, segment.ParticipantId, segment.ParticipantToken);
    expect(contents((await transcript({ SortOrder: 'ASCENDING', MaxResults: 100 }, segmentChat.connectionToken)).Transcript)).toEqual(['segment two']);
  });

  it('refuses an active or unknown source contact', async () => {
    const active = await emu.customer();
    const activeError = await serviceError(emu.startChat({ PersistentChat: { RehydrationType: 'FROM_SEGMENT', SourceContactId: active.contactId } }));
    expect(activeError.name).toBe('InvalidRequestException');
    const unknownError = await serviceError(emu.startChat({ PersistentChat: { RehydrationType: 'FROM_SEGMENT', SourceContactId: 'no-such-contact' } }));
    expect(unknownError.name).toBe('ResourceNotFoundException');
  });
});
