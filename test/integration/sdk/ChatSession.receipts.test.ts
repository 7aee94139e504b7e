// Read/delivered receipts from this SDK against the emulator: what the agent sees, how many SendEvent
// calls a burst makes, the ClientTokens they carry, and that a session never hears its own receipts.
import { CONTENT_TYPE } from '../../../src/constants';
import type { ChatMessageEvent } from '../../../src/types';
import { ChatSession, nextEvent, sdkWorld, sendAs, type SdkWorld } from '../../support/sdk/sdkWorld';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const THROTTLE_MS = 400;

interface LoggedRequest {
  operation: string;
  status: number;
  participantId?: string;
  clientToken?: string;
  contentType?: string;
}

let world: SdkWorld;
beforeEach(async () => {
  world = await sdkWorld();
  // A short window keeps the test quick; the behaviour is the same as with the 5 s default.
  ChatSession.setGlobalConfig({ region: 'us-east-1', endpoint: world.emulator.url, features: { messageReceipts: { throttleTime: THROTTLE_MS } } });
});
afterEach(async () => {
  await world.close();
});

const receipt = (contentType: string, messageId: string) => ({ contentType, content: JSON.stringify({ messageId }) });

async function receiptCalls(contactId: string): Promise<LoggedRequest[]> {
  const { body } = await world.emulator.control('GET', `/emulator/requests?contactId=${contactId}`);
  const requests = (body as { requests: LoggedRequest[] }).requests;
  return requests.filter((r) => r.operation === 'SendEvent' && (r.contentType === CONTENT_TYPE.readReceipt || r.contentType === CONTENT_TYPE.deliveredReceipt));
}

/** A customer session with an agent (raw socket) who has sent `count` messages the customer has seen. */
async function chatWithAgentMessages(count: number) {
  const customer = await world.customer();
  const agent = await world.emulator.agent(customer.contactId, 'Ada');
  for (let i = 1; i <= count; i += 1) await sendAs(world.emulator, customer.contactId, agent.participantId, `agent ${i}`);
  await customer.log.until((items) => items.filter((i) => i.ParticipantRole === 'AGENT' && i.Type === 'MESSAGE').length === count, 5000, 'agent messages');
  const ids = customer.log.items.filter((i) => i.ParticipantRole === 'AGENT' && i.Type === 'MESSAGE').map((i) => i.Id);
  return { ...customer, agent, ids };
}

describe('message receipts against the emulator', () => {
  it('marks agent messages delivered and read; the agent sees receipts naming the customer, the customer never hears its own', async () => {
    const { session, contactId, participantId, agent, ids } = await chatWithAgentMessages(2);
    const ownReceipts: ChatMessageEvent[] = [];
    session.onReadReceipt((event) => ownReceipts.push(event));
    session.onDeliveredReceipt((event) => ownReceipts.push(event));

    await session.sendEvent(receipt(CONTENT_TYPE.deliveredReceipt, ids[0]));
    const delivered = await agent.socket.waitForItem((i) => i.Type === 'MESSAGEMETADATA' && i.MessageMetadata?.MessageId === ids[0], 5000, 'delivered at agent');
    expect(delivered.MessageMetadata?.Receipts?.[0]).toMatchObject({ DeliveredTimestamp: expect.any(String), RecipientParticipantId: participantId });

    await session.sendEvent(receipt(CONTENT_TYPE.readReceipt, ids[1]));
    const read = await agent.socket.waitForItem((i) => i.Type === 'MESSAGEMETADATA' && i.MessageMetadata?.MessageId === ids[1], 5000, 'read at agent');
    expect(read.MessageMetadata?.Receipts?.[0]).toMatchObject({ ReadTimestamp: expect.any(String), RecipientParticipantId: participantId });

    // The agent's receipt for a customer message does reach the customer: the socket path works, and
    // by the time it arrives the customer's own receipts (pushed earlier) have been dropped.
    const mine = await session.sendMessage({ message: 'customer says hi' });
    const agentRead = nextEvent(session.onReadReceipt.bind(session), 5000, 'agent read receipt');
    await world.emulator.control('POST', `/emulator/contacts/${contactId}/events`, {
      contentType: CONTENT_TYPE.readReceipt,
      content: JSON.stringify({ messageId: mine.data.Id }),
      participantId: agent.participantId,
    });
    expect((await agentRead).data.MessageMetadata).toMatchObject({ MessageId: mine.data.Id, Receipts: [expect.objectContaining({ RecipientParticipantId: agent.participantId })] });
    expect(ownReceipts.map((e) => e.data.MessageMetadata?.MessageId)).toEqual([mine.data.Id]);
  });

  it('turns 20 read receipts within one window into far fewer SendEvent calls, each with its own UUID ClientToken', async () => {
    const { session, contactId, agent, ids } = await chatWithAgentMessages(20);
    const results = await Promise.all(ids.map((id) => session.sendEvent(receipt(CONTENT_TYPE.readReceipt, id))));
    results.forEach((result) => expect(result).toMatchObject({ data: expect.any(Object) }));

    const calls = await receiptCalls(contactId);
    expect(calls.length).toBeGreaterThanOrEqual(1);
    expect(calls.length).toBeLessThanOrEqual(2);
    calls.forEach((call) => expect(call.clientToken).toMatch(UUID_V4));
    expect(new Set(calls.map((call) => call.clientToken)).size).toBe(calls.length);
    // The newest message is the one acknowledged.
    await agent.socket.waitForItem((i) => i.Type === 'MESSAGEMETADATA' && i.MessageMetadata?.MessageId === ids[19], 5000, 'read of the newest message');

    // Already acknowledged: no further call.
    await expect(session.sendEvent(receipt(CONTENT_TYPE.deliveredReceipt, ids[3]))).resolves.toEqual({ message: 'Event already fired' });
    expect(await receiptCalls(contactId)).toHaveLength(calls.length);
  });

  it('retries a receipt the service failed with the same ClientToken, so it is recorded once', async () => {
    const { session, contactId, agent, ids } = await chatWithAgentMessages(1);
    await world.emulator.control('POST', '/emulator/faults', { kind: 'http-error', operation: 'SendEvent', status: 500, errorType: 'InternalServerException', count: 1, contactId });
    await session.sendEvent(receipt(CONTENT_TYPE.readReceipt, ids[0]));

    const calls = await receiptCalls(contactId);
    expect(calls.map((call) => call.status)).toEqual([500, 200]);
    expect(calls[0].clientToken).toMatch(UUID_V4);
    expect(calls[1].clientToken).toBe(calls[0].clientToken);
    await agent.socket.waitForItem((i) => i.Type === 'MESSAGEMETADATA' && i.MessageMetadata?.MessageId === ids[0], 5000, 'read at agent');
    expect(agent.socket.items().filter((i) => i.Type === 'MESSAGEMETADATA')).toHaveLength(1);
  });
});
