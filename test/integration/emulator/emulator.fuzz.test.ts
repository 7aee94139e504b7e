// Seeded random request bodies and websocket frames: every answer is a JSON client error or success
// (never a 5xx, never a dropped connection), and afterwards a normal chat still works.
import { SendMessageCommand } from '@aws-sdk/client-connectparticipant';
import { ChatParticipant, rawJson, startTestEmulator, TestEmulator } from '../../support/emulator/testEmulator';
import { seededRandom as prng } from '../../support/seededRandom';

const SEED = 20261121;
const HTTP_CASES = 300;
const FRAME_CASES = 200;
// DisconnectParticipant is left out: it would end the chat early and turn the rest into 403s.
const PATHS = [
  '/participant/connection',
  '/participant/message',
  '/participant/event',
  '/participant/transcript',
  '/participant/start-attachment-upload',
  '/participant/complete-attachment-upload',
  '/participant/attachment',
  '/participant/authentication-url',
  '/participant/cancel-authentication',
  '/contact/chat',
  '/emulator/contacts/{contactId}/messages',
  '/emulator/contacts/{contactId}/events',
  '/emulator/contacts/{contactId}/participants',
];
const FIELDS = ['ContentType', 'Content', 'ClientToken', 'MaxResults', 'ScanDirection', 'SortOrder', 'StartPosition', 'NextToken', 'Type', 'AttachmentIds', 'AttachmentId', 'AttachmentName', 'AttachmentSizeInBytes', 'UrlExpiryInSeconds', 'SessionId', 'RedirectUri', 'InstanceId', 'ContactFlowId', 'ParticipantDetails', 'PersistentChat', 'content', 'contentType', 'role', 'participantId', 'messageMetadata', 'id'];


function randomValue(random: () => number, depth = 0): unknown {
  const pick = Math.floor(random() * (depth > 1 ? 6 : 8));
  const strings = ['', 'text/plain', 'application/vnd.amazonaws.connect.event.message.read', 'FORWARD', 'ASCENDING', '{"messageId":"x"}', 'é✓\u0000', 'x'.repeat(Math.floor(random() * 3000))];
  switch (pick) {
    case 0:
      return strings[Math.floor(random() * strings.length)];
    case 1:
      return Math.floor(random() * 400) - 100;
    case 2:
      return random() < 0.5;
    case 3:
      return null;
    case 4:
      return random() * 1e12;
    case 5:
      return ['WEBSOCKET'];
    case 6:
      return Array.from({ length: Math.floor(random() * 3) }, () => randomValue(random, depth + 1));
    default:
      return randomObject(random, depth + 1);
  }
}

function randomObject(random: () => number, depth = 0): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const count = Math.floor(random() * 6);
  for (let index = 0; index < count; index += 1) body[FIELDS[Math.floor(random() * FIELDS.length)]] = randomValue(random, depth);
  return body;
}

function randomBody(random: () => number): string {
  const roll = random();
  if (roll < 0.1) return '{"broken": ';
  if (roll < 0.15) return String(randomValue(random));
  return JSON.stringify(randomObject(random));
}

let emu: TestEmulator;
let customer: ChatParticipant;

beforeAll(async () => {
  emu = await startTestEmulator({ bot: 'lex', botDelayMs: 1 });
  customer = await emu.customer();
});
afterAll(async () => {
  await emu.close();
});

it('answers random request bodies with JSON and never a server error', async () => {
  const random = prng(SEED);
  const statuses = new Set<number>();
  for (let index = 0; index < HTTP_CASES; index += 1) {
    const pathName = PATHS[Math.floor(random() * PATHS.length)].replace('{contactId}', customer.contactId);
    const bearer = random() < 0.8 ? customer.connectionToken : customer.participantToken;
    const method = pathName === '/contact/chat' ? 'PUT' : 'POST';
    const answer = await rawJson(`${emu.url}${pathName}`, { method, headers: { 'content-type': 'application/json', 'x-amz-bearer': bearer }, body: randomBody(random) });
    expect(answer.status).toBeLessThan(500);
    expect(typeof answer.body).toBe('object');
    statuses.add(answer.status);
  }
  expect(statuses.has(400)).toBe(true);
});

it('ignores random websocket frames and then still runs a normal chat', async () => {
  const random = prng(SEED + 1);
  for (let index = 0; index < FRAME_CASES; index += 1) {
    const roll = random();
    if (roll < 0.3) customer.socket.send(randomBody(random));
    else customer.socket.send({ topic: ['aws/subscribe', 'aws/unsubscribe', 'aws/chat', 'aws/ping', 'nope'][Math.floor(random() * 5)], content: randomValue(random) });
  }
  // The fuzz may have unsubscribed this socket; a fresh chat must work end to end.
  const fresh = await emu.customer();
  const sent = await emu.participantClient().send(new SendMessageCommand({ ConnectionToken: fresh.connectionToken, ContentType: 'text/plain', Content: 'after the fuzz' }));
  await fresh.socket.waitForItem((item) => item.Id === sent.Id);
  await fresh.socket.waitForItem((item) => item.ParticipantRole === 'SYSTEM' && item.MessageMetadata?.MessageCompleted === true);
  customer.socket.send({ topic: 'aws/heartbeat' });
  await customer.socket.waitFor((frame) => frame.topic === 'aws/heartbeat');
});
