// examples/channel-relay end to end, as a user runs it (`node examples/channel-relay/relay.js`, the built SDK)
// against the emulator: one conversation with each kind of message both ways, a dropped socket, and a
// restart of the relay while the agent keeps writing. The agent is an AGENT session of this SDK.
import { spawn, type ChildProcess } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import WebSocket from 'ws';
import { ChatSession, MessageLog } from '../../support/sdk/sdkWorld';
import { startTestEmulator, type TestEmulator } from '../../support/emulator/testEmulator';
import type { AgentChatSession } from '../../../src/session/agentChatSession';

jest.setTimeout(90_000);

const root = join(__dirname, '../../..');
const sample = join(root, 'examples/channel-relay/sample');
const CONVERSATION = 'whatsapp-447700900123';

let emulator: TestEmulator;
let dataDir: string;
let relay: ChildProcess | null = null;
let relayOutput = '';
let agent: AgentChatSession | null = null;

beforeAll(async () => {
  emulator = await startTestEmulator();
  ChatSession.setGlobalConfig({ region: 'us-east-1', endpoint: emulator.url, webSocketManagerConfig: { WebSocket } });
  dataDir = mkdtempSync(join(tmpdir(), 'channel-relay-'));
});
afterAll(async () => {
  relay?.kill('SIGKILL');
  for (const contact of (await emulator.control('GET', '/emulator/contacts')).body.contacts as Array<{ contactId: string; state: string }>) {
    if (contact.state === 'ACTIVE') await emulator.control('POST', `/emulator/contacts/${contact.contactId}/end`);
  }
  await emulator.close();
  rmSync(dataDir, { recursive: true, force: true });
}, 30_000);

function startRelay(): void {
  relay = spawn(process.execPath, [join(root, 'examples/channel-relay/relay.js'), '--endpoint', emulator.url, '--data', dataDir], { cwd: root });
  relay.stdout?.on('data', (chunk: Buffer) => (relayOutput += chunk.toString()));
  relay.stderr?.on('data', (chunk: Buffer) => (relayOutput += chunk.toString()));
}

async function stopRelay(): Promise<void> {
  const child = relay as ChildProcess;
  relay = null;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL'); // as a crash: no goodbye to the service
  await exited;
}

/** Polls `read` until `test` holds (files written by the relay process); fails with the relay's output. */
async function until<T>(read: () => T, test: (value: T) => boolean, label: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (test(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}; relay said:\n${relayOutput}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const inbox = (): string => join(dataDir, 'inbox', CONVERSATION);
const outbox = (): Array<{ id?: string; text?: string; file?: string; name?: string; ended?: boolean }> => {
  const file = join(dataDir, 'outbox', CONVERSATION, 'messages.jsonl');
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line)) : [];
};
/** The open chat in the relay's file store (store/fileStore.js), or null. */
const state = (): { contactId: string; lastItemId: string | null } | null => {
  const file = join(dataDir, 'state', `${CONVERSATION}.json`);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).chat ?? null : null;
};
const drop = (name: string): void => {
  mkdirSync(inbox(), { recursive: true });
  copyFileSync(join(sample, name), join(inbox(), name));
};
const outboxTexts = (): string[] => outbox().filter((r) => r.text !== undefined).map((r) => r.text as string);

async function joinAsAgent(contactId: string): Promise<{ session: AgentChatSession; log: MessageLog }> {
  const joined = (await emulator.control('POST', `/emulator/contacts/${contactId}/participants`, { role: 'AGENT', displayName: 'Ada' })).body;
  const session = ChatSession.create({ type: 'AGENT', chatDetails: { contactId, participantId: joined.ParticipantId, participantToken: joined.ParticipantToken }, disableCSM: true });
  const log = new MessageLog(session);
  await session.connect();
  return { session, log };
}

