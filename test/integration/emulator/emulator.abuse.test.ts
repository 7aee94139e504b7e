// Abuse, bounded in time: a few hundred random request bodies and websocket frames, a reader that stops
// reading during a flood, and uploads with bad signatures. The emulator runs in a child process with its
// default limits, so its own memory can be read; afterwards it stays under RSS_BOUND_MB and still chats.
import { request } from 'http';
import WebSocket from 'ws';
import { seededRandom as prng } from '../../support/seededRandom';
import { EmulatorProcess, startEmulatorProcess } from '../../support/emulator/emulatorProcess';

jest.setTimeout(120_000);

/** The bound stated in docs/emulator.md ("Security"): the process after this test, defaults unchanged. */
const RSS_BOUND_MB = 250;
const RANDOM_REQUESTS = 300;
const RANDOM_FRAMES = 300;
const BOGUS_UPLOADS = 12;
const BOGUS_UPLOAD_BYTES = 20 * 1024 * 1024;

let emulator: EmulatorProcess;
let base: string;

const random = prng(13);
const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];

function randomString(max: number): string {
  const length = Math.floor(random() * max);
  const alphabet = ['a', 'Z', '0', ' ', '"', '\\', '%', '/', '\u0000', 'é', '报', '🎉', '{', ']', '\n'];
  let text = '';
  for (let index = 0; index < length; index += 1) text += pick(alphabet);
  return text;
}

function randomValue(depth: number): unknown {
  const kind = depth > 40 ? 0 : Math.floor(random() * 7);
  switch (kind) {
    case 0:
      return randomString(40);
    case 1:
      return Math.floor(random() * 2 ** 53) * (random() < 0.5 ? -1 : 1);
    case 2:
      return random() < 0.5;
    case 3:
      return null;
    case 4:
      return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: Math.floor(random() * 4) }, () => [pick(['Content', 'ContentType', 'ClientToken', 'role', 'content', 'count', 'kind', 'durationMs', 'StartPosition', randomString(8)]), randomValue(depth + 1)]),
      );
  }
}

function randomBody(): string {
  const shape = Math.floor(random() * 4);
  if (shape === 0) return randomString(2000);
  if (shape === 1) return `${'['.repeat(Math.floor(random() * 200))}1`;
  return JSON.stringify(randomValue(0));
}

