// Helpers for running this SDK's agent session on Amazon Connect Streams' own websocket manager in jsdom
// (streams-pairing.md §3): Streams dials only wss://, so the page's WebSocket dials ws:// on loopback; the
// control API over node:http (jsdom has no fetch); and polling until a condition holds.
import { request } from 'node:http';
import { CreateParticipantConnectionCommand } from '@aws-sdk/client-connectparticipant';
import type { WebSocketManagerLike } from '../../../src/types';
import type { TestEmulator } from '../emulator/testEmulator';

/** Replaces window.WebSocket with one that dials ws:// for wss://127.0.0.1 and shows each frame sent to `onSend`. */
export function installLoopbackWss(onSend: (data: unknown) => void = () => undefined): void {
  const PageWebSocket = window.WebSocket;
  class LoopbackWebSocket extends PageWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(String(url).replace(/^wss:\/\/127\.0\.0\.1:/, 'ws://127.0.0.1:'), protocols);
    }
    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      onSend(data);
      super.send(data);
    }
  }
  (window as unknown as { WebSocket: unknown }).WebSocket = LoopbackWebSocket;
}

/** A control-API call over node:http; resolves the parsed JSON answer. */
export function controlOver(baseUrl: string, method: string, path: string, body?: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}${path}`, { method, headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve(text ? JSON.parse(text) : undefined));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

/** Polls `test` every 20 ms; rejects naming `label` after `timeoutMs`. */
export async function waitUntil(test: () => boolean, timeoutMs: number, label: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Streams' manager as the tests drive it. */
export type StreamsManager = WebSocketManagerLike & { init(fn: () => Promise<unknown>): Promise<unknown>; closeWebSocket(): void };

/**
 * An agent joins `contactId` (control API), and what the CCP's shared worker does for it: starts Streams'
 * manager with transports from the emulator (CreateTransport → { webSocketTransport }) and waits until it
 * is up. Returns the agent, the manager and the chatDetails a Streams-created agent session gets.
 */
export async function agentOnStreams(emulator: TestEmulator, createManager: () => StreamsManager, contactId: string) {
  const joined = await controlOver(emulator.url, 'POST', `/emulator/contacts/${contactId}/participants`, { role: 'AGENT', displayName: 'Streams Agent' });
  const agent = joined as { ParticipantId: string; ParticipantToken: string };
  const participant = emulator.participantClient();
  const token = agent.ParticipantToken;
  const connection = await participant.send(new CreateParticipantConnectionCommand({ ParticipantToken: token, Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'] }));
  const manager = createManager();
  const gained = new Promise<void>((resolve) => manager.onConnectionGain(() => resolve()));
  void manager.init(async () => {
    const fresh = await participant.send(new CreateParticipantConnectionCommand({ ParticipantToken: token, Type: ['WEBSOCKET'] }));
    return { webSocketTransport: { url: String(fresh.Websocket?.Url).replace(/^ws:/, 'wss:'), transportLifeTimeInSeconds: 3540, expiry: fresh.Websocket?.ConnectionExpiry } };
  });
  await gained;
  const credentials = connection.ConnectionCredentials;
  const chatDetails = {
    contactId,
    participantId: agent.ParticipantId,
    participantToken: token,
    getConnectionToken: async () => ({ chatTokenTransport: { participantToken: credentials?.ConnectionToken ?? '', expiry: credentials?.Expiry ?? '' } }),
  };
  return { agentId: agent.ParticipantId, manager, chatDetails };
}
