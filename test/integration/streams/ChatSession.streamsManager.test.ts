/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// Amazon Connect Streams' own websocket manager (connect.WebSocketManager from amazon-connect-streams)
// drives an agent session of this SDK against the emulator: messages both ways, and chat end.
// Streams' manager accepts only wss:// URLs, so the page's WebSocket is wrapped to dial ws:// on loopback
// (streams-pairing.md §3).
import { request } from 'node:http';
import { CreateParticipantConnectionCommand, SendMessageCommand } from '@aws-sdk/client-connectparticipant';
import { startTestEmulator, type TestEmulator } from '../../support/emulator/testEmulator';
import type { WebSocketManagerLike } from '../../../src/types';

type StreamsManager = WebSocketManagerLike & {
  init(fn: () => Promise<unknown>): Promise<unknown>;
  closeWebSocket(): void;
};
interface StreamsGlobal {
  WebSocketManager: { create(): StreamsManager };
  ChatSession: typeof import('../../../src/index').ChatSession;
  core?: unknown;
}

jest.setTimeout(30_000);

let emulator: TestEmulator;
let manager: StreamsManager | undefined;

function installLoopbackWss(): void {
  const PageWebSocket = window.WebSocket;
  class LoopbackWebSocket extends PageWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(String(url).replace(/^wss:\/\/127\.0\.0\.1:/, 'ws://127.0.0.1:'), protocols);
    }
  }
  (window as unknown as { WebSocket: unknown }).WebSocket = LoopbackWebSocket;
}

function loadStreamsThenSdk(): StreamsGlobal {
  require('amazon-connect-streams');
  require('../../../src/index');
  return (window as unknown as { connect: StreamsGlobal }).connect;
}

beforeAll(async () => {
  emulator = await startTestEmulator();
  installLoopbackWss();
});

afterAll(async () => {
  manager?.closeWebSocket();
  await emulator.close();
});

it('runs an agent session on Streams’ websocket manager: messages both ways and chat end', async () => {
  const connect = loadStreamsThenSdk();
  expect(typeof connect.core).toBe('object');
  connect.ChatSession.setGlobalConfig({ region: 'us-east-1', endpoint: emulator.url });

  const customer = await emulator.customer();
  const joined = (await control('POST', `/emulator/contacts/${customer.contactId}/participants`, { role: 'AGENT', displayName: 'Streams Agent' })) as {
    ParticipantId: string;
    ParticipantToken: string;
  };
  const agentId = joined.ParticipantId;
  const agentToken = joined.ParticipantToken;

  // What the CCP's shared worker does: CreateTransport → { webSocketTransport }, here from the emulator.
  const participant = emulator.participantClient();
  const connection = await participant.send(new CreateParticipantConnectionCommand({ ParticipantToken: agentToken, Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'] }));
  manager = connect.WebSocketManager.create();
  const gained = new Promise<void>((resolve) => manager?.onConnectionGain(() => resolve()));
  void manager.init(async () => {
    const fresh = await participant.send(new CreateParticipantConnectionCommand({ ParticipantToken: agentToken, Type: ['WEBSOCKET'] }));
    return { webSocketTransport: { url: String(fresh.Websocket?.Url).replace(/^ws:/, 'wss:'), transportLifeTimeInSeconds: 3540, expiry: fresh.Websocket?.ConnectionExpiry } };
  });
  await gained;

  const session = connect.ChatSession.create({
    type: 'AGENT',
    websocketManager: manager,
    chatDetails: {
      contactId: customer.contactId,
      participantId: agentId,
      participantToken: agentToken,
      getConnectionToken: async () => ({
        chatTokenTransport: { participantToken: connection.ConnectionCredentials?.ConnectionToken ?? '', expiry: connection.ConnectionCredentials?.Expiry ?? '' },
      }),
    },
  });
  const seen: string[] = [];
  let endedResolve: () => void = () => undefined;
  const ended = new Promise<void>((resolve) => (endedResolve = resolve));
  session.onMessage((event) => {
    if (event.data.Type === 'MESSAGE') seen.push(`${event.data.ParticipantRole}:${event.data.Content}`);
  });
  session.onEnded(() => endedResolve());
  await expect(session.connect()).resolves.toMatchObject({ connectSuccess: true });

  // Customer → agent, through the Streams manager.
  await emulator.participantClient().send(new SendMessageCommand({ ConnectionToken: customer.connectionToken, Content: 'hello agent', ContentType: 'text/plain' }));
  // Agent → customer, through this SDK's API calls with the token Streams handed over.
  await session.sendMessage({ message: 'hello customer' });
  await customer.socket.waitForItem((item) => item.Content === 'hello customer', 5000, 'agent message at customer');
  await waitUntil(() => seen.includes('CUSTOMER:hello agent'), 5000, 'customer message at agent');

  await control('POST', `/emulator/contacts/${customer.contactId}/end`);
  await ended;
  expect(seen).toEqual(expect.arrayContaining(['CUSTOMER:hello agent', 'AGENT:hello customer']));
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
