// A jsdom page with Amazon Connect Streams and this SDK against an emulator: customer sessions, agents
// that log in through the emulated CCP (test/integration/helpers/ccpClient.ts) and run their chat
// session on Streams' own websocket manager, as a custom CCP does (streams-pairing.md).
import { request } from 'node:http';
import { CreateParticipantConnectionCommand } from '@aws-sdk/client-connectparticipant';
import type { EmulatorOptions } from 'amazon-connect-chatjs-emulator';
import { CcpClient } from '../emulator/ccpClient';
import { startTestEmulator, type TestEmulator } from '../emulator/testEmulator';
import type { WebSocketManagerLike } from '../../../src/types';
import { labelOf, type SeenItem } from './observe';
import { INTERACTIVE_TYPES } from './expected';

type StreamsManager = WebSocketManagerLike & { init(fn: () => Promise<unknown>): Promise<unknown>; closeWebSocket(): void };
type Handler = (event: { data: SeenItem & { Id?: string } }) => void;
interface Session {
  connect(): Promise<unknown>;
  sendMessage(args: { message: string; contentType: string }): Promise<unknown>;
  getTranscript(args: unknown): Promise<{ data: { Transcript?: Array<SeenItem & { Id?: string }> } }>;
  onMessage(handler: Handler): unknown;
  onParticipantIdle(handler: Handler): unknown;
  onParticipantReturned(handler: Handler): unknown;
  onAutoDisconnection(handler: Handler): unknown;
  onEnded(handler: () => void): unknown;
  controller?: { hasEnded?: boolean };
}
interface PageConnect {
  WebSocketManager: { create(): StreamsManager };
  ChatSession: { setGlobalConfig(config: unknown): void; create(args: unknown): Session };
}

/**
 * A session and everything it saw, as labels, in order: what its events delivered, after what the
 * transcript held when it connected (items from before the connection, as a widget shows them).
 */
export class Watched {
  readonly seen: string[] = [];
  readonly items: SeenItem[] = [];
  ended = false;
  private readonly ids = new Set<string>();
  private waiters: Array<() => void> = [];

  constructor(readonly session: Session) {
    const record: Handler = ({ data }) => {
      if (data.Id && this.ids.has(data.Id)) return;
      if (data.Id) this.ids.add(data.Id);
      this.items.push(data);
      this.seen.push(labelOf(data));
      this.wake();
    };
    // Idle, returned and auto-disconnection have their own events in both SDKs (not onMessage).
    session.onMessage(record);
    session.onParticipantIdle(record);
    session.onParticipantReturned(record);
    session.onAutoDisconnection(record);
    session.onEnded(() => {
      this.ended = true;
      this.wake();
    });
  }

  /** Connects, then puts the items from before the connection first. */
  async connect(): Promise<void> {
    await this.session.connect();
    const { data } = await this.session.getTranscript({ maxResults: 100, sortOrder: 'ASCENDING', scanDirection: 'BACKWARD' });
    const earlier = (data.Transcript ?? []).filter((item) => item.Type !== 'MESSAGEMETADATA' && item.Id && !this.ids.has(item.Id));
    earlier.forEach((item) => this.ids.add(item.Id as string));
    this.items.unshift(...earlier);
    this.seen.unshift(...earlier.map(labelOf));
    this.wake();
  }

  private wake(): void {
    this.waiters.forEach((waiter) => waiter());
  }

