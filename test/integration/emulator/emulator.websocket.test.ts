// The chat websocket: frames, fan-out to every participant (sender included), receipts, URL expiry.
import { CreateParticipantConnectionCommand, SendEventCommand, SendMessageCommand } from '@aws-sdk/client-connectparticipant';
import { EVENT_PREFIX, startTestEmulator, TestEmulator } from '../../support/emulator/testEmulator';

let emu: TestEmulator;

beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});

describe('control frames', () => {
  it('acknowledges subscribe, echoes heartbeat and answers ping with statusCode 200', async () => {
    const started = await emu.startChat();
    const connection = await emu.participantClient().send(new CreateParticipantConnectionCommand({ ParticipantToken: started.ParticipantToken, Type: ['WEBSOCKET'] }));
    const socket = emu.openSocket(connection.Websocket?.Url ?? '');
    await socket.opened;
    socket.send({ topic: 'aws/subscribe', content: { topics: ['aws/chat'] } });
    expect(await socket.waitFor((frame) => frame.topic === 'aws/subscribe')).toEqual({ topic: 'aws/subscribe', content: { status: 'success', topics: ['aws/chat'] } });
    socket.send({ topic: 'aws/heartbeat' });
    expect(await socket.waitFor((frame) => frame.topic === 'aws/heartbeat')).toEqual({ topic: 'aws/heartbeat' });
    socket.send({ topic: 'aws/ping' });
    expect(await socket.waitFor((frame) => frame.topic === 'aws/ping')).toEqual({ topic: 'aws/ping', statusCode: 200 });
  });

  it('answers a malformed subscribe with a failure status', async () => {
    const customer = await emu.customer();
    customer.socket.send({ topic: 'aws/subscribe', content: { topics: 'aws/chat' } });
    const failure = await customer.socket.waitFor((frame) => frame.topic === 'aws/subscribe' && (frame.content as { status: string }).status === 'failure');
    expect(failure.content).toEqual({ status: 'failure', topics: [] });
  });

  it('delivers nothing before subscribing', async () => {
    const started = await emu.startChat();
    const connection = await emu.participantClient().send(new CreateParticipantConnectionCommand({ ParticipantToken: started.ParticipantToken, Type: ['WEBSOCKET'] }));
    const socket = emu.openSocket(connection.Websocket?.Url ?? '');
    await socket.opened;
    await emu.control('POST', `/emulator/contacts/${started.ContactId}/messages`, { content: 'too early' });
    socket.send({ topic: 'aws/heartbeat' });
    await socket.waitFor((frame) => frame.topic === 'aws/heartbeat');
    expect(socket.items()).toEqual([]);
  });
});

