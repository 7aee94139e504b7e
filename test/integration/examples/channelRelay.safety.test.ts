// examples/channel-relay with hostile or failing input: a remote file name is never a path, a failed download
// is retried and then parked without stalling the chat, inbound files are checked before they are read, files
// are private, and the default data folder is outside anything `npm start` serves.
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, truncateSync, writeFileSync, copyFileSync, existsSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import WebSocket from 'ws';
import { ChatSession, MessageLog } from '../../support/sdk/sdkWorld';
import { startTestEmulator, type TestEmulator } from '../../support/emulator/testEmulator';
import type { AgentChatSession } from '../../../src/session/agentChatSession';
import { killRelay, outboxTexts, readOutbox, root, sample, startRelay, until, type RelayProcess } from '../../support/relay/relayHarness';

jest.setTimeout(90_000);

const CONVERSATION = 'sms-555-0100';
let emulator: TestEmulator;
let dataDir: string;
let relay: RelayProcess;
let agent: AgentChatSession;
let contactId: string;

const inbox = (): string => join(dataDir, 'inbox', CONVERSATION);
const said = (): string => relay.output();
const chatState = (): { contactId: string } | null => {
  const file = join(dataDir, 'state', `${CONVERSATION}.json`);
  return existsSync(file) ? (JSON.parse(require('fs').readFileSync(file, 'utf8')) as { chat?: { contactId: string } }).chat ?? null : null;
};

beforeAll(async () => {
  emulator = await startTestEmulator();
  ChatSession.setGlobalConfig({ region: 'us-east-1', endpoint: emulator.url, webSocketManagerConfig: { WebSocket } });
  dataDir = mkdtempSync(join(tmpdir(), 'relay-safety-'));
  relay = startRelay(['--endpoint', emulator.url, '--data', dataDir]);
  mkdirSync(inbox(), { recursive: true });
  copyFileSync(join(sample, '1-hello.txt'), join(inbox(), '1-hello.txt'));
  contactId = (await until(chatState, (s) => s !== null, 'the chat', said))!.contactId;
  const joined = (await emulator.control('POST', `/emulator/contacts/${contactId}/participants`, { role: 'AGENT', displayName: 'Ada' })).body;
  agent = ChatSession.create({ type: 'AGENT', chatDetails: { contactId, participantId: joined.ParticipantId, participantToken: joined.ParticipantToken }, disableCSM: true });
  new MessageLog(agent);
  await agent.connect();
});
afterAll(async () => {
  await killRelay(relay);
  await emulator.control('DELETE', '/emulator/faults');
  await emulator.control('POST', `/emulator/contacts/${contactId}/end`);
  await emulator.close();
  rmSync(dataDir, { recursive: true, force: true });
}, 30_000);

