// What the emulator's memory can be made to hold, with its defaults, from outside. Valid uploads up to the
// attachment budget (128 MiB) stay under UPLOAD_RSS_BOUND_MB (first, while the process is fresh). Sockets that stop reading while they keep sending: a chat socket and the CCP's agent chat socket spam
// aws/subscribe frames (each answer echoes ~60 KB of topics), the CCP's agent channel spams requests
// (each answer echoes a ~60 KB request id). Without caps the answers pile up in the emulator (hundreds
// of MB); with them, control answers wait for the previous one of their topic and every socket's unsent
// bytes are capped. The emulator runs in a child process with its defaults, so its RSS can be read.
import WebSocket from 'ws';
import { EmulatorProcess, startEmulatorProcess } from '../../support/emulator/emulatorProcess';

jest.setTimeout(120_000);

/** The bounds stated in docs/emulator.md ("Security"), defaults unchanged. */
const RSS_BOUND_MB = 150;
const UPLOAD_RSS_BOUND_MB = 250;
const UPLOAD_BYTES = 20 * 1024 * 1024;
/** Frames each spamming socket sends: ~240 MB of answers if every one were kept. */
const SPAM_FRAMES = 4000;
const BIG_TOPICS = Array.from({ length: 900 }, (_unused, index) => `topic-${String(index).padStart(56, '0')}`);

let emulator: EmulatorProcess;

beforeAll(async () => {
  emulator = await startEmulatorProcess('emulator-memory');
});

afterAll(() => emulator?.stop());