describe('items', () => {
  it('pushes a message to every participant, the sender included, as aws/chat frames with a JSON string content', async () => {
    const customer = await emu.customer();
    const agent = await emu.agent(customer.contactId, 'Sam');
    const sent = await emu.participantClient().send(new SendMessageCommand({ ConnectionToken: customer.connectionToken, ContentType: 'text/plain', Content: 'hello all' }));
    const frame = await agent.socket.waitFor((candidate) => candidate.topic === 'aws/chat' && String(candidate.content).includes(sent.Id ?? '-'));
    expect(frame.contentType).toBe('application/json');
    expect(typeof frame.content).toBe('string');
    expect(JSON.parse(String(frame.content))).toEqual({
      Id: sent.Id,
      AbsoluteTime: sent.AbsoluteTime,
      Type: 'MESSAGE',
      ContentType: 'text/plain',
      Content: 'hello all',
      ParticipantId: customer.participantId,
      DisplayName: 'Customer',
      ParticipantRole: 'CUSTOMER',
      InitialContactId: customer.contactId,
      ContactId: customer.contactId,
    });
    const echoed = await customer.socket.waitForItem((item) => item.Id === sent.Id);
    expect(echoed.Content).toBe('hello all');
  });

  it('announces a joining agent with participant.joined', async () => {
    const customer = await emu.customer();
    const agent = await emu.agent(customer.contactId, 'Joiner');
    const joined = await customer.socket.waitForItem((item) => item.ContentType === `${EVENT_PREFIX}participant.joined` && item.ParticipantId === agent.participantId);
    expect(joined).toMatchObject({ Type: 'EVENT', DisplayName: 'Joiner', ParticipantRole: 'AGENT' });
  });

  it('relays typing and pushes receipts as MESSAGEMETADATA naming who sent the receipt', async () => {
    const customer = await emu.customer();
    const agent = await emu.agent(customer.contactId);
    const client = emu.participantClient();
    const sent = await client.send(new SendMessageCommand({ ConnectionToken: agent.connectionToken, ContentType: 'text/plain', Content: 'did you read this?' }));
    await client.send(new SendEventCommand({ ConnectionToken: customer.connectionToken, ContentType: `${EVENT_PREFIX}typing` }));
    const typing = await agent.socket.waitForItem((item) => item.ContentType === `${EVENT_PREFIX}typing`);
    expect(typing).toMatchObject({ Type: 'EVENT', ParticipantId: customer.participantId, ParticipantRole: 'CUSTOMER' });
    await client.send(new SendEventCommand({ ConnectionToken: customer.connectionToken, ContentType: `${EVENT_PREFIX}message.read`, Content: JSON.stringify({ messageId: sent.Id }) }));
    const receipt = await agent.socket.waitForItem((item) => item.Type === 'MESSAGEMETADATA');
    expect(receipt).toMatchObject({
      Id: expect.any(String),
      InitialContactId: customer.contactId,
      ContactId: customer.contactId,
      MessageMetadata: { MessageId: sent.Id, Receipts: [{ ReadTimestamp: expect.any(String), RecipientParticipantId: customer.participantId }] },
    });
    await customer.socket.waitForItem((item) => item.Type === 'MESSAGEMETADATA');
  });

  it('does not leak items between contacts', async () => {
    const first = await emu.customer();
    const second = await emu.customer();
    await emu.control('POST', `/emulator/contacts/${first.contactId}/messages`, { content: 'only for first' });
    await first.socket.waitForItem((item) => item.Content === 'only for first');
    await emu.control('POST', `/emulator/contacts/${second.contactId}/messages`, { content: 'marker' });
    await second.socket.waitForItem((item) => item.Content === 'marker');
    expect(second.socket.items().some((item) => item.Content === 'only for first')).toBe(false);
  });

  it('sends chat.ended and then closes the sockets of an ended contact', async () => {
    const customer = await emu.customer();
    await emu.control('POST', `/emulator/contacts/${customer.contactId}/end`);
    const ended = await customer.socket.waitForItem((item) => item.ContentType === `${EVENT_PREFIX}chat.ended`);
    expect(ended).toMatchObject({ Type: 'EVENT', ContactId: customer.contactId, InitialContactId: customer.contactId });
    expect((await customer.socket.closed).code).toBe(1000);
  });
});

describe('websocket URL', () => {
  it('can be reused while valid (chatjs retries the same URL) and reports connected in the control API', async () => {
    const customer = await emu.customer();
    const again = emu.openSocket(customer.websocketUrl);
    await again.subscribe();
    const { body } = await emu.control('GET', '/emulator/contacts');
    const contact = body.contacts.find((entry: { contactId: string }) => entry.contactId === customer.contactId);
    expect(contact.participants[0].connected).toBe(true);
  });

  it('refuses an unknown ticket and an unknown path', async () => {
    const forged = emu.openSocket(`ws://127.0.0.1:${emu.handle.port}/ws?ticket=ws-forged`);
    await expect(forged.opened).rejects.toThrow('403');
    const elsewhere = emu.openSocket(`ws://127.0.0.1:${emu.handle.port}/somewhere`);
    await expect(elsewhere.opened).rejects.toThrow('403');
  });

  it('refuses a URL after its lifetime', async () => {
    const shortLived = await startTestEmulator({ websocketUrlTtlMs: 1 });
    try {
      const started = await shortLived.startChat();
      const connection = await shortLived.participantClient().send(new CreateParticipantConnectionCommand({ ParticipantToken: started.ParticipantToken, Type: ['WEBSOCKET'] }));
      const socket = shortLived.openSocket(connection.Websocket?.Url ?? '');
      await expect(socket.opened).rejects.toThrow('403');
    } finally {
      await shortLived.close();
    }
  });
});
