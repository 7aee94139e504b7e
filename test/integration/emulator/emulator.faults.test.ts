// Every fault kind of POST /emulator/faults, narrowed by contact and participant.
import { CreateParticipantConnectionCommand, GetTranscriptCommand, SendMessageCommand } from '@aws-sdk/client-connectparticipant';
import { serviceError, startTestEmulator, TestEmulator, until } from '../../support/emulator/testEmulator';

let emu: TestEmulator;

beforeAll(async () => {
  emu = await startTestEmulator();
});
afterEach(async () => {
  await emu.control('DELETE', '/emulator/faults');
});
afterAll(async () => {
  await emu.close();
});

function fault(body: Record<string, unknown>) {
  return emu.control('POST', '/emulator/faults', body);
}

function rawSend(token: string): Promise<Response> {
  return fetch(`${emu.url}/participant/message`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-amz-bearer': token },
    body: JSON.stringify({ ContentType: 'text/plain', Content: 'raw' }),
  });
}

describe('drop-sockets', () => {
  it('closes only the matching participant\'s sockets, abruptly (no close frame)', async () => {
    const customer = await emu.customer();
    const agent = await emu.agent(customer.contactId);
    const added = await fault({ kind: 'drop-sockets', participantId: customer.participantId });
    expect(added.body.id).toEqual(expect.any(String));
    expect((await customer.socket.closed).code).toBe(1006);
    agent.socket.send({ topic: 'aws/heartbeat' });
    await agent.socket.waitFor((frame) => frame.topic === 'aws/heartbeat');
  });

  it('narrowed by contactId leaves other contacts alone', async () => {
    const dropped = await emu.customer();
    const kept = await emu.customer();
    await fault({ kind: 'drop-sockets', contactId: dropped.contactId });
    expect((await dropped.socket.closed).code).toBe(1006);
    kept.socket.send({ topic: 'aws/ping' });
    expect(await kept.socket.waitFor((frame) => frame.topic === 'aws/ping')).toEqual({ topic: 'aws/ping', statusCode: 200 });
  });
});

describe('stall-sockets', () => {
  it('keeps the socket open but silent until the duration ends; items sent meanwhile are lost on it', async () => {
    const customer = await emu.customer();
    await fault({ kind: 'stall-sockets', participantId: customer.participantId, durationMs: 300 });
    customer.socket.send({ topic: 'aws/heartbeat' });
    await emu.control('POST', `/emulator/contacts/${customer.contactId}/messages`, { content: 'lost in the stall' });
    const heartbeatsBefore = customer.socket.frames.filter((frame) => frame.topic === 'aws/heartbeat').length;
    // Poll with heartbeats until the link answers again.
    const poll = setInterval(() => customer.socket.send({ topic: 'aws/heartbeat' }), 50);
    try {
      await customer.socket.waitFor((frame) => frame.topic === 'aws/heartbeat', 5000, 'heartbeat after stall');
    } finally {
      clearInterval(poll);
    }
    expect(heartbeatsBefore).toBe(0);
    expect(customer.socket.items().some((item) => item.Content === 'lost in the stall')).toBe(false);
    await emu.control('POST', `/emulator/contacts/${customer.contactId}/messages`, { content: 'after the stall' });
    await customer.socket.waitForItem((item) => item.Content === 'after the stall');
    const page = await emu.participantClient().send(new GetTranscriptCommand({ ConnectionToken: customer.connectionToken }));
    expect(page.Transcript?.some((item) => item.Content === 'lost in the stall')).toBe(true);
  });

  it('requires durationMs', async () => {
    expect((await fault({ kind: 'stall-sockets' })).status).toBe(400);
  });
});

describe('refuse', () => {
  it('destroys /participant/* connections and refuses websocket upgrades until cleared', async () => {
    const customer = await emu.customer();
    await fault({ kind: 'refuse', durationMs: 60_000 });
    await expect(rawSend(customer.connectionToken)).rejects.toThrow('fetch failed');
    const socket = emu.openSocket(customer.websocketUrl);
    await expect(socket.opened).rejects.toThrow();
    expect((await emu.control('GET', '/emulator/health')).status).toBe(200);
    await emu.control('DELETE', '/emulator/faults');
    expect((await rawSend(customer.connectionToken)).status).toBe(200);
  });

  it('expires by itself after durationMs', async () => {
    const customer = await emu.customer();
    await fault({ kind: 'refuse', durationMs: 100, participantId: customer.participantId });
    await expect(rawSend(customer.connectionToken)).rejects.toThrow('fetch failed');
    await until(async () => (await rawSend(customer.connectionToken).then((response) => response.status, () => 0)) === 200, 10_000);
  });

  it('narrowed to a participant leaves others working', async () => {
    const refused = await emu.customer();
    const other = await emu.customer();
    await fault({ kind: 'refuse', durationMs: 60_000, participantId: refused.participantId });
    await expect(rawSend(refused.connectionToken)).rejects.toThrow('fetch failed');
    expect((await rawSend(other.connectionToken)).status).toBe(200);
    const { body } = await emu.control('GET', `/emulator/requests?contactId=${refused.contactId}`);
    expect(body.requests.at(-1)).toMatchObject({ operation: 'SendMessage', status: 0 });
  });
});