describe('examples/channel-relay', () => {
  let log: MessageLog;

  it('relays one conversation: text, an image and a voice note in; text and a file out', async () => {
    startRelay();
    drop('1-hello.txt');
    const { contactId } = await until(state, (s) => s !== null, 'the relay to start a chat') as { contactId: string };
    ({ session: agent, log } = await joinAsAgent(contactId));
    drop('2-photo.png');
    drop('3-voice-note.ogg');

    await log.until((items) => items.filter((i) => i.Type === 'ATTACHMENT' && i.ParticipantRole === 'CUSTOMER').length === 2, 30_000, 'two files from the relay');
    const transcript = (await agent.getTranscript({ maxResults: 100, scanDirection: 'FORWARD' })).data.Transcript ?? [];
    const fromCustomer = transcript.filter((i) => i.ParticipantRole === 'CUSTOMER' && i.Type !== 'EVENT');
    expect(fromCustomer.map((i) => i.Content ?? i.Attachments?.[0]?.AttachmentName)).toEqual([
      readFileSync(join(sample, '1-hello.txt'), 'utf8').trim(),
      'photo.png',
      'voice-note.wav', // converted from OGG/Opus by the SDK in the relay process
    ]);
    expect(fromCustomer[2]?.Attachments?.[0]?.ContentType).toBe('audio/wav');
    // The relay moves a file to sent/ once sendAttachment resolved, which can be just after the agent sees the item.
    const sent = await until(() => readdirSync(join(inbox(), 'sent')).sort(), (files) => files.length === 3, 'three files in sent/');
    expect(sent).toEqual(['1-hello.txt', '2-photo.png', '3-voice-note.ogg']);

    await agent.sendMessage({ message: 'Sorry about that! Let me check.' });
    const label = Buffer.from('%PDF-1.4 shipping label');
    await agent.sendAttachment({ attachment: { name: 'label.pdf', type: 'application/pdf', data: label } });
    const records = await until(outbox, (r) => r.some((x) => x.file), 'the agent file in the outbox');
    expect(outboxTexts()).toEqual(['Sorry about that! Let me check.']);
    const record = records.find((r) => r.file);
    const file = record?.file as string;
    // Stored under the item's and the attachment's Ids; the agent's file name is kept as data only.
    expect(file).toMatch(/^[A-Za-z0-9-]+-[A-Za-z0-9-]+\.pdf$/);
    expect(record?.name).toBe('label.pdf');
    expect(readFileSync(join(dataDir, 'outbox', CONVERSATION, 'files', file)).equals(label)).toBe(true);
  });

  it('loses nothing when the emulator drops its sockets', async () => {
    await emulator.control('POST', '/emulator/faults', { kind: 'drop-sockets' });
    await (agent as AgentChatSession).sendMessage({ message: 'sent while the relay reconnects' });
    await until(outboxTexts, (texts) => texts.includes('sent while the relay reconnects'), 'the message sent during the drop');
    expect(outboxTexts().filter((t) => t === 'sent while the relay reconnects')).toHaveLength(1);
  });

  it('after a restart, five messages sent while it was down are forwarded once each, in order', async () => {
    const before = outboxTexts();
    await stopRelay();
    const five = ['first', 'second', 'third', 'fourth', 'fifth'].map((n) => `${n} while the relay was down`);
    for (const text of five) await (agent as AgentChatSession).sendMessage({ message: text });
    startRelay();
    await until(outboxTexts, (texts) => texts.length >= before.length + five.length, 'the five messages after the restart');
    await (agent as AgentChatSession).sendMessage({ message: 'and one live' });
    const texts = await until(outboxTexts, (t) => t.includes('and one live'), 'the live message');
    expect(texts).toEqual([...before, ...five, 'and one live']);
  });

  it('writes the end of the chat out; the next inbound message starts a new chat', async () => {
    const ended = state()?.contactId;
    await emulator.control('POST', `/emulator/contacts/${ended}/end`);
    await until(outbox, (records) => records.some((r) => r.ended), 'the end record');
    // The ended chat's state (its participant token) is removed.
    await until(state, (s) => s === null, 'the ended chat state removed');
    copyFileSync(join(sample, '1-hello.txt'), join(inbox(), '4-hello-again.txt'));
    const next = await until(state, (s) => s !== null && s.contactId !== ended, 'a new chat');
    expect(next).toMatchObject({ contactId: expect.any(String) });
    await stopRelay();
  });
});
