// A chat's first items can be published before the relay's websocket has subscribed: StartChatContact returns,
// the relay saves the chat, and only then does its session connect; an agent (or a flow) that writes at once
// writes into that window. Those items never come over the socket, and a relay that records the next item it
// does see moves its saved position past them for good (the random-kill restart test once lost its first agent
// message this way on a loaded machine). The relay reads a chat with no saved position from its start.
//
// The window is made certain here: the test starts the chat first with the ClientToken the relay will use (the
// service answers the relay's own StartChatContact with that same chat), and the agent writes before the relay
// process even exists.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { startTestEmulator, type TestEmulator } from '../../support/emulator/testEmulator';
import { sendAs } from '../../support/sdk/sdkWorld';
import { killRelay, outboxTexts, sample, startRelay, until, type RelayProcess } from '../../support/relay/relayHarness';

// The relay's own naming of a conversation's n-th chat (examples/channel-relay/store/names.js).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startToken } = require('../../../examples/channel-relay/store/names') as { startToken: (conversation: string, chatNumber: number) => string };

jest.setTimeout(60_000);

const CONVERSATION = 'sms-first-items';
let emulator: TestEmulator;
let dataDir: string;
let relay: RelayProcess | null = null;

beforeAll(async () => {
  emulator = await startTestEmulator();
  dataDir = mkdtempSync(join(tmpdir(), 'relay-first-items-'));
});
afterAll(async () => {
  if (relay) await killRelay(relay);
  await emulator.close();
  rmSync(dataDir, { recursive: true, force: true });
}, 30_000);

it('forwards what the agent wrote before the relay subscribed, then the rest, once and in order', async () => {
  const started = await emulator.startChat({ ClientToken: startToken(CONVERSATION, 0), ParticipantDetails: { DisplayName: CONVERSATION } });
  const joined = (await emulator.control('POST', `/emulator/contacts/${started.ContactId}/participants`, { role: 'AGENT', displayName: 'Ada' })).body as { ParticipantId: string };
  await sendAs(emulator, started.ContactId, joined.ParticipantId, 'written before the relay subscribed');

  mkdirSync(join(dataDir, 'inbox', CONVERSATION), { recursive: true });
  copyFileSync(join(sample, '1-hello.txt'), join(dataDir, 'inbox', CONVERSATION, '1-hello.txt'));
  const running = startRelay(['--endpoint', emulator.url, '--data', dataDir], 'relay');
  relay = running;
  await until(() => running.output(), (output) => output.includes('forwarded 1-hello.txt'), 'the relay to forward the hello', running.output);
  expect(running.output()).toContain(`started chat ${started.ContactId}`); // the same chat: the window is real
  await sendAs(emulator, started.ContactId, joined.ParticipantId, 'written after');

  const texts = await until(() => outboxTexts(dataDir, CONVERSATION), (t) => t.includes('written after'), 'the later message', running.output);
  expect(texts).toEqual(['written before the relay subscribed', 'written after']);
});
