// The /emulator control API and the scripted bots.
import { SendMessageCommand } from '@aws-sdk/client-connectparticipant';
import { EVENT_PREFIX, startTestEmulator, TestEmulator } from '../../support/emulator/testEmulator';

let emu: TestEmulator;

beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});

describe('control API', () => {
  it('reports health', async () => {
    expect(await emu.control('GET', '/emulator/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('lists contacts with their participants and connection state', async () => {
    const customer = await emu.customer();
    const joined = await emu.control('POST', `/emulator/contacts/${customer.contactId}/participants`, { role: 'SUPERVISOR', displayName: 'Sue' });
    expect(joined.status).toBe(201);
    const { body } = await emu.control('GET', '/emulator/contacts');
    const contact = body.contacts.find((entry: { contactId: string }) => entry.contactId === customer.contactId);
    expect(contact).toEqual({
      contactId: customer.contactId,
      initialContactId: customer.contactId,
      state: 'ACTIVE',
      participants: [
        { participantId: customer.participantId, role: 'CUSTOMER', displayName: 'Customer', connected: true },
        { participantId: joined.body.ParticipantId, role: 'SUPERVISOR', displayName: 'Sue', connected: false },
      ],
    });
  });

  it('counts the websockets of a contact: open now, and opened so far per participant', async () => {
    const customer = await emu.customer();
    const again = await emu.connect(customer.contactId, customer.participantId, customer.participantToken);
    const report = async () => (await emu.control('GET', `/emulator/sockets?contactId=${customer.contactId}`)).body;
    expect((await report()).opened).toEqual([{ contactId: customer.contactId, participantId: customer.participantId, count: 2 }]);
    expect((await report()).open).toEqual([
      { contactId: customer.contactId, participantId: customer.participantId, subscribed: true },
      { contactId: customer.contactId, participantId: customer.participantId, subscribed: true },
    ]);
    again.socket.close();
    const deadline = Date.now() + 5_000;
    while ((await report()).open.length > 1 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await report()).open).toHaveLength(1);
    expect((await report()).opened[0].count).toBe(2);
  });

  it('gives an added agent a token that works like a customer\'s, so an agent session runs standalone', async () => {
    const customer = await emu.customer();
    const agent = await emu.agent(customer.contactId, 'Standalone');
    const sent = await emu.participantClient().send(new SendMessageCommand({ ConnectionToken: agent.connectionToken, ContentType: 'text/plain', Content: 'agent here' }));
    const item = await customer.socket.waitForItem((candidate) => candidate.Id === sent.Id);
    expect(item).toMatchObject({ ParticipantRole: 'AGENT', DisplayName: 'Standalone', ParticipantId: agent.participantId });
  });

  it('sends messages as a participant, as a role, or as SYSTEM', async () => {
    const customer = await emu.customer();
    const asCustomer = await emu.control('POST', `/emulator/contacts/${customer.contactId}/messages`, { participantId: customer.participantId, content: 'typed for me' });
    expect(await customer.socket.waitForItem((item) => item.Id === asCustomer.body.Id)).toMatchObject({ ParticipantRole: 'CUSTOMER', ParticipantId: customer.participantId });
    const asSystem = await emu.control('POST', `/emulator/contacts/${customer.contactId}/messages`, { role: 'SYSTEM', content: 'Queued', contentType: 'text/markdown' });
    expect(asSystem.body.AbsoluteTime).toMatch(/\.\d{3}Z$/);
    expect(await customer.socket.waitForItem((item) => item.Id === asSystem.body.Id)).toMatchObject({ ParticipantRole: 'SYSTEM', ContentType: 'text/markdown', DisplayName: 'SYSTEM_MESSAGE' });
  });

  it('sends Lex streaming chunks with a shared id; the transcript keeps the completed message once', async () => {
    const customer = await emu.customer();
    const path = `/emulator/contacts/${customer.contactId}/messages`;
    await emu.control('POST', path, { role: 'SYSTEM', id: 'lex-1', content: 'Hel', messageMetadata: { MessageCompleted: false, ChunkNumber: 1 } });
    await emu.control('POST', path, { role: 'SYSTEM', id: 'lex-1', content: 'lo', messageMetadata: { MessageCompleted: false, ChunkNumber: 2 } });
    await emu.control('POST', path, { role: 'SYSTEM', id: 'lex-1', content: 'Hello', messageMetadata: { MessageCompleted: true } });
    await customer.socket.waitForItem((item) => item.Id === 'lex-1' && item.MessageMetadata?.MessageCompleted === true);
    const chunks = customer.socket.items().filter((item) => item.Id === 'lex-1');
    expect(chunks.map((item) => [item.Content, item.MessageMetadata?.ChunkNumber])).toEqual([['Hel', 1], ['lo', 2], ['Hello', undefined]]);
    const { body } = await emu.control('GET', `/emulator/contacts/${customer.contactId}/transcript`);
    expect(body.items.filter((item: { Id: string }) => item.Id === 'lex-1')).toEqual([expect.objectContaining({ Content: 'Hello' })]);
  });

  it('emits events of any content type', async () => {
    const customer = await emu.customer();
    const contentType = `${EVENT_PREFIX}participant.idle`;
    const event = await emu.control('POST', `/emulator/contacts/${customer.contactId}/events`, { contentType, participantId: customer.participantId });
    const item = await customer.socket.waitForItem((candidate) => candidate.Id === event.body.Id);
    expect(item).toMatchObject({ Type: 'EVENT', ContentType: contentType, ParticipantId: customer.participantId });
    const auth = await emu.control('POST', `/emulator/contacts/${customer.contactId}/events`, { contentType: `${EVENT_PREFIX}authentication.initiated`, content: { SessionId: 's-1' }, role: 'SYSTEM' });
    expect(JSON.parse((await customer.socket.waitForItem((candidate) => candidate.Id === auth.body.Id)).Content ?? '')).toEqual({ SessionId: 's-1' });
  });

  it('floods messages and reports the first and last ids', async () => {
    const customer = await emu.customer();
    const { body } = await emu.control('POST', `/emulator/contacts/${customer.contactId}/flood`, { count: 120, bytes: 64 });
    expect(body).toEqual({ firstId: expect.any(String), lastId: expect.any(String), ms: expect.any(Number) });
    const last = await customer.socket.waitForItem((item) => item.Id === body.lastId);
    expect(last.Content).toHaveLength(64);
    expect(customer.socket.items().filter((item) => item.Content?.startsWith('flood '))).toHaveLength(120);
  });

  it('ends a contact, after which its state is ENDED and sending to it conflicts', async () => {
    const customer = await emu.customer();
    expect((await emu.control('POST', `/emulator/contacts/${customer.contactId}/end`)).status).toBe(200);
    await customer.socket.waitForItem((item) => item.ContentType === `${EVENT_PREFIX}chat.ended`);
    const { body } = await emu.control('GET', '/emulator/contacts');
    expect(body.contacts.find((entry: { contactId: string }) => entry.contactId === customer.contactId).state).toBe('ENDED');
    expect((await emu.control('POST', `/emulator/contacts/${customer.contactId}/messages`, { content: 'x' })).status).toBe(409);
  });

  it('logs participant API calls with their ClientToken and ContentType, filterable by contact', async () => {
    const customer = await emu.customer();
    await emu.participantClient().send(new SendMessageCommand({ ConnectionToken: customer.connectionToken, ContentType: 'text/plain', Content: 'logged', ClientToken: 'log-token-1' }));
    const { body } = await emu.control('GET', `/emulator/requests?contactId=${customer.contactId}`);
    expect(body.requests.map((entry: { operation: string }) => entry.operation)).toEqual(['CreateParticipantConnection', 'SendMessage']);
    expect(body.requests[1]).toEqual({
      at: expect.any(String),
      operation: 'SendMessage',
      status: 200,
      contactId: customer.contactId,
      participantId: customer.participantId,
      clientToken: 'log-token-1',
      contentType: 'text/plain',
    });
  });

  it.each([
    ['an unknown contact', 'POST', '/emulator/contacts/nope/messages', { content: 'x' }, 404, 'ResourceNotFoundException'],
    ['a missing role', 'POST', '/emulator/contacts/{id}/participants', { displayName: 'x' }, 400, 'ValidationException'],
    ['an unknown fault kind', 'POST', '/emulator/faults', { kind: 'meteor' }, 400, 'ValidationException'],
    ['an unknown route', 'GET', '/emulator/nothing', undefined, 404, 'UnknownOperationException'],
    ['a wrong method', 'GET', '/emulator/faults', undefined, 404, 'UnknownOperationException'],
  ])('answers %s with a JSON error', async (_label, method, path, body, status, errorType) => {
    const customer = await emu.startChat();
    const answer = await emu.control(method, path.replace('{id}', customer.ContactId), body);
    expect(answer.status).toBe(status);
    expect(answer.body.__type).toBe(errorType);
    expect(answer.headers.get('x-amzn-errortype')).toBe(errorType);
  });
});

describe('bots', () => {
  it('echo: an agent joins, types, marks the customer message read and answers it', async () => {
    const withBot = await startTestEmulator({ bot: 'echo', botDelayMs: 5 });
    try {
      const customer = await withBot.customer();
      const sent = await withBot.participantClient().send(new SendMessageCommand({ ConnectionToken: customer.connectionToken, ContentType: 'text/plain', Content: 'ping' }));
      const answer = await customer.socket.waitForItem((item) => item.Type === 'MESSAGE' && item.ParticipantRole === 'AGENT');
      expect(answer).toMatchObject({ Content: 'Echo: ping', DisplayName: 'Echo Bot' });
      const receipt = customer.socket.items().find((item) => item.Type === 'MESSAGEMETADATA');
      expect(receipt?.MessageMetadata).toEqual({ MessageId: sent.Id, Receipts: [{ ReadTimestamp: expect.any(String), RecipientParticipantId: answer.ParticipantId }] });
      expect(customer.socket.items().some((item) => item.ContentType === `${EVENT_PREFIX}typing` && item.ParticipantId === answer.ParticipantId)).toBe(true);
      // The join may come before the socket subscribed, so look for it in the stored transcript.
      const { body } = await withBot.control('GET', `/emulator/contacts/${customer.contactId}/transcript`);
      expect(body.items).toContainEqual(expect.objectContaining({ ContentType: `${EVENT_PREFIX}participant.joined`, ParticipantId: answer.ParticipantId, DisplayName: 'Echo Bot' }));
    } finally {
      await withBot.close();
    }
  });

  it('lex: a SYSTEM participant answers with numbered chunks sharing an Id, then the completed message', async () => {
    const withBot = await startTestEmulator({ bot: 'lex', botDelayMs: 5 });
    try {
      const customer = await withBot.customer();
      await withBot.participantClient().send(new SendMessageCommand({ ConnectionToken: customer.connectionToken, ContentType: 'text/plain', Content: 'book a flight to Lisbon please' }));
      const completed = await customer.socket.waitForItem((item) => item.ParticipantRole === 'SYSTEM' && item.MessageMetadata?.MessageCompleted === true);
      expect(completed.Content).toBe('You said: book a flight to Lisbon please');
      const chunks = customer.socket.items().filter((item) => item.Id === completed.Id && item.MessageMetadata?.MessageCompleted === false);
      expect(chunks.map((item) => item.MessageMetadata?.ChunkNumber)).toEqual([1, 2, 3]);
      expect(chunks.map((item) => item.Content).join('')).toBe(completed.Content);
    } finally {
      await withBot.close();
    }
  });
});