describe('examples/channel-relay, safe and exact', () => {
  it('stores an agent file under its Ids, keeps the remote name as data, writes nothing outside its folder', async () => {
    const hostile = '../../../../escaped.pdf';
    await agent.sendAttachment({ attachment: { name: hostile, type: 'application/pdf', data: Buffer.from('%PDF-1.4 hostile') } });
    const records = await until(() => readOutbox(dataDir, CONVERSATION), (r) => r.some((x) => x.file), 'the agent file', said);
    const record = records.find((x) => x.file)!;
    expect(record.name).toBe(hostile);
    expect(record.file).toMatch(/^[A-Za-z0-9-]+-[A-Za-z0-9-]+\.pdf$/);
    expect(readdirSync(join(dataDir, 'outbox', CONVERSATION, 'files'))).toEqual([record.file]);
    expect(existsSync(join(dataDir, '..', 'escaped.pdf'))).toBe(false);
    expect(readdirSync(dataDir).sort()).toEqual(['inbox', 'outbox', 'state']);
  });

  it('creates its files for its own user only (0600, folders 0700)', () => {
    const mode = (path: string): number => statSync(path).mode & 0o777;
    expect(mode(join(dataDir, 'state', `${CONVERSATION}.json`))).toBe(0o600);
    expect(mode(join(dataDir, 'outbox', CONVERSATION, 'messages.jsonl'))).toBe(0o600);
    const [file] = readdirSync(join(dataDir, 'outbox', CONVERSATION, 'files'));
    expect(mode(join(dataDir, 'outbox', CONVERSATION, 'files', file))).toBe(0o600);
    expect(mode(join(dataDir, 'state'))).toBe(0o700);
    expect(mode(join(dataDir, 'outbox', CONVERSATION))).toBe(0o700);
  });

  it('retries a failed download and delivers it; after four failures parks it and goes on, the position past it', async () => {
    await emulator.control('POST', '/emulator/faults', { kind: 'http-error', operation: 'GetAttachment', status: 404, count: 2, contactId });
    await agent.sendAttachment({ attachment: { name: 'retried.pdf', type: 'application/pdf', data: Buffer.from('%PDF-1.4 retried') } });
    await until(() => readOutbox(dataDir, CONVERSATION), (r) => r.some((x) => x.name === 'retried.pdf'), 'the retried file', said);

    await emulator.control('POST', '/emulator/faults', { kind: 'http-error', operation: 'GetAttachment', status: 404, count: 1000, contactId });
    await agent.sendAttachment({ attachment: { name: 'parked.pdf', type: 'application/pdf', data: Buffer.from('%PDF-1.4 parked') } });
    await agent.sendMessage({ message: 'after the parked file' });
    await until(() => outboxTexts(dataDir, CONVERSATION), (t) => t.includes('after the parked file'), 'the message after the parked file', said);
    await emulator.control('DELETE', '/emulator/faults');
    expect(readOutbox(dataDir, CONVERSATION).some((x) => x.name === 'parked.pdf')).toBe(false);
    const parked = require('fs').readFileSync(join(dataDir, 'outbox', CONVERSATION, 'parked.jsonl'), 'utf8');
    const entries = parked.trim().split('\n').map((line: string) => JSON.parse(line) as { id: string; reason: string });
    expect(entries).toHaveLength(1);
    expect(entries[0].id).toEqual(expect.any(String));
    expect(said()).toMatch(/parked item .* after 4 tries/);
  });

  it('refuses an oversized or mistyped inbound file at once (to failed/), and forwards the next one', async () => {
    // Each file is made outside the inbox and moved in whole: the running relay must never see one half made
    // (it once took the huge file while it was still 8 bytes, before the truncate).
    const dropIn = (name: string, make: (path: string) => void): void => {
      const staged = join(dataDir, name);
      make(staged);
      renameSync(staged, join(inbox(), name));
    };
    dropIn('5-huge.pdf', (path) => {
      writeFileSync(path, '%PDF-1.4');
      truncateSync(path, 21 * 1024 * 1024); // sparse: the size is checked before any read
    });
    dropIn('6-not-a-png.png', (path) => writeFileSync(path, '%PDF-1.4 pretending'));
    dropIn('7-fine.txt', (path) => writeFileSync(path, 'after two bad files'));
    await until(() => (existsSync(join(inbox(), 'sent')) ? readdirSync(join(inbox(), 'sent')) : []), (f) => f.includes('7-fine.txt'), 'the good file', said);
    expect(readdirSync(join(inbox(), 'failed')).sort()).toEqual(['5-huge.pdf', '6-not-a-png.png']);
    expect(said()).toContain('over the 20971520-byte limit');
    expect(said()).toContain('the bytes are application/pdf, the extension says otherwise');
    expect(said().match(/could not forward 5-huge\.pdf/g)).toHaveLength(1); // no retry loop
  });

  it('stops on SIGTERM by letting go of its chats: the process exits by itself, the chat stays open for the next start', async () => {
    relay.child.kill('SIGTERM');
    const code = await Promise.race([relay.exited, new Promise((resolve) => setTimeout(() => resolve('still running'), 10_000))]);
    expect(code).toBe(0);
    expect(said()).toContain('stopped; every chat stays open');
    const { contacts } = (await emulator.control('GET', '/emulator/contacts')).body as { contacts: Array<{ contactId: string; state: string }> };
    expect(contacts.find((contact) => contact.contactId === contactId)?.state).toBe('ACTIVE');
    expect(chatState()?.contactId).toBe(contactId);
  });

  it('by default keeps its data outside the repository (nothing npm start serves)', async () => {
    const home = mkdtempSync(join(tmpdir(), 'relay-home-'));
    const probe = startRelay(['--endpoint', emulator.url], 'probe', { ...process.env, XDG_STATE_HOME: home });
    await until(() => probe.output(), (out) => out.includes('relay ready'), 'the probe relay', () => probe.output());
    await killRelay(probe);
    const dataLine = /data (\S+),/.exec(probe.output())?.[1] ?? '';
    expect(dataLine).toBe(join(home, 'connect-channel-relay'));
    expect(dataLine.startsWith(root)).toBe(false);
    expect(statSync(dataLine).mode & 0o777).toBe(0o700);
    rmSync(home, { recursive: true, force: true });
  });
});
