// This SDK as a customer against the emulator: the whole chat, over real HTTP and websockets.
import { CONTENT_TYPE } from '../../../src/constants';
import { ChatServiceError, IllegalArgumentException } from '../../../src/errors';
import { nextEvent, sdkWorld, sendAs, type SdkWorld } from '../../support/sdk/sdkWorld';

let world: SdkWorld;
beforeEach(async () => {
  world = await sdkWorld();
});
afterEach(async () => {
  await world.close();
});

describe('customer session against the emulator', () => {
  it('connects, sends and receives messages, typing and receipts, and ends', async () => {
    const { session, contactId, participantId, log } = await world.customer();
    const agent = await world.emulator.agent(contactId, 'Ada');

    const sent = await session.sendMessage({ message: 'hello from the SDK' });
    expect(sent.data.Id).toEqual(expect.any(String));
    await agent.socket.waitForItem((item) => item.Content === 'hello from the SDK', 5000, 'customer message at agent');

    await sendAs(world.emulator, contactId, agent.participantId, 'hi, Ada here');
    await log.until((items) => items.some((i) => i.Content === 'hi, Ada here'), 5000, 'agent message');
    const agentMessage = log.items.find((i) => i.Content === 'hi, Ada here');
    expect(agentMessage).toMatchObject({ ParticipantRole: 'AGENT', DisplayName: 'Ada', ContactId: contactId });

    const typing = nextEvent(session.onTyping.bind(session), 5000, 'typing');
    await world.emulator.control('POST', `/emulator/contacts/${contactId}/events`, { contentType: CONTENT_TYPE.typing, participantId: agent.participantId });
    expect((await typing).data.ParticipantId).toBe(agent.participantId);

    // The customer marks the agent's message read; the agent sees the receipt naming the customer.
    // disableThrottle: at once rather than at the end of the 5 s receipt window (receipts.test.ts covers the throttle).
    await session.sendEvent({ contentType: CONTENT_TYPE.readReceipt, content: JSON.stringify({ messageId: agentMessage?.Id, disableThrottle: true }) });
    const receipt = await agent.socket.waitForItem((item) => item.Type === 'MESSAGEMETADATA', 5000, 'receipt at agent');
    expect(receipt.MessageMetadata).toMatchObject({ MessageId: agentMessage?.Id, Receipts: [expect.objectContaining({ RecipientParticipantId: participantId })] });

    const ended = nextEvent(session.onEnded.bind(session), 5000, 'onEnded');
    await world.emulator.control('POST', `/emulator/contacts/${contactId}/end`);
    expect(await ended).toEqual({ chatDetails: expect.objectContaining({ contactId }), data: null });
    expect(log.items[log.items.length - 1].ContentType).toBe(CONTENT_TYPE.chatEnded);
    await expect(session.sendMessage({ message: 'too late' })).rejects.toThrow('Failed to call sendMessage, No active connection');
  });

  it('pages the transcript with upstream’s defaults', async () => {
    const { session, contactId } = await world.customer();
    const agent = await world.emulator.agent(contactId);
    for (let i = 1; i <= 20; i += 1) await sendAs(world.emulator, contactId, agent.participantId, `m${i}`);
    const first = await session.getTranscript();
    const messages = (first.data.Transcript ?? []).filter((i) => i.Type === 'MESSAGE').map((i) => i.Content);
    expect(first.data.Transcript).toHaveLength(15);
    expect(messages[messages.length - 1]).toBe('m20');
    expect(first.data.NextToken).toEqual(expect.any(String));
    const older = await session.getTranscript({ nextToken: first.data.NextToken });
    expect((older.data.Transcript ?? []).length).toBeGreaterThan(0);
    expect(older.data.Transcript?.some((i) => i.Content === 'm1')).toBe(true);
  });

  it('uploads, lists and downloads an attachment', async () => {
    const { session, contactId, log } = await world.customer();
    const file = new File(['hello attachment'], 'note.txt', { type: 'text/plain' });
    const progress: number[] = [];
    const uploaded = await session.sendAttachment({ attachment: file, onProgress: (p) => progress.push(p.loaded) });
    const attachmentId = uploaded.data.AttachmentId as string;
    expect(attachmentId).toEqual(expect.any(String));
    expect(progress[progress.length - 1]).toBe(file.size);
    await log.until((items) => items.some((i) => i.Type === 'ATTACHMENT'), 5000, 'attachment item');
    const item = log.items.find((i) => i.Type === 'ATTACHMENT');
    expect(item?.Attachments?.[0]).toMatchObject({ AttachmentId: attachmentId, AttachmentName: 'note.txt', Status: 'APPROVED' });
    const blob = await session.downloadAttachment({ attachmentId });
    expect(await blob.text()).toBe('hello attachment');
    await expect(session.getAttachmentURL({ attachmentId })).resolves.toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(contactId).toEqual(expect.any(String));
  });

  it('rejects bad input with a clear error and service errors as ChatServiceError, staying usable', async () => {
    const { session } = await world.customer();
    await expect(session.sendMessage({ message: '' })).rejects.toBeInstanceOf(IllegalArgumentException);
    const tooLong = await session.sendMessage({ message: 'x'.repeat(20_000) }).catch((e: unknown) => e);
    expect(tooLong).toBeInstanceOf(ChatServiceError);
    expect(tooLong).toMatchObject({ type: 'ValidationException', statusCode: 400 });
    await expect(session.sendMessage({ message: 'still fine' })).resolves.toMatchObject({ data: { Id: expect.any(String) } });
  });

  it('disconnectParticipant ends the chat and fires onEnded', async () => {
    const { session } = await world.customer();
    const ended = nextEvent(session.onEnded.bind(session), 5000, 'onEnded');
    await session.disconnectParticipant();
    await expect(ended).resolves.toMatchObject({ data: null });
  });
});
