// onTranscriptUpdated against the emulator: sends, replies, receipts, failures and an agent's own role.
import { CONTENT_TYPE } from '../../../src/constants';
import { ChatServiceError } from '../../../src/errors';
import type { AgentChatSession } from '../../../src/session/agentChatSession';
import type { CustomerChatSession } from '../../../src/session/customerChatSession';
import type { ChatTranscriptItem } from '../../../src/types';
import { ChatSession, sdkWorld, sendAs, type SdkWorld } from '../../support/sdk/sdkWorld';

/** Keeps the latest transcript a session published and waits for one that passes a test. */
class TranscriptWatch {
  latest: ChatTranscriptItem[] = [];
  readonly history: ChatTranscriptItem[][] = [];
  private wake: Array<() => void> = [];

  constructor(session: CustomerChatSession | AgentChatSession) {
    session.onTranscriptUpdated((e) => {
      this.latest = e.data.transcript;
      this.history.push(e.data.transcript);
      this.wake.forEach((w) => w());
    });
  }

  until(test: (items: ChatTranscriptItem[]) => boolean, label: string, timeoutMs = 5000): Promise<ChatTranscriptItem[]> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        if (!test(this.latest)) return false;
        clearTimeout(timer);
        this.wake = this.wake.filter((w) => w !== onUpdate);
        resolve(this.latest);
        return true;
      };
      const onUpdate = (): void => void check();
      const timer = setTimeout(() => {
        this.wake = this.wake.filter((w) => w !== onUpdate);
        reject(new Error(`timed out waiting for ${label}; latest: ${JSON.stringify(this.latest.map(brief))}`));
      }, timeoutMs);
      if (!check()) this.wake.push(onUpdate);
    });
  }
}

const brief = (i: ChatTranscriptItem) => [i.Id, i.Content, i.MessageMetadata?.Status];
const statusOf = (items: ChatTranscriptItem[], id: string | undefined) => items.find((i) => i.Id === id)?.MessageMetadata?.Status;

let world: SdkWorld;
beforeEach(async () => {
  world = await sdkWorld();
});
afterEach(async () => {
  await world.close();
});

describe('onTranscriptUpdated against the emulator', () => {
  it('shows a send as SENDING then SENT, the reply, and the receipts moving its status', async () => {
    const { session, contactId, participantId } = await world.customer();
    const agent = await world.emulator.agent(contactId, 'Ada');
    const watch = new TranscriptWatch(session);

    const sent = await session.sendMessage({ message: 'where is my order?' });
    const realId = sent.data.Id as string;
    const sending = watch.history.flat().find((i) => i.MessageMetadata?.Status === 'SENDING');
    expect(sending).toMatchObject({ Content: 'where is my order?', ParticipantRole: 'CUSTOMER', ParticipantId: participantId, AbsoluteTime: '' });
    await watch.until((items) => statusOf(items, realId) === 'SENT', 'SENT under the real Id');
    expect(watch.latest.filter((i) => i.Content === 'where is my order?')).toHaveLength(1);

    await sendAs(world.emulator, contactId, agent.participantId, 'on its way');
    await watch.until((items) => items.some((i) => i.Content === 'on its way' && i.ParticipantRole === 'AGENT'), 'the agent reply');

    const receipt = (contentType: string) =>
      world.emulator.control('POST', `/emulator/contacts/${contactId}/events`, { contentType, content: JSON.stringify({ messageId: realId }), participantId: agent.participantId });
    await receipt(CONTENT_TYPE.deliveredReceipt);
    await watch.until((items) => statusOf(items, realId) === 'DELIVERED', 'DELIVERED');
    await receipt(CONTENT_TYPE.readReceipt);
    const afterRead = await watch.until((items) => statusOf(items, realId) === 'READ', 'READ');
    expect(afterRead.some((i) => i.Type === 'MESSAGEMETADATA')).toBe(false);

    // Items are in AbsoluteTime order, the send before the reply.
    const order = afterRead.filter((i) => i.Type === 'MESSAGE').map((i) => i.Content);
    expect(order).toEqual(['where is my order?', 'on its way']);
  });

  it('marks a message the service refused as FAILED', async () => {
    const { session, contactId } = await world.customer();
    const watch = new TranscriptWatch(session);
    await world.emulator.control('POST', '/emulator/faults', { kind: 'http-error', operation: 'SendMessage', status: 400, errorType: 'ValidationException', count: 1, contactId });
    const error = await session.sendMessage({ message: 'refused' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChatServiceError);
    const items = await watch.until((all) => all.some((i) => i.Content === 'refused' && i.MessageMetadata?.Status === 'FAILED'), 'FAILED');
    expect(Date.parse(items.find((i) => i.Content === 'refused')?.AbsoluteTime ?? '')).not.toBeNaN();

    await session.sendMessage({ message: 'accepted' });
    await watch.until((all) => all.some((i) => i.Content === 'accepted' && i.MessageMetadata?.Status === 'SENT'), 'the next send SENT');
  });

  it('gives a standalone agent session’s own messages the AGENT role', async () => {
    const { session: customer, contactId } = await world.customer();
    const joined = await world.emulator.control('POST', `/emulator/contacts/${contactId}/participants`, { role: 'AGENT', displayName: 'Grace' });
    const { ParticipantId, ParticipantToken } = joined.body as { ParticipantId: string; ParticipantToken: string };
    const agent = ChatSession.create({ type: 'AGENT', chatDetails: { contactId, participantId: ParticipantId, participantToken: ParticipantToken } });
    world.sessions.push(agent);
    const watch = new TranscriptWatch(agent);
    await agent.connect();

    await agent.sendMessage({ message: 'Grace here' });
    const mine = await watch.until((items) => items.some((i) => i.Content === 'Grace here' && i.MessageMetadata?.Status === 'SENT'), 'the agent send');
    expect(mine.find((i) => i.Content === 'Grace here')).toMatchObject({ ParticipantRole: 'AGENT', ParticipantId });

    await customer.sendMessage({ message: 'hello Grace' });
    const withCustomer = await watch.until((items) => items.some((i) => i.Content === 'hello Grace'), 'the customer message');
    expect(withCustomer.find((i) => i.Content === 'hello Grace')?.ParticipantRole).toBe('CUSTOMER');
  });
});
