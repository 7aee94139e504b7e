// The Participant Service operations and StartChatContact, driven with the AWS SDK v3 clients.
import {
  CancelParticipantAuthenticationCommand,
  CreateParticipantConnectionCommand,
  DescribeViewCommand,
  DisconnectParticipantCommand,
  GetAuthenticationUrlCommand,
  GetTranscriptCommand,
  SendEventCommand,
  SendMessageCommand,
} from '@aws-sdk/client-connectparticipant';
import { EVENT_PREFIX, rawJson, serviceError, startTestEmulator, TestEmulator } from '../../support/emulator/testEmulator';

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
let emu: TestEmulator;

beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});

describe('StartChatContact', () => {
  it('creates a contact with a customer participant and token', async () => {
    const started = await emu.startChat({ ParticipantDetails: { DisplayName: 'Ana' } });
    expect(started.ContactId).toEqual(expect.any(String));
    expect(started.ParticipantId).toEqual(expect.any(String));
    expect(started.ParticipantToken.length).toBeGreaterThan(10);
    const { body } = await emu.control('GET', '/emulator/contacts');
    const contact = body.contacts.find((entry: { contactId: string }) => entry.contactId === started.ContactId);
    expect(contact).toMatchObject({ state: 'ACTIVE', initialContactId: started.ContactId, participants: [{ role: 'CUSTOMER', displayName: 'Ana', connected: false }] });
  });

  it('answers the same contact for a repeated ClientToken', async () => {
    const first = await emu.startChat({ ClientToken: 'same-token-1' });
    const second = await emu.startChat({ ClientToken: 'same-token-1' });
    expect(second.ContactId).toBe(first.ContactId);
  });

  it.each([
    [{ InstanceId: undefined }, 'InvalidParameterException', 'InstanceId'],
    [{ ParticipantDetails: { DisplayName: '' } }, 'InvalidParameterException', 'ParticipantDetails.DisplayName'],
    [{ ChatDurationInMinutes: 10 }, 'InvalidParameterException', 'ChatDurationInMinutes'],
    [{ SupportedMessagingContentTypes: ['text/markdown'] }, 'InvalidRequestException', 'text/plain'],
    [{ InitialMessage: { ContentType: 'text/plain', Content: '' } }, 'InvalidParameterException', 'InitialMessage.Content'],
    [{ PersistentChat: { RehydrationType: 'SOMETIMES' as never, SourceContactId: 'x' } }, 'InvalidParameterException', 'RehydrationType'],
  ])('rejects %j with %s naming the field', async (override, errorType, field) => {
    const error = await serviceError(emu.startChat(override));
    expect(error.name).toBe(errorType);
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toContain(field);
  });

  it('stores the InitialMessage as the customer', async () => {
    const customer = await emu.customer({ InitialMessage: { ContentType: 'text/plain', Content: 'first words' } });
    const page = await emu.participantClient().send(new GetTranscriptCommand({ ConnectionToken: customer.connectionToken, SortOrder: 'ASCENDING' }));
    expect(page.Transcript?.map((item) => item.Content)).toContain('first words');
    expect(page.Transcript?.find((item) => item.Content === 'first words')).toMatchObject({ ParticipantRole: 'CUSTOMER', ParticipantId: customer.participantId });
  });
});

