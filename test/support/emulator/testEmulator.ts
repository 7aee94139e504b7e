// Test harness for the emulator: start it on port 0, AWS SDK clients pointed at it, a raw websocket
// client that records frames and waits for a matching one, and small helpers for the control API.
import { ConnectClient, StartChatContactCommand, StartChatContactCommandInput } from '@aws-sdk/client-connect';
import { ConnectParticipantClient, CreateParticipantConnectionCommand } from '@aws-sdk/client-connectparticipant';
import WebSocket from 'ws';
import { startEmulator } from 'amazon-connect-chatjs-emulator';
import type { EmulatorHandle, EmulatorOptions, Item } from 'amazon-connect-chatjs-emulator';

export const DUMMY_CREDENTIALS = { accessKeyId: 'x', secretAccessKey: 'x' };
const DEFAULT_WAIT_MS = 5000;

export interface Frame {
  topic?: string;
  content?: unknown;
  contentType?: string;
  statusCode?: number;
  [key: string]: unknown;
}

/** A raw websocket client that keeps every frame and can wait for one matching a predicate. */
export class FrameCollector {
  readonly frames: Frame[] = [];
  readonly raw: string[] = [];
  readonly opened: Promise<void>;
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: Array<{ test: (frame: Frame) => boolean; resolve: (frame: Frame) => void }> = [];