async function call(method: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<any> {
  const response = await fetch(`${emulator.base}${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return response.json();
}

interface Spammer {
  ws: WebSocket;
  texts: string[];
  closed: Promise<number>;
}

async function open(url: string): Promise<Spammer> {
  const ws = new WebSocket(url);
  const texts: string[] = [];
  ws.on('error', () => undefined);
  ws.on('message', (data) => texts.push(data.toString()));
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { ws, texts, closed };
}

function rawSocket(ws: WebSocket): { pause(): void; resume(): void } {
  return (ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
}

/** Stops reading, then sends `frames` frames as fast as the emulator takes them; resolves once all left this process. */
async function spamWhilePaused(spammer: Spammer, frame: (index: number) => string): Promise<void> {
  rawSocket(spammer.ws).pause();
  for (let index = 0; index < SPAM_FRAMES && spammer.ws.readyState === WebSocket.OPEN; index += 1) {
    spammer.ws.send(frame(index));
    while (spammer.ws.bufferedAmount > 4 * 1024 * 1024 && spammer.ws.readyState === WebSocket.OPEN) await new Promise((resolve) => setTimeout(resolve, 5));
  }
  while (spammer.ws.bufferedAmount > 0 && spammer.ws.readyState === WebSocket.OPEN) await new Promise((resolve) => setTimeout(resolve, 5));
}

/** The highest RSS over a short while (the emulator may still be reading what the kernel holds). */
async function peakRssMb(process: EmulatorProcess = emulator): Promise<number> {
  let peak = 0;
  for (let sample = 0; sample < 10; sample += 1) {
    peak = Math.max(peak, process.rssMb());
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return peak;
}

/** Resumes reading, then sends a heartbeat: once answered, every earlier frame was handled. */
async function resumeAndSync(spammer: Spammer, heartbeat: string, isAnswer: (text: string) => boolean): Promise<void> {
  rawSocket(spammer.ws).resume();
  spammer.ws.send(heartbeat);
  while (!spammer.texts.some(isAnswer)) await new Promise((resolve) => setTimeout(resolve, 20));
}

const subscribeFrame = (): string => JSON.stringify({ topic: 'aws/subscribe', content: { topics: BIG_TOPICS } });
const isSubscribeAck = (text: string): boolean => text.startsWith('{"topic":"aws/subscribe"');
const isHeartbeat = (text: string): boolean => text === '{"topic":"aws/heartbeat"}';

async function upload(base: string, connectionToken: string): Promise<{ status: number }> {
  const started = await fetch(`${base}/participant/start-attachment-upload`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-amz-bearer': connectionToken },
    body: JSON.stringify({ ContentType: 'image/png', AttachmentSizeInBytes: UPLOAD_BYTES, AttachmentName: 'big.png', ClientToken: `t-${Math.random()}` }),
  });
  if (started.status !== 200) return { status: started.status };
  const { UploadMetadata } = (await started.json()) as { UploadMetadata: { Url: string } };
  const put = await fetch(UploadMetadata.Url, { method: 'PUT', headers: { 'content-type': 'image/png' }, body: Buffer.alloc(UPLOAD_BYTES, 7) });
  await put.arrayBuffer();
  return { status: put.status };
}

it('valid uploads fill the attachment budget (128 MiB) and the emulator stays under its upload bound; the next upload is refused', async () => {
  // A process of its own: the uploads stay held, and the other tests measure from a fresh process.
  const uploads = await startEmulatorProcess('emulator-memory');
  try {
    const post = async (path: string, body: unknown, headers: Record<string, string> = {}): Promise<any> =>
      (await fetch(`${uploads.base}${path}`, { method: path === '/contact/chat' ? 'PUT' : 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })).json();
    const started = await post('/contact/chat', { InstanceId: 'i', ContactFlowId: 'f', ParticipantDetails: { DisplayName: 'Uploader' } });
    const connection = await post('/participant/connection', { Type: ['CONNECTION_CREDENTIALS'] }, { 'x-amz-bearer': started.ParticipantToken });
    const token = connection.ConnectionCredentials.ConnectionToken as string;

    const statuses: number[] = [];
    for (let batch = 0; batch < 3; batch += 1) {
      statuses.push(...(await Promise.all([upload(uploads.base, token), upload(uploads.base, token)])).map((answer) => answer.status));
    }
    const rss = await peakRssMb(uploads);
    const refused = await upload(uploads.base, token);

    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    expect(refused.status).toBe(402);
    expect(rss).toBeLessThan(UPLOAD_RSS_BOUND_MB);
  } finally {
    uploads.stop();
  }
});

it('a chat socket that stops reading while spamming aws/subscribe gets few answers, and the emulator stays within its bound', async () => {
  const started = await call('PUT', '/contact/chat', { InstanceId: 'i', ContactFlowId: 'f', ParticipantDetails: { DisplayName: 'Spammer' } });
  const connection = await call('POST', '/participant/connection', { Type: ['WEBSOCKET'] }, { 'x-amz-bearer': started.ParticipantToken });
  const spammer = await open(connection.Websocket.Url);

  await spamWhilePaused(spammer, subscribeFrame);
  const rss = await peakRssMb();
  await resumeAndSync(spammer, JSON.stringify({ topic: 'aws/heartbeat' }), isHeartbeat);

  expect(rss).toBeLessThan(RSS_BOUND_MB);
  const acks = spammer.texts.filter(isSubscribeAck).length;
  expect(acks).toBeGreaterThan(0);
  expect(acks).toBeLessThan(SPAM_FRAMES / 4);
  spammer.ws.terminate();
});

async function openCcp(login: string): Promise<{ channel: Spammer; chatSocketUrl: string }> {
  const wsBase = emulator.base.replace(/^http/, 'ws');
  const channel = await open(`${wsBase}/ccp-v2/agent?agent=${login}`);
  while (!channel.texts.some((text) => text.includes('"welcome"'))) await new Promise((resolve) => setTimeout(resolve, 20));
  const welcome = JSON.parse(channel.texts.find((text) => text.includes('"welcome"')) ?? '{}') as { chatSocketPath: string };
  return { channel, chatSocketUrl: `${wsBase}${welcome.chatSocketPath}` };
}

it('the CCP agent chat socket: spamming aws/subscribe without reading gets few answers, within the bound', async () => {
  const { channel, chatSocketUrl } = await openCcp('paused-chat');
  const chat = await open(chatSocketUrl);

  await spamWhilePaused(chat, subscribeFrame);
  const rss = await peakRssMb();
  await resumeAndSync(chat, JSON.stringify({ topic: 'aws/heartbeat' }), isHeartbeat);

  expect(rss).toBeLessThan(RSS_BOUND_MB);
  expect(chat.texts.filter(isSubscribeAck).length).toBeLessThan(SPAM_FRAMES / 4);
  chat.ws.terminate();
  channel.ws.terminate();
});

it('the CCP agent channel: spamming requests without reading is cut past the cap, within the bound', async () => {
  const { channel } = await openCcp('paused-channel');
  const bigId = 'r'.repeat(60_000);

  await spamWhilePaused(channel, (index) => JSON.stringify({ type: 'request', requestId: `${index}-${bigId}`, method: 'getEndpoints', params: {} }));
  const rss = await peakRssMb();
  rawSocket(channel.ws).resume();

  expect(rss).toBeLessThan(RSS_BOUND_MB);
  // Every request needs its answer, so none can be skipped: past the cap the socket is cut (the page reconnects).
  expect(await channel.closed).toBe(1006);
});
