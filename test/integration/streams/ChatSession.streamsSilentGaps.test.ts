/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// An agent session on Amazon Connect Streams' websocket manager gets the same silent-gap protection as a
// customer: a stall shorter than Streams' 10 s heartbeat, placed right after a beat, drops what the
// customer sends meanwhile; the agent's own message, sent during the stall, never echoes, and that starts
// a recovery. Bound: within 3 s of the agent's send (+ one GetTranscript); we allow 8 s after the stall.
import { SendMessageCommand } from '@aws-sdk/client-connectparticipant';
import { startTestEmulator, type TestEmulator } from '../../support/emulator/testEmulator';
import { agentOnStreams, controlOver, installLoopbackWss, waitUntil, type StreamsManager } from '../../support/sdk/streamsWorld';
import type { ChatTranscriptItem } from '../../../src/types';

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

beforeAll(async () => {
  emulator = await startTestEmulator();
  installLoopbackWss((data) => {
    if (typeof data === 'string' && data.includes('"aws/heartbeat"')) heartbeatsSent.push(Date.now());
  });
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
  const started = await agentOnStreams(emulator, () => connect.WebSocketManager.create(), customer.contactId);
  manager = started.manager;
  const session = connect.ChatSession.create({ type: 'AGENT', websocketManager: manager, chatDetails: started.chatDetails });
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
  await control('POST', '/emulator/faults', { kind: 'stall-sockets', durationMs: STALL_MS, contactId: customer.contactId, participantId: started.agentId });
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
  const agentCalls = log.requests.filter((entry) => entry.participantId === started.agentId && Date.parse(entry.at) >= stalledAt);
  expect(agentCalls.some((entry) => entry.operation === 'GetTranscript')).toBe(true);

  await control('POST', `/emulator/contacts/${customer.contactId}/end`);
});

function control(method: string, path: string, body?: unknown): Promise<unknown> {
  return controlOver(emulator.url, method, path, body);
}
