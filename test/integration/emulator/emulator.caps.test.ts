// The emulator's caps on what a client holds open or piles up: connections (a clear 503 past the cap),
// connection tokens and websocket tickets per participant (the oldest retire); the contact list reads
// "connected" from an index; no path under /ccp-v2/ names an object property.
import { connect, Socket } from 'net';
import { CreateParticipantConnectionCommand, GetTranscriptCommand } from '@aws-sdk/client-connectparticipant';
import WebSocket from 'ws';
import { defaultMaxConnections } from '../../../emulator/src/http/connectionCap';
import { serviceError, startTestEmulator, TestEmulator, until } from '../../support/emulator/testEmulator';

const opened: TestEmulator[] = [];
const rawSockets: Socket[] = [];

async function emulatorWith(options: Parameters<typeof startTestEmulator>[0] = {}): Promise<TestEmulator> {
  const emu = await startTestEmulator(options);
  opened.push(emu);
  return emu;
}

afterAll(async () => {
  rawSockets.forEach((socket) => socket.destroy());
  await Promise.all(opened.map((emu) => emu.close()));
});

/** An idle TCP connection (sends nothing), open once the emulator accepted it. */
async function idleConnection(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  rawSockets.push(socket);
  socket.on('error', () => undefined);
  await new Promise((resolve) => socket.once('connect', resolve));
  return socket;
}

describe('maxConnections', () => {
  it('past the cap a request is answered 503 naming the cap, a websocket upgrade too; a freed slot serves again', async () => {
    const emu = await emulatorWith({ maxConnections: 4 });
    const idle = await Promise.all([1, 2, 3, 4].map(() => idleConnection(emu.url)));

    const refused = await fetch(`${emu.url}/emulator/health`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('x-amzn-errortype')).toBe('ServiceUnavailableException');
    expect(((await refused.json()) as { message: string }).message).toContain('maxConnections');
    const upgrade = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${emu.url.replace(/^http/, 'ws')}/ws?ticket=x`);
      ws.on('error', () => undefined);
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    });
    expect(upgrade).toBe(503);

    idle[0].destroy();
    await until(async () => (await fetch(`${emu.url}/emulator/health`)).status === 200);
  });

  it('a connection that sends no request is closed after 10 s, freeing its slot', async () => {
    const emu = await emulatorWith({ maxConnections: 1 });
    const idle = await idleConnection(emu.url);
    const closed = new Promise<void>((resolve) => idle.once('close', () => resolve()));
    expect((await fetch(`${emu.url}/emulator/health`)).status).toBe(503);
    await closed;
    await until(async () => (await fetch(`${emu.url}/emulator/health`)).status === 200);
  }, 30_000);

  it('defaults to the open-file limit less 128, read from /proc/self/limits, never below 64', () => {
    expect(defaultMaxConnections('/nonexistent')).toBe(10_240 - 128);
    expect(defaultMaxConnections()).toBeGreaterThanOrEqual(64);
  });
});

describe('connection tokens and websocket tickets', () => {
  it('a participant keeps its 16 newest connection tokens: a client reconnecting in a loop retires its own oldest', async () => {
    const emu = await emulatorWith();
    const started = await emu.startChat();
    const client = emu.participantClient();
    const tokens: string[] = [];
    for (let index = 0; index < 20; index += 1) {
      const connection = await client.send(new CreateParticipantConnectionCommand({ ParticipantToken: started.ParticipantToken, Type: ['CONNECTION_CREDENTIALS'] }));
      tokens.push(connection.ConnectionCredentials?.ConnectionToken ?? '');
    }
    const transcript = (token: string): Promise<unknown> => client.send(new GetTranscriptCommand({ ConnectionToken: token }));
    expect((await serviceError(transcript(tokens[0]))).name).toBe('AccessDeniedException');
    expect((await serviceError(transcript(tokens[3]))).name).toBe('AccessDeniedException');
    await expect(transcript(tokens[4])).resolves.toBeDefined();
    await expect(transcript(tokens[19])).resolves.toBeDefined();
  });
});

describe('contact list', () => {
  it('shows which participants have a socket open', async () => {
    const emu = await emulatorWith();
    const customer = await emu.customer();
    const agent = await emu.agent(customer.contactId);
    const connectedOf = async (): Promise<Record<string, boolean>> => {
      const { body } = await emu.control('GET', '/emulator/contacts');
      const contact = body.contacts.find((entry: { contactId: string }) => entry.contactId === customer.contactId);
      return Object.fromEntries(contact.participants.map((entry: { participantId: string; connected: boolean }) => [entry.participantId, entry.connected]));
    };
    expect(await connectedOf()).toEqual({ [customer.participantId]: true, [agent.participantId]: true });
    agent.socket.close();
    await until(async () => (await connectedOf())[agent.participantId] === false);
    expect((await connectedOf())[customer.participantId]).toBe(true);
  });
});

describe('/ccp-v2/ paths', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('/ccp-v2/%s is 404', async (name) => {
    const emu = await emulatorWith();
    const answer = await emu.control('GET', `/ccp-v2/${name}`);
    expect(answer.status).toBe(404);
  });
});
