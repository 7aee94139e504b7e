// The restart recipe of docs/node.md, proven: the relay (session.items(), deliver then record) is killed with
// SIGKILL at random points while the agent keeps writing, and restarted; every agent message reaches the
// channel exactly once, in order. No retry: a failure prints what decides its cause (describeRelayStall).
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import WebSocket from 'ws';
import { ChatSession } from '../../support/sdk/sdkWorld';
import { startTestEmulator, type TestEmulator } from '../../support/emulator/testEmulator';
import { seededRandom } from '../../support/seededRandom';
import { killRelay, outboxTexts, sample, startRelay, until, type RelayProcess } from '../../support/relay/relayHarness';
import { describeRelayStall } from '../../support/relay/relayStall';

jest.setTimeout(120_000);

const CONVERSATION = 'whatsapp-restarts';
const SEED = Number(process.env.RELAY_KILL_SEED ?? 20261206);
let emulator: TestEmulator;
let dataDir: string;
const relays: RelayProcess[] = [];
let agent: { close(): void } | null = null;
const said = (): string => relays.map((relay, n) => `--- relay ${n} ---\n${relay.output()}`).join('\n');
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const running = (relay: RelayProcess): boolean => relay.child.exitCode === null && relay.child.signalCode === null;

beforeAll(async () => {
  emulator = await startTestEmulator();
  ChatSession.setGlobalConfig({ region: 'us-east-1', endpoint: emulator.url, webSocketManagerConfig: { WebSocket } });
  dataDir = mkdtempSync(join(tmpdir(), 'relay-restarts-'));
});
afterAll(async () => {
  agent?.close();
  for (const relay of relays) if (running(relay)) await killRelay(relay);
  await emulator.close();
  rmSync(dataDir, { recursive: true, force: true });
}, 30_000);

it(`forwards every agent message exactly once, in order, across random SIGKILLs (seed ${SEED})`, async () => {
  const random = seededRandom(SEED);
  const start = (): RelayProcess => {
    const relay = startRelay(['--endpoint', emulator.url, '--data', dataDir], `relay-${relays.length}`);
    relays.push(relay);
    return relay;
  };
  let relay = start();
  mkdirSync(join(dataDir, 'inbox', CONVERSATION), { recursive: true });
  copyFileSync(join(sample, '1-hello.txt'), join(dataDir, 'inbox', CONVERSATION, '1-hello.txt'));
  const stateFile = join(dataDir, 'state', `${CONVERSATION}.json`);
  await until(() => existsSync(stateFile), Boolean, 'the chat', said);
  const chat = JSON.parse(readFileSync(stateFile, 'utf8')).chat as { contactId: string; participantId: string };
  const { contactId } = chat;
  const joined = (await emulator.control('POST', `/emulator/contacts/${contactId}/participants`, { role: 'AGENT', displayName: 'Ada' })).body;
  const agentSession = ChatSession.create({ type: 'AGENT', chatDetails: { contactId, participantId: joined.ParticipantId, participantToken: joined.ParticipantToken }, disableCSM: true });
  agent = agentSession;
  await agentSession.connect();

  const messages = Array.from({ length: 60 }, (_, n) => `agent message ${String(n + 1).padStart(2, '0')}`);
  const sending = (async () => {
    for (const message of messages) {
      await agentSession.sendMessage({ message });
      await sleep(20 + random() * 40);
    }
  })();
  let kills = 0;
  const killing = (async () => {
    for (let round = 0; round < 6; round += 1) {
      // Counted from "relay ready", so a kill lands while the relay connects, resumes or forwards (counted
      // from the spawn, most kills hit Node still loading modules).
      const current = relay;
      await until(() => current.output().includes('relay ready'), Boolean, `relay ${relays.length - 1} to start`, said);
      await sleep(random() * 600);
      await killRelay(relay);
      kills += 1;
      await sleep(random() * 300);
      relay = start();
    }
  })();
  await Promise.all([sending, killing]);

  let texts: string[];
  try {
    texts = await until(() => outboxTexts(dataDir, CONVERSATION), (t) => t.length >= messages.length, 'every message', () => 'the facts follow');
  } catch (error) {
    const scene = { emulator, dataDir, conversation: CONVERSATION, contactId, participantId: chat.participantId, relays };
    throw new Error(`${(error as Error).message}\n${await describeRelayStall(scene)}`);
  }
  await sleep(500); // a duplicate would show up now
  expect(kills).toBe(6);
  expect(outboxTexts(dataDir, CONVERSATION)).toEqual(messages);
  expect(texts).toEqual(messages);
  await emulator.control('POST', `/emulator/contacts/${contactId}/end`);
});
