// Bounded memory: every cap of the emulator is enforced with its documented answer, and what expires goes.
import { request } from 'http';
import { SendMessageCommand, StartAttachmentUploadCommand } from '@aws-sdk/client-connectparticipant';
import WebSocket from 'ws';
import { serviceError, startTestEmulator, TestEmulator, until } from '../../support/emulator/testEmulator';

const opened: TestEmulator[] = [];

async function emulatorWith(options: Parameters<typeof startTestEmulator>[0]): Promise<TestEmulator> {
  const emu = await startTestEmulator(options);
  opened.push(emu);
  return emu;
}

afterAll(async () => {
  await Promise.all(opened.map((emu) => emu.close()));
});

describe('ended contacts', () => {
  it('are forgotten after endedContactTtlMs, with their tokens', async () => {
    const emu = await emulatorWith({ endedContactTtlMs: 100 });
    const customer = await emu.customer();
    await emu.control('POST', `/emulator/contacts/${customer.contactId}/end`);
    expect((await emu.control('GET', `/emulator/contacts/${customer.contactId}/transcript`)).status).toBe(200);
    await until(async () => (await emu.control('GET', `/emulator/contacts/${customer.contactId}/transcript`)).status === 404);
    const { body } = await emu.control('GET', '/emulator/contacts');
    expect(body.contacts.map((contact: { contactId: string }) => contact.contactId)).not.toContain(customer.contactId);
  });

  it('active contacts are kept however old', async () => {
    const emu = await emulatorWith({ endedContactTtlMs: 50 });
    const customer = await emu.customer();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await emu.control('GET', `/emulator/contacts/${customer.contactId}/transcript`)).status).toBe(200);
  });
});

describe('maxActiveContacts', () => {
  it('answers StartChatContact past the cap with 429 LimitExceededException; ending one makes room', async () => {
    const emu = await emulatorWith({ maxActiveContacts: 2 });
    const first = await emu.startChat();
    await emu.startChat();
    const error = await serviceError(emu.startChat());
    expect(error.name).toBe('LimitExceededException');
    expect(error.$metadata.httpStatusCode).toBe(429);
    expect(error.message).toContain('maxActiveContacts');
    await emu.control('POST', `/emulator/contacts/${first.ContactId}/end`);
    await expect(emu.startChat()).resolves.toMatchObject({ ContactId: expect.any(String) });
  });
});

describe('maxTranscriptBytes', () => {
  it('answers writes past the budget with 429 ThrottlingException, after forgetting ended contacts first', async () => {
    const emu = await emulatorWith({ maxTranscriptBytes: 200_000 });
    const old = await emu.customer();
    const big = 'x'.repeat(16_000);
    const send = (token: string) => emu.participantClient().send(new SendMessageCommand({ ConnectionToken: token, ContentType: 'text/plain', Content: big }));
    for (let index = 0; index < 4; index += 1) await send(old.connectionToken);
    await emu.control('POST', `/emulator/contacts/${old.contactId}/end`);
    const current = await emu.customer();
    // The ended contact's ~128 KB make room for these.
    for (let index = 0; index < 4; index += 1) await send(current.connectionToken);
    expect((await emu.control('GET', `/emulator/contacts/${old.contactId}/transcript`)).status).toBe(404);
    let error: Awaited<ReturnType<typeof serviceError>> | undefined;
    for (let index = 0; index < 10 && !error; index += 1) {
      error = await send(current.connectionToken).then(
        () => undefined,
        (err: unknown) => err as Awaited<ReturnType<typeof serviceError>>,
      );
    }
    expect(error?.name).toBe('ThrottlingException');
    expect(error?.$metadata.httpStatusCode).toBe(429);
    const flood = await emu.control('POST', `/emulator/contacts/${current.contactId}/flood`, { count: 100, bytes: 16_000 });
    expect(flood.status).toBe(429);
  });
});

describe('maxAttachmentStoreBytes', () => {
  it('answers StartAttachmentUpload past the budget with 402 ServiceQuotaExceededException', async () => {
    const emu = await emulatorWith({ maxAttachmentStoreBytes: 1_000_000 });
    const customer = await emu.customer();
    const start = (size: number) =>
      emu.participantClient().send(new StartAttachmentUploadCommand({ ConnectionToken: customer.connectionToken, ContentType: 'text/plain', AttachmentName: 'a.txt', AttachmentSizeInBytes: size, ClientToken: `${Math.random()}` }));
    await start(600_000);
    const error = await serviceError(start(600_000));
    expect(error.name).toBe('ServiceQuotaExceededException');
    expect(error.$metadata.httpStatusCode).toBe(402);
    await expect(start(100_000)).resolves.toMatchObject({ AttachmentId: expect.any(String) });
  });

  it('forgets an upload that never came once its URL expired', async () => {
    const emu = await emulatorWith({ maxAttachmentStoreBytes: 1_000_000, attachmentUploadTtlMs: 50 });
    const customer = await emu.customer();
    const start = () =>
      emu.participantClient().send(new StartAttachmentUploadCommand({ ConnectionToken: customer.connectionToken, ContentType: 'text/plain', AttachmentName: 'a.txt', AttachmentSizeInBytes: 900_000, ClientToken: `${Math.random()}` }));
    await start();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(start()).resolves.toMatchObject({ AttachmentId: expect.any(String) });
  });
});

