/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// Amazon Connect Streams' own websocket manager (connect.WebSocketManager from amazon-connect-streams)
// drives an agent session of this SDK against the emulator: messages both ways, and chat end.
// Streams' manager accepts only wss:// URLs, so the page's WebSocket is wrapped to dial ws:// on loopback
// (streams-pairing.md §3).
import { SendMessageCommand } from '@aws-sdk/client-connectparticipant';
import { startTestEmulator, type TestEmulator } from '../../support/emulator/testEmulator';
import { agentOnStreams, controlOver, installLoopbackWss, waitUntil, type StreamsManager } from '../../support/sdk/streamsWorld';

interface StreamsGlobal {
  WebSocketManager: { create(): StreamsManager };
  ChatSession: typeof import('../../../src/index').ChatSession;
  core?: unknown;
}

jest.setTimeout(30_000);

let emulator: TestEmulator;
let manager: StreamsManager | undefined;

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
  const started = await agentOnStreams(emulator, () => connect.WebSocketManager.create(), customer.contactId);
  manager = started.manager;
  const session = connect.ChatSession.create({ type: 'AGENT', websocketManager: manager, chatDetails: started.chatDetails });
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

function control(method: string, path: string, body?: unknown): Promise<unknown> {
  return controlOver(emulator.url, method, path, body);
}