describe('CreateParticipantConnection', () => {
  it('returns a ws://127.0.0.1 URL valid for 100 s and a connection token valid for a day', async () => {
    const started = await emu.startChat();
    const before = Date.now();
    const answer = await emu.participantClient().send(new CreateParticipantConnectionCommand({ ParticipantToken: started.ParticipantToken, Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'] }));
    expect(answer.Websocket?.Url).toMatch(new RegExp(`^ws://127\\.0\\.0\\.1:${emu.handle.port}/`));
    expect(answer.Websocket?.ConnectionExpiry).toMatch(ISO_MS);
    expect(answer.ConnectionCredentials?.Expiry).toMatch(ISO_MS);
    const urlLifetime = Date.parse(answer.Websocket?.ConnectionExpiry ?? '') - before;
    expect(urlLifetime).toBeGreaterThan(90_000);
    expect(urlLifetime).toBeLessThanOrEqual(101_000);
    const tokenLifetime = Date.parse(answer.ConnectionCredentials?.Expiry ?? '') - before;
    expect(tokenLifetime).toBeGreaterThan(23 * 3600_000);
    expect(tokenLifetime).toBeLessThanOrEqual(24 * 3600_000 + 1000);
  });

  it('returns only what Type asks for', async () => {
    const started = await emu.startChat();
    const answer = await emu.participantClient().send(new CreateParticipantConnectionCommand({ ParticipantToken: started.ParticipantToken, Type: ['CONNECTION_CREDENTIALS'] }));
    expect(answer.Websocket).toBeUndefined();
    expect(answer.ConnectionCredentials?.ConnectionToken).toEqual(expect.any(String));
  });

  it.each([
    ['an unknown token', 'pt-nope'],
    ['no token', undefined],
  ])('refuses %s with 403 AccessDeniedException "Access denied"', async (_label, token) => {
    const error = await serviceError(emu.participantClient().send(new CreateParticipantConnectionCommand({ ParticipantToken: token as string, Type: ['WEBSOCKET'] })));
    expect(error.name).toBe('AccessDeniedException');
    expect(error.message).toBe('Access denied');
    expect(error.$metadata.httpStatusCode).toBe(403);
    expect(error.$metadata.requestId).toEqual(expect.any(String));
  });

  it('refuses a connection token where the participant token is required, and vice versa', async () => {
    const customer = await emu.customer();
    const client = emu.participantClient();
    const wrongForConnect = await serviceError(client.send(new CreateParticipantConnectionCommand({ ParticipantToken: customer.connectionToken, Type: ['WEBSOCKET'] })));
    expect(wrongForConnect.name).toBe('AccessDeniedException');
    const wrongForSend = await serviceError(client.send(new SendMessageCommand({ ConnectionToken: customer.participantToken, ContentType: 'text/plain', Content: 'x' })));
    expect(wrongForSend.name).toBe('AccessDeniedException');
  });

  it('rejects an unknown Type value', async () => {
    const started = await emu.startChat();
    const error = await serviceError(emu.participantClient().send(new CreateParticipantConnectionCommand({ ParticipantToken: started.ParticipantToken, Type: ['PIGEON' as never] })));
    expect(error.name).toBe('ValidationException');
    expect(error.message).toContain('Type');
  });

  it('refuses an expired connection token', async () => {
    const shortLived = await startTestEmulator({ connectionTokenTtlMs: 1 });
    try {
      const customer = await shortLived.customer();
      const error = await serviceError(shortLived.participantClient().send(new SendMessageCommand({ ConnectionToken: customer.connectionToken, ContentType: 'text/plain', Content: 'late' })));
      expect(error.name).toBe('AccessDeniedException');
    } finally {
      await shortLived.close();
    }
  });
});

describe('SendMessage and SendEvent', () => {
  it('answers Id and an ISO AbsoluteTime with milliseconds, also through an endpoint with a trailing slash', async () => {
    const customer = await emu.customer();
    const client = emu.participantClient({ endpoint: `${emu.url}/` });
    const sent = await client.send(new SendMessageCommand({ ConnectionToken: customer.connectionToken, ContentType: 'text/markdown', Content: '**hi**' }));
    expect(sent.Id).toEqual(expect.any(String));
    expect(sent.AbsoluteTime).toMatch(ISO_MS);
  });

  it.each([
    ['missing Content', { Content: undefined }, 'Content'],
    ['Content over 16384 characters', { Content: 'x'.repeat(16385) }, 'Content'],
    ['an unsupported ContentType', { ContentType: 'text/html' }, 'ContentType'],
    ['missing ContentType', { ContentType: undefined }, 'ContentType'],
  ])('rejects %s with a ValidationException naming the field', async (_label, override, field) => {
    const customer = await emu.customer();
    const input = { ConnectionToken: customer.connectionToken, ContentType: 'text/plain', Content: 'hello', ...override };
    const error = await serviceError(emu.participantClient().send(new SendMessageCommand(input as never)));
    expect(error.name).toBe('ValidationException');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toContain(field);
  });

  it('enforces the contact\'s SupportedMessagingContentTypes', async () => {
    const customer = await emu.customer({ SupportedMessagingContentTypes: ['text/plain'] });
    const error = await serviceError(emu.participantClient().send(new SendMessageCommand({ ConnectionToken: customer.connectionToken, ContentType: 'text/markdown', Content: '*x*' })));
    expect(error.name).toBe('ValidationException');
  });

  it('accepts typing and receipts, rejects other event types and receipts without messageId', async () => {
    const customer = await emu.customer();
    const client = emu.participantClient();
    const typing = await client.send(new SendEventCommand({ ConnectionToken: customer.connectionToken, ContentType: `${EVENT_PREFIX}typing` }));
    expect(typing.Id).toEqual(expect.any(String));
    const badType = await serviceError(client.send(new SendEventCommand({ ConnectionToken: customer.connectionToken, ContentType: `${EVENT_PREFIX}chat.ended` })));
    expect(badType.name).toBe('ValidationException');
    const badReceipt = await serviceError(client.send(new SendEventCommand({ ConnectionToken: customer.connectionToken, ContentType: `${EVENT_PREFIX}message.read`, Content: '{}' })));
    expect(badReceipt.message).toContain('Content');
  });

  it('applies a retried write once: same ClientToken and body → same Id', async () => {
    const customer = await emu.customer();
    const client = emu.participantClient();
    const input = { ConnectionToken: customer.connectionToken, ContentType: 'text/plain', Content: 'once', ClientToken: 'retry-token-1' };
    const first = await client.send(new SendMessageCommand(input));
    const second = await client.send(new SendMessageCommand(input));
    expect(second.Id).toBe(first.Id);
    const { body } = await emu.control('GET', `/emulator/contacts/${customer.contactId}/transcript`);
    expect(body.items.filter((item: { Content?: string }) => item.Content === 'once')).toHaveLength(1);
  });
});

describe('DisconnectParticipant', () => {
  it('ends the chat for a customer: chat.ended is pushed and the tokens are refused afterwards', async () => {
    const customer = await emu.customer();
    const client = emu.participantClient();
    await client.send(new DisconnectParticipantCommand({ ConnectionToken: customer.connectionToken }));
    await customer.socket.waitForItem((item) => item.ContentType === `${EVENT_PREFIX}participant.left`);
    await customer.socket.waitForItem((item) => item.ContentType === `${EVENT_PREFIX}chat.ended`);
    const after = await serviceError(client.send(new SendMessageCommand({ ConnectionToken: customer.connectionToken, ContentType: 'text/plain', Content: 'x' })));
    expect(after.name).toBe('AccessDeniedException');
    const reconnect = await serviceError(client.send(new CreateParticipantConnectionCommand({ ParticipantToken: customer.participantToken, Type: ['WEBSOCKET'] })));
    expect(reconnect.name).toBe('AccessDeniedException');
  });

  it('an agent leaving does not end the chat', async () => {
    const customer = await emu.customer();
    const agent = await emu.agent(customer.contactId);
    await emu.participantClient().send(new DisconnectParticipantCommand({ ConnectionToken: agent.connectionToken }));
    await customer.socket.waitForItem((item) => item.ContentType === `${EVENT_PREFIX}participant.left` && item.ParticipantId === agent.participantId);
    const sent = await emu.participantClient().send(new SendMessageCommand({ ConnectionToken: customer.connectionToken, ContentType: 'text/plain', Content: 'still here' }));
    expect(sent.Id).toEqual(expect.any(String));
  });
});

describe('DescribeView and authentication', () => {
  it('describes a view by its (percent-encoded) token and 404s a missing one', async () => {
    const customer = await emu.customer();
    const client = emu.participantClient();
    const view = await client.send(new DescribeViewCommand({ ConnectionToken: customer.connectionToken, ViewToken: 'vt/1+2=' }));
    expect(view.View).toMatchObject({ Name: expect.any(String), Version: 1, Content: { Actions: expect.any(Array) } });
    const missing = await serviceError(client.send(new DescribeViewCommand({ ConnectionToken: customer.connectionToken, ViewToken: 'not-found-1' })));
    expect(missing.name).toBe('ResourceNotFoundException');
    expect(missing.$metadata.httpStatusCode).toBe(404);
  });

  it('gives an authentication URL for a 36-character SessionId and cancels', async () => {
    const customer = await emu.customer();
    const client = emu.participantClient();
    const sessionId = '4b3f1c2e-9d7a-4b8e-8a51-0c7d2f6e1a90';
    const url = await client.send(new GetAuthenticationUrlCommand({ ConnectionToken: customer.connectionToken, SessionId: sessionId, RedirectUri: 'https://example.com/cb' }));
    expect(url.AuthenticationUrl).toContain(sessionId);
    await expect(client.send(new CancelParticipantAuthenticationCommand({ ConnectionToken: customer.connectionToken, SessionId: sessionId }))).resolves.toBeDefined();
    const short = await serviceError(client.send(new CancelParticipantAuthenticationCommand({ ConnectionToken: customer.connectionToken, SessionId: 'short' })));
    expect(short.message).toContain('SessionId');
  });
});

describe('wire details', () => {
  it('errors carry x-amzn-ErrorType, x-amzn-RequestId and __type/message/Message', async () => {
    const answer = await rawJson(`${emu.url}/participant/message`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-amz-bearer': 'ct-invalid', origin: 'http://localhost:5173' },
      body: '{"ContentType":"text/plain","Content":"x"}',
    });
    expect(answer.status).toBe(403);
    expect(answer.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
    expect(answer.headers.get('x-amzn-requestid')).toEqual(expect.any(String));
    expect(answer.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(answer.headers.get('access-control-expose-headers')).toBe('x-amzn-RequestId,x-amzn-ErrorType');
    expect(answer.body).toEqual({ __type: 'AccessDeniedException', message: 'Access denied', Message: 'Access denied' });
  });

  it('answers preflight for a loopback origin, echoing the requested headers', async () => {
    const response = await fetch(`${emu.url}/participant/message`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,x-amz-bearer' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(response.headers.get('access-control-allow-headers')).toBe('authorization,content-type,x-amz-bearer');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
  });
});