  until(test: () => boolean, label: string, timeoutMs = 10_000): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${label}; saw ${JSON.stringify(this.seen)}`)), timeoutMs);
      const check = (): void => {
        if (!test()) return;
        clearTimeout(timer);
        this.waiters = this.waiters.filter((waiter) => waiter !== check);
        resolve();
      };
      this.waiters.push(check);
    });
  }

  /** Waits for the `count`-th label equal to `label` (1-based). */
  untilSeen(label: string, count = 1): Promise<void> {
    return this.until(() => this.seen.filter((seen) => seen === label).length >= count, `${label} ×${count}`);
  }
}

export interface ControlAnswer {
  status: number;
  body: any;
}

/** The control API over node:http (jsdom has no fetch). */
function controlOf(baseUrl: string): (method: string, path: string, body?: unknown) => Promise<ControlAnswer> {
  return (method, path, body) =>
    new Promise((resolve, reject) => {
      const req = request(`${baseUrl}${path}`, { method, headers: { 'content-type': 'application/json' } }, (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }));
      });
      req.on('error', reject);
      req.end(body === undefined ? undefined : JSON.stringify(body));
    });
}

export interface World {
  emulator: TestEmulator;
  control: (method: string, path: string, body?: unknown) => Promise<ControlAnswer>;
  connect: PageConnect;
  customer(name?: string): Promise<{ contactId: string; watched: Watched }>;
  agent(login: string): Promise<CcpClient>;
  /** The agent accepts the offered contact and runs its chat session on Streams' manager. */
  acceptOnStreams(ccp: CcpClient, contactId: string): Promise<Watched>;
  close(): Promise<void>;
}

function installLoopbackWss(): void {
  const PageWebSocket = window.WebSocket;
  if ((PageWebSocket as unknown as { loopback?: boolean }).loopback) return;
  class LoopbackWebSocket extends PageWebSocket {
    static loopback = true;
    constructor(url: string | URL, protocols?: string | string[]) {
      super(String(url).replace(/^wss:\/\/127\.0\.0\.1:/, 'ws://127.0.0.1:'), protocols);
    }
  }
  (window as unknown as { WebSocket: unknown }).WebSocket = LoopbackWebSocket;
}

export async function startWorld(options: EmulatorOptions): Promise<World> {
  const emulator = await startTestEmulator({ botDelayMs: 5, ...options });
  installLoopbackWss();
  require('amazon-connect-streams');
  require('../../../src/index');
  const connect = (window as unknown as { connect: PageConnect }).connect;
  connect.ChatSession.setGlobalConfig({ region: 'us-east-1', endpoint: emulator.url });
  const managers: StreamsManager[] = [];
  const ccps: CcpClient[] = [];
  const sessions: Watched[] = [];
  const control = controlOf(emulator.url);
  return {
    emulator,
    control,
    connect,
    async customer(name = 'Ana') {
      const started = await emulator.startChat({ ParticipantDetails: { DisplayName: name }, SupportedMessagingContentTypes: INTERACTIVE_TYPES });
      const session = connect.ChatSession.create({
        type: 'CUSTOMER',
        chatDetails: { contactId: started.ContactId, participantId: started.ParticipantId, participantToken: started.ParticipantToken },
        disableCSM: true,
      });
      const watched = new Watched(session);
      sessions.push(watched);
      await watched.connect();
      return { contactId: started.ContactId, watched };
    },
    async agent(login) {
      const ccp = new CcpClient(emulator, login);
      ccps.push(ccp);
      await ccp.setState('Available');
      return ccp;
    },
    async acceptOnStreams(ccp, contactId) {
      await ccp.contactState(contactId, 'connecting');
      const { err } = await ccp.request('acceptContact', { contactId });
      if (err) throw new Error(err.message);
      const held = await ccp.contactState(contactId, 'connected');
      const agentConnection = held.connections.find((connection) => connection.type === 'agent');
      const token = JSON.parse(agentConnection?.chatMediaInfo?.connectionData ?? '{}').ConnectionAuthenticationToken as string;
      const participant = emulator.participantClient();
      const connection = await participant.send(new CreateParticipantConnectionCommand({ ParticipantToken: token, Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'] }));
      const manager = connect.WebSocketManager.create();
      managers.push(manager);
      const gained = new Promise<void>((resolve) => manager.onConnectionGain(() => resolve()));
      void manager.init(async () => {
        const fresh = await participant.send(new CreateParticipantConnectionCommand({ ParticipantToken: token, Type: ['WEBSOCKET'] }));
        return { webSocketTransport: { url: String(fresh.Websocket?.Url).replace(/^ws:/, 'wss:'), transportLifeTimeInSeconds: 3540, expiry: fresh.Websocket?.ConnectionExpiry } };
      });
      await gained;
      const session = connect.ChatSession.create({
        type: 'AGENT',
        websocketManager: manager,
        chatDetails: {
          contactId,
          participantId: agentConnection?.connectionId,
          participantToken: token,
          getConnectionToken: async () => ({ chatTokenTransport: { participantToken: connection.ConnectionCredentials?.ConnectionToken ?? '', expiry: connection.ConnectionCredentials?.Expiry ?? '' } }),
        },
      });
      const watched = new Watched(session);
      sessions.push(watched);
      await watched.connect();
      return watched;
    },
    async close() {
      const contacts = ((await control('GET', '/emulator/contacts')).body as { contacts: Array<{ contactId: string; state: string }> }).contacts;
      for (const contact of contacts.filter((candidate) => candidate.state === 'ACTIVE')) await control('POST', `/emulator/contacts/${contact.contactId}/end`);
      await Promise.all(sessions.map((watched) => watched.until(() => watched.ended || watched.session.controller?.hasEnded === true, 'teardown end', 5000).catch(() => undefined)));
      managers.forEach((manager) => manager.closeWebSocket());
      ccps.forEach((ccp) => ccp.close());
      await emulator.close();
    },
  };
}