describe('uploads', () => {
  it('checks the signature before reading the body: a bogus 100 MB upload is refused at once', async () => {
    const emu = await emulatorWith({});
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: emu.handle.port, method: 'PUT', path: '/attachments/nope?method=PUT&expires=9999999999999&signature=forged', headers: { 'content-type': 'text/plain', 'content-length': String(100 * 1024 * 1024) } },
        (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.flushHeaders(); // headers only: the answer must come without the body
    });
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body).__type).toBe('AccessDeniedException');
  });

  it('refuses a declared Content-Length other than the declared size before reading it', async () => {
    const emu = await emulatorWith({});
    const customer = await emu.customer();
    const upload = await emu.participantClient().send(new StartAttachmentUploadCommand({ ConnectionToken: customer.connectionToken, ContentType: 'text/plain', AttachmentName: 'a.txt', AttachmentSizeInBytes: 10, ClientToken: 'c1' }));
    const url = new URL(upload.UploadMetadata?.Url ?? '');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: url.hostname, port: url.port, method: 'PUT', path: `${url.pathname}${url.search}`, headers: { 'content-type': 'text/plain', 'content-length': String(50 * 1024 * 1024) } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(status).toBe(400);
  });
});

describe('control API size caps', () => {
  it('answers 413 for content over 65 536 characters, metadata over 16 KB and a flood over 64 MB', async () => {
    const emu = await emulatorWith({});
    const started = await emu.startChat();
    const messages = `/emulator/contacts/${started.ContactId}/messages`;
    expect((await emu.control('POST', messages, { content: 'x'.repeat(65_537) })).status).toBe(413);
    expect((await emu.control('POST', messages, { content: 'x'.repeat(65_536) })).status).toBe(200);
    expect((await emu.control('POST', messages, { content: 'hi', messageMetadata: { note: 'x'.repeat(16_400) } })).status).toBe(413);
    const flood = await emu.control('POST', `/emulator/contacts/${started.ContactId}/flood`, { count: 5000, bytes: 16_384 });
    expect(flood.status).toBe(413);
    expect(flood.body.message).toContain('count × bytes');
  });

  it('refuses JSON nested deeper than 32 levels with 400 SerializationException, and the transcript stays readable', async () => {
    const emu = await emulatorWith({});
    const started = await emu.startChat();
    const text = `{"content":"x","messageMetadata":${'{"d":'.repeat(100_000)}{}${'}'.repeat(100_000)}}`;
    const answer = await fetch(`${emu.url}/emulator/contacts/${started.ContactId}/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: text });
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { __type: string }).__type).toBe('SerializationException');
    expect((await emu.control('GET', `/emulator/contacts/${started.ContactId}/transcript`)).status).toBe(200);
  });
});

describe('maxSocketBufferBytes', () => {
  it('closes a socket that stops reading once its unsent bytes pass the cap; others keep receiving', async () => {
    const emu = await emulatorWith({ maxSocketBufferBytes: 256 * 1024 });
    const reader = await emu.customer();
    const agent = await emu.agent(reader.contactId);
    const stalled = new WebSocket((await emu.connect(reader.contactId, agent.participantId, agent.participantToken)).websocketUrl);
    await new Promise<void>((resolve) => stalled.once('open', () => resolve()));
    stalled.send(JSON.stringify({ topic: 'aws/subscribe', content: { topics: ['aws/chat'] } }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closed = new Promise<void>((resolve) => stalled.once('close', () => resolve()));
    (stalled as unknown as { _socket: { pause(): void } })._socket.pause(); // stops reading: the kernel buffers fill, then the emulator's
    const flood = await emu.control('POST', `/emulator/contacts/${reader.contactId}/flood`, { count: 4000, bytes: 4000 });
    expect(flood.status).toBe(200);
    await reader.socket.waitForItem((item) => item.Id === flood.body.lastId, 20_000, 'last flood item');
    (stalled as unknown as { _socket: { resume(): void } })._socket.resume();
    await closed;
    const { body } = await emu.control('GET', '/emulator/contacts');
    const participants = body.contacts.find((contact: { contactId: string }) => contact.contactId === reader.contactId).participants;
    expect(participants.find((entry: { participantId: string }) => entry.participantId === reader.participantId).connected).toBe(true);
  });
});
