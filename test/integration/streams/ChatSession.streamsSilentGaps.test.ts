/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// An agent session on Amazon Connect Streams' websocket manager gets the same silent-gap protection as a
// customer: a stall shorter than Streams' 10 s heartbeat, placed right after a beat, drops what the
// customer sends meanwhile; the agent's own message, sent during the stall, never echoes, and that starts
// a recovery. Bound: within 3 s of the agent's send (+ one GetTranscript); we allow 8 s after the stall.
import { request } from 'node:http';
import { CreateParticipantConnectionCommand, SendMessageCommand } from '@aws-sdk/client-connectparticipant';
import { startTestEmulator, type TestEmulator } from '../../support/emulator/testEmulator';
import type { ChatTranscriptItem, WebSocketManagerLike } from '../../../src/types';

type StreamsManager = WebSocketManagerLike & { init(fn: () => Promise<unknown>): Promise<unknown>; closeWebSocket(): void };
interface StreamsGlobal {
  WebSocketManager: { create(): StreamsManager };
  ChatSession: typeof import('../../../src/index').ChatSession;
}

jest.setTimeout(60_000);

const STALL_MS = 3_000;
let emulator: TestEmulator;
let manager: StreamsManager | undefined;
/** When Streams' socket last sent `aws/heartbeat`. */
const heartbeatsSent: number[] = [];

/** Streams dials only wss://: the page's WebSocket dials ws:// on loopback instead, and notes each heartbeat. */
function installLoopbackWss(): void {
  const PageWebSocket = window.WebSocket;
  class LoopbackWebSocket extends PageWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(String(url).replace(/^wss:\/\/127\.0\.0\.1:/, 'ws://127.0.0.1:'), protocols);
    }
    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      if (typeof data === 'string' && data.includes('"aws/heartbeat"')) heartbeatsSent.push(Date.now());
      super.send(data);
    }
  }
  (window as unknown as { WebSocket: unknown }).WebSocket = LoopbackWebSocket;
}

beforeAll(async () => {
  emulator = await startTestEmulator();
  installLoopbackWss();
});

afterAll(async () => {
  manager?.closeWebSocket();
  await emulator.close();
});

it('an agent on Streams’ manager recovers what a short stall between two heartbeats dropped: once, in order, socket kept', async () => {
  require('amazon-connect-streams');
  require('../../../src/index');
  const connect = (window as unknown as { connect: StreamsGlobal }).connect;
  connect.ChatSession.setGlobalConfig({ region: 'us-east-1', endpoint: emulator.url });

  const customer = await emulator.customer();
  const joined = (await control('POST', `/emulator/contacts/${customer.contactId}/participants`, { role: 'AGENT', displayName: 'Streams Agent' })) as {
    ParticipantId: string;
    ParticipantToken: string;
  };
  const participant = emulator.participantClient();
  const connection = await participant.send(new CreateParticipantConnectionCommand({ ParticipantToken: joined.ParticipantToken, Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'] }));
  manager = connect.WebSocketManager.create();
  const gained = new Promise<void>((resolve) => manager?.onConnectionGain(() => resolve()));
  void manager.init(async () => {
    const fresh = await participant.send(new CreateParticipantConnectionCommand({ ParticipantToken: joined.ParticipantToken, Type: ['WEBSOCKET'] }));
    return { webSocketTransport: { url: String(fresh.Websocket?.Url).replace(/^ws:/, 'wss:'), transportLifeTimeInSeconds: 3540, expiry: fresh.Websocket?.ConnectionExpiry } };
  });
  await gained;

  const session = connect.ChatSession.create({
    type: 'AGENT',
    websocketManager: manager,
    chatDetails: {
      contactId: customer.contactId,
      participantId: joined.ParticipantId,
      participantToken: joined.ParticipantToken,
      getConnectionToken: async () => ({
        chatTokenTransport: { participantToken: connection.ConnectionCredentials?.ConnectionToken ?? '', expiry: connection.ConnectionCredentials?.Expiry ?? '' },
      }),
    },
  });
  const items: ChatTranscriptItem[] = [];
  session.onMessage((event) => items.push(event.data));
  let lost = 0;
  session.onConnectionLost(() => (lost += 1));
  await session.connect();
  const customerSays = (text: string) =>
    emulator.participantClient().send(new SendMessageCommand({ ConnectionToken: customer.connectionToken, Content: text, ContentType: 'text/plain' }));
  await customerSays('before the stall');
  await waitUntil(() => items.some((item) => item.Content === 'before the stall'), 5_000, 'the first customer message');

  // Right after a heartbeat: the next one is 10 s away, the stall ends after 3 s.
  const beats = heartbeatsSent.length;
  await waitUntil(() => heartbeatsSent.length > beats, 15_000, 'a Streams heartbeat');
  const stalledAt = Date.now();
  await control('POST', '/emulator/faults', { kind: 'stall-sockets', durationMs: STALL_MS, contactId: customer.contactId, participantId: joined.ParticipantId });
  await customerSays('during 1');
  await session.sendMessage({ message: 'agent during the stall' });
  await customerSays('during 2');

  const expected = ['before the stall', 'during 1', 'agent during the stall', 'during 2'];
  await waitUntil(() => expected.every((text) => items.some((item) => item.Content === text)), stalledAt + STALL_MS + 8_000 - Date.now(), 'the messages of the stall');
  const transcript = (await control('GET', `/emulator/contacts/${customer.contactId}/transcript`)) as { items: ChatTranscriptItem[] };
  const messages = (list: ChatTranscriptItem[]) => list.filter((item) => item.Type === 'MESSAGE').map((item) => item.Id);
  expect(messages(items)).toEqual(messages(transcript.items));
  expect(items.filter((item) => item.Type === 'MESSAGE').map((item) => item.Content)).toEqual(expected);
  expect(lost).toBe(0);
  const log = (await control('GET', `/emulator/requests?contactId=${encodeURIComponent(customer.contactId)}`)) as {
    requests: Array<{ at: string; operation: string; participantId?: string }>;
  };
  const agentCalls = log.requests.filter((entry) => entry.participantId === joined.ParticipantId && Date.parse(entry.at) >= stalledAt);
  expect(agentCalls.some((entry) => entry.operation === 'GetTranscript')).toBe(true);

  await control('POST', `/emulator/contacts/${customer.contactId}/end`);
});

/** The control API over node:http (jsdom has no fetch). */
function control(method: string, path: string, body?: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = request(`${emulator.url}${path}`, { method, headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve(text ? JSON.parse(text) : undefined));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

async function waitUntil(test: () => boolean, timeoutMs: number, label: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