  constructor(readonly ws: WebSocket) {
    this.opened = new Promise((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused with ${res.statusCode}`)));
    });
    this.opened.catch(() => undefined);
    this.closed = new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    ws.on('error', () => undefined);
    ws.on('message', (data) => this.onMessage(data.toString()));
  }

  private onMessage(text: string): void {
    this.raw.push(text);
    let frame: Frame;
    try {
      frame = JSON.parse(text) as Frame;
    } catch {
      return;
    }
    this.frames.push(frame);
    this.waiters = this.waiters.filter((waiter) => {
      if (!waiter.test(frame)) return true;
      waiter.resolve(frame);
      return false;
    });
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Resolves with the first frame (already received or future) that matches; rejects after `timeoutMs`. */
  waitFor(test: (frame: Frame) => boolean, timeoutMs = DEFAULT_WAIT_MS, label = 'frame'): Promise<Frame> {
    const seen = this.frames.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter.resolve !== done);
        reject(new Error(`timed out waiting for ${label}; got ${this.raw.length} frames: ${this.raw.slice(-5).join(' | ')}`));
      }, timeoutMs);
      const done = (frame: Frame): void => {
        clearTimeout(timer);
        resolve(frame);
      };
      this.waiters.push({ test, resolve: done });
    });
  }

  /** Items pushed on aws/chat, parsed. */
  items(): Item[] {
    return this.frames.filter((frame) => frame.topic === 'aws/chat').map((frame) => JSON.parse(String(frame.content)) as Item);
  }

  async waitForItem(test: (item: Item) => boolean, timeoutMs = DEFAULT_WAIT_MS, label = 'item'): Promise<Item> {
    const frame = await this.waitFor((candidate) => candidate.topic === 'aws/chat' && test(JSON.parse(String(candidate.content)) as Item), timeoutMs, label);
    return JSON.parse(String(frame.content)) as Item;
  }

  async subscribe(): Promise<void> {
    await this.opened;
    this.send({ topic: 'aws/subscribe', content: { topics: ['aws/chat'] } });
    await this.waitFor((frame) => frame.topic === 'aws/subscribe', DEFAULT_WAIT_MS, 'subscribe ack');
  }

  close(): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.terminate();
  }
}

export interface ChatParticipant {
  contactId: string;
  participantId: string;
  participantToken: string;
  connectionToken: string;
  websocketUrl: string;
  socket: FrameCollector;
}

/** One emulator plus everything a test opened against it; `close()` releases it all. */
export class TestEmulator {
  readonly url: string;
  private readonly clients: Array<{ destroy(): void }> = [];
  private readonly sockets: FrameCollector[] = [];

  constructor(readonly handle: EmulatorHandle) {
    this.url = handle.url;
  }

  participantClient(options: { maxAttempts?: number; endpoint?: string } = {}): ConnectParticipantClient {
    const client = new ConnectParticipantClient({ endpoint: options.endpoint ?? this.url, region: 'us-east-1', credentials: DUMMY_CREDENTIALS, maxAttempts: options.maxAttempts ?? 1 });
    this.clients.push(client);
    return client;
  }

  connectClient(options: { maxAttempts?: number } = {}): ConnectClient {
    const client = new ConnectClient({ endpoint: this.url, region: 'us-east-1', credentials: DUMMY_CREDENTIALS, maxAttempts: options.maxAttempts ?? 1 });
    this.clients.push(client);
    return client;
  }

  startChat(input: Partial<StartChatContactCommandInput> = {}): Promise<{ ContactId: string; ParticipantId: string; ParticipantToken: string; ContinuedFromContactId?: string }> {
    const command = new StartChatContactCommand({ InstanceId: 'instance-1', ContactFlowId: 'flow-1', ParticipantDetails: { DisplayName: 'Customer' }, ...input });
    return this.connectClient().send(command) as never;
  }

  openSocket(url: string): FrameCollector {
    const socket = new FrameCollector(new WebSocket(url));
    this.sockets.push(socket);
    return socket;
  }

  /** CreateParticipantConnection + websocket subscribed to aws/chat. */
  async connect(contactId: string, participantId: string, participantToken: string): Promise<ChatParticipant> {
    const connection = await this.participantClient().send(new CreateParticipantConnectionCommand({ ParticipantToken: participantToken, Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'] }));
    const websocketUrl = connection.Websocket?.Url ?? '';
    const socket = this.openSocket(websocketUrl);
    await socket.subscribe();
    return { contactId, participantId, participantToken, connectionToken: connection.ConnectionCredentials?.ConnectionToken ?? '', websocketUrl, socket };
  }

  /** StartChatContact for a customer, connected and subscribed. */
  async customer(input: Partial<StartChatContactCommandInput> = {}): Promise<ChatParticipant> {
    const started = await this.startChat(input);
    return this.connect(started.ContactId, started.ParticipantId, started.ParticipantToken);
  }

  /** Adds an agent through the control API and connects it like a customer. */
  async agent(contactId: string, displayName = 'Agent'): Promise<ChatParticipant> {
    const joined = (await this.control('POST', `/emulator/contacts/${contactId}/participants`, { role: 'AGENT', displayName })).body as { ParticipantId: string; ParticipantToken: string };
    return this.connect(contactId, joined.ParticipantId, joined.ParticipantToken);
  }

  /** A control-API call (or any raw HTTP call) returning status, headers and parsed JSON. */
  async control(method: string, path: string, body?: unknown): Promise<{ status: number; body: any; headers: Headers }> {
    return rawJson(`${this.url}${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body), headers: body === undefined ? {} : { 'content-type': 'application/json' } });
  }

  async close(): Promise<void> {
    this.sockets.forEach((socket) => socket.close());
    this.clients.forEach((client) => client.destroy());
    await this.handle.close();
  }
}

export async function rawJson(url: string, init: RequestInit): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text.length > 0 ? JSON.parse(text) : undefined;
  } catch {
    // non-JSON answers (static files) are returned as text
  }
  return { status: response.status, body, headers: response.headers };
}

export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  return new TestEmulator(await startEmulator({ port: 0, bot: 'none', ...options }));
}

/** Expects `promise` to reject with an SDK service error; returns it for further checks. */
export async function serviceError(promise: Promise<unknown>): Promise<{ name: string; message: string; $metadata: { httpStatusCode?: number; requestId?: string } } & Record<string, unknown>> {
  try {
    await promise;
  } catch (err) {
    return err as never;
  }
  throw new Error('expected the call to fail');
}

/** Polls `check` until it holds; throws after `timeoutMs`. */
export async function until(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const EVENT_PREFIX = 'application/vnd.amazonaws.connect.event.';