async function call(method: string, pathName: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const response = await fetch(`${base}${pathName}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: kept as text
  }
  return { status: response.status, body: parsed };
}

interface Chat {
  contactId: string;
  participantToken: string;
  connectionToken: string;
  websocketUrl: string;
}

async function connect(contactId: string, participantToken: string): Promise<Chat> {
  const connection = await call('POST', '/participant/connection', { Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'] }, { 'x-amz-bearer': participantToken });
  return { contactId, participantToken, connectionToken: connection.body.ConnectionCredentials.ConnectionToken, websocketUrl: connection.body.Websocket.Url };
}

async function startChat(): Promise<Chat> {
  const started = await call('PUT', '/contact/chat', { InstanceId: 'i', ContactFlowId: 'f', ParticipantDetails: { DisplayName: 'Abuse' } });
  return connect(started.body.ContactId, started.body.ParticipantToken);
}

async function openSubscribed(url: string): Promise<{ ws: WebSocket; items: string[] }> {
  const ws = new WebSocket(url);
  const items: string[] = [];
  ws.on('error', () => undefined);
  ws.on('message', (data) => {
    const frame = JSON.parse(data.toString()) as { topic?: string; content?: string };
    if (frame.topic === 'aws/chat' && frame.content) items.push(frame.content);
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.send(JSON.stringify({ topic: 'aws/subscribe', content: { topics: ['aws/chat'] } }));
  return { ws, items };
}

beforeAll(async () => {
  emulator = await startEmulatorProcess('emulator-abuse');
  base = emulator.base;
});

afterAll(() => emulator?.stop());

it('survives random bodies, random frames, a stalled reader in a flood and bogus uploads, within its memory bound', async () => {
  const chat = await startChat();
  const statuses: number[] = [];

  // 1. Random request bodies on every kind of route, ten at a time; none may crash a handler (500).
  const routes: Array<[string, string, Record<string, string>]> = [
    ['POST', '/participant/message', { 'x-amz-bearer': chat.connectionToken }],
    ['POST', '/participant/event', { 'x-amz-bearer': chat.connectionToken }],
    ['POST', '/participant/transcript', { 'x-amz-bearer': chat.connectionToken }],
    ['POST', '/participant/start-attachment-upload', { 'x-amz-bearer': chat.connectionToken }],
    ['POST', '/participant/attachment', { 'x-amz-bearer': chat.connectionToken }],
    ['PUT', '/contact/chat', {}],
    ['POST', `/emulator/contacts/${chat.contactId}/messages`, {}],
    ['POST', `/emulator/contacts/${chat.contactId}/events`, {}],
    ['POST', `/emulator/contacts/${chat.contactId}/flood`, {}],
    ['POST', '/emulator/faults', {}],
    ['PUT', '/attachments/x%ZZ?method=PUT&signature=y', {}],
  ];
  for (let batch = 0; batch < RANDOM_REQUESTS / 10; batch += 1) {
    const answers = await Promise.all(Array.from({ length: 10 }, () => {
      const [method, pathName, headers] = pick(routes);
      return call(method, pathName, randomBody(), headers);
    }));
    answers.forEach((answer) => statuses.push(answer.status));
  }
  await call('DELETE', '/emulator/faults');
  expect(statuses).toHaveLength(RANDOM_REQUESTS);
  expect(statuses.filter((status) => status >= 500)).toEqual([]);

  // 2. Random websocket frames; a socket the emulator closes (an oversize frame) is replaced.
  let socket = await openSubscribed((await connect(chat.contactId, chat.participantToken)).websocketUrl);
  for (let index = 0; index < RANDOM_FRAMES; index += 1) {
    if (socket.ws.readyState !== WebSocket.OPEN) socket = await openSubscribed((await connect(chat.contactId, chat.participantToken)).websocketUrl);
    const frame = pick([
      () => randomString(500),
      () => JSON.stringify({ topic: pick(['aws/subscribe', 'aws/unsubscribe', 'aws/heartbeat', 'aws/ping', randomString(10)]), content: randomValue(0) }),
      () => Buffer.from(randomString(300)),
      () => 'x'.repeat(70 * 1024),
    ])();
    socket.ws.send(frame);
  }
  socket.ws.terminate();

  // 3. A flood while one subscriber has stopped reading: it is closed, the healthy reader gets everything.
  const agent = await call('POST', `/emulator/contacts/${chat.contactId}/participants`, { role: 'AGENT' });
  const stalled = await openSubscribed((await connect(chat.contactId, agent.body.ParticipantToken)).websocketUrl);
  const healthy = await openSubscribed((await connect(chat.contactId, chat.participantToken)).websocketUrl);
  await new Promise((resolve) => setTimeout(resolve, 100));
  const stalledClosed = new Promise<void>((resolve) => stalled.ws.once('close', () => resolve()));
  (stalled.ws as unknown as { _socket: { pause(): void } })._socket.pause();
  const flood = await call('POST', `/emulator/contacts/${chat.contactId}/flood`, { count: 20_000, bytes: 1500 });
  expect(flood.status).toBe(200);
  const deadline = Date.now() + 60_000;
  while (!healthy.items.some((item) => item.includes(flood.body.lastId)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(healthy.items.some((item) => item.includes(flood.body.lastId))).toBe(true);
  (stalled.ws as unknown as { _socket: { resume(): void } })._socket.resume();
  await stalledClosed;
  healthy.ws.terminate();

  // 4. Uploads with bad signatures, each streaming 20 MB: refused before the body is read.
  const uploadStatuses = await Promise.all(Array.from({ length: BOGUS_UPLOADS }, (_unused, index) => bogusUpload(index)));
  expect(uploadStatuses).toEqual(Array.from({ length: BOGUS_UPLOADS }, () => 403));

  // 5. Memory stays bounded, and a normal chat still works.
  const rss = emulator.rssMb();
  expect(rss).toBeLessThan(RSS_BOUND_MB);
  const fresh = await startChat();
  const freshSocket = await openSubscribed(fresh.websocketUrl);
  await new Promise((resolve) => setTimeout(resolve, 50));
  const sent = await call('POST', '/participant/message', { ContentType: 'text/plain', Content: 'still here' }, { 'x-amz-bearer': fresh.connectionToken });
  expect(sent.status).toBe(200);
  while (!freshSocket.items.some((item) => item.includes(sent.body.Id))) await new Promise((resolve) => setTimeout(resolve, 20));
  freshSocket.ws.terminate();
});

function bogusUpload(index: number): Promise<number> {
  const url = new URL(`${base}/attachments/${index}?method=PUT&expires=9999999999999&signature=forged${index}`);
  return new Promise((resolve) => {
    const req = request({ host: url.hostname, port: url.port, method: 'PUT', path: `${url.pathname}${url.search}`, headers: { 'content-type': 'image/png', 'content-length': String(BOGUS_UPLOAD_BYTES) } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(-1)); // the emulator may close the socket while the body still streams
    const chunk = Buffer.alloc(1024 * 1024, 1);
    let sent = 0;
    const pump = (): void => {
      while (sent < BOGUS_UPLOAD_BYTES) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}