describe('outage', () => {
  it('drops the sockets at once and refuses every call and upgrade for durationMs, then everything works again', async () => {
    const customer = await emu.customer();
    // Long enough that the refusals below happen inside it even on a loaded machine (300 ms once ran out
    // before the upgrade attempt), short enough to watch it end by itself.
    await fault({ kind: 'outage', durationMs: 5_000, contactId: customer.contactId });
    const closed = await customer.socket.closed;
    expect(closed.code).toBe(1006); // no close frame, as a lost network looks
    await expect(rawSend(customer.connectionToken)).rejects.toThrow('fetch failed');
    const reconnect = emu.openSocket(customer.websocketUrl);
    await expect(reconnect.opened).rejects.toThrow();
    expect((await emu.control('GET', '/emulator/health')).status).toBe(200);
    await until(async () => (await rawSend(customer.connectionToken).then((response) => response.status, () => 0)) === 200, 15_000);
    const again = emu.openSocket(customer.websocketUrl);
    await again.subscribe();
  });

  it('unnarrowed, it also refuses StartChatContact; narrowed, other contacts keep working', async () => {
    const other = await emu.customer();
    const hit = await emu.customer();
    await fault({ kind: 'outage', durationMs: 60_000, contactId: hit.contactId });
    expect((await rawSend(other.connectionToken)).status).toBe(200);
    await emu.control('DELETE', '/emulator/faults');
    await fault({ kind: 'outage', durationMs: 60_000 });
    await expect(emu.startChat()).rejects.toThrow();
  });

  it('requires durationMs', async () => {
    expect((await fault({ kind: 'outage' })).status).toBe(400);
  });
});

describe('durations beyond 2^31-1 ms', () => {
  it('keep a refuse fault active instead of firing at once', async () => {
    const customer = await emu.customer();
    await fault({ kind: 'refuse', durationMs: 2 ** 31 + 5000, participantId: customer.participantId });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(rawSend(customer.connectionToken)).rejects.toThrow('fetch failed');
  });
});

describe('http-error', () => {
  it('fails the next `count` calls of the operation; SDK retries reuse the ClientToken', async () => {
    const customer = await emu.customer();
    await fault({ kind: 'http-error', operation: 'SendMessage', status: 429, errorType: 'ThrottlingException', count: 2 });
    const client = emu.participantClient({ maxAttempts: 3 });
    const sent = await client.send(new SendMessageCommand({ ConnectionToken: customer.connectionToken, ContentType: 'text/plain', Content: 'eventually' }));
    expect(sent.$metadata.attempts).toBe(3);
    const { body } = await emu.control('GET', `/emulator/requests?contactId=${customer.contactId}&operation=SendMessage`);
    expect(body.requests.map((entry: { status: number }) => entry.status)).toEqual([429, 429, 200]);
    expect(new Set(body.requests.map((entry: { clientToken: string }) => entry.clientToken)).size).toBe(1);
  });

  it('answers the given status and error type', async () => {
    const customer = await emu.customer();
    await fault({ kind: 'http-error', operation: 'GetTranscript', status: 500, errorType: 'InternalServerException', contactId: customer.contactId });
    const error = await serviceError(emu.participantClient().send(new GetTranscriptCommand({ ConnectionToken: customer.connectionToken })));
    expect(error.name).toBe('InternalServerException');
    expect(error.$metadata.httpStatusCode).toBe(500);
    const next = await emu.participantClient().send(new GetTranscriptCommand({ ConnectionToken: customer.connectionToken }));
    expect(next.Transcript).toEqual(expect.any(Array));
  });

  it('can fail StartChatContact too', async () => {
    await fault({ kind: 'http-error', operation: 'StartChatContact', status: 429, errorType: 'ThrottlingException' });
    const error = await serviceError(emu.startChat());
    expect(error.name).toBe('ThrottlingException');
  });
});

describe('latency', () => {
  it('delays the answers of the matching participant only', async () => {
    const slow = await emu.customer();
    const fast = await emu.customer();
    await fault({ kind: 'latency', ms: 400, participantId: slow.participantId });
    const order: string[] = [];
    const client = emu.participantClient();
    const send = (token: string, label: string) =>
      client.send(new SendMessageCommand({ ConnectionToken: token, ContentType: 'text/plain', Content: label })).then(() => order.push(label));
    await Promise.all([send(slow.connectionToken, 'slow'), send(fast.connectionToken, 'fast')]);
    expect(order).toEqual(['fast', 'slow']);
  });

  it('requires ms', async () => {
    expect((await fault({ kind: 'latency' })).status).toBe(400);
  });
});

describe('expire-connection-tokens', () => {
  it('makes current connection tokens 403 until CreateParticipantConnection is called again', async () => {
    const customer = await emu.customer();
    const other = await emu.customer();
    await fault({ kind: 'expire-connection-tokens', contactId: customer.contactId });
    const client = emu.participantClient();
    const denied = await serviceError(client.send(new SendMessageCommand({ ConnectionToken: customer.connectionToken, ContentType: 'text/plain', Content: 'x' })));
    expect(denied.name).toBe('AccessDeniedException');
    expect((await rawSend(other.connectionToken)).status).toBe(200);
    const renewed = await client.send(new CreateParticipantConnectionCommand({ ParticipantToken: customer.participantToken, Type: ['CONNECTION_CREDENTIALS'] }));
    const sent = await client.send(new SendMessageCommand({ ConnectionToken: renewed.ConnectionCredentials?.ConnectionToken, ContentType: 'text/plain', Content: 'back' }));
    expect(sent.Id).toEqual(expect.any(String));
  });
});
