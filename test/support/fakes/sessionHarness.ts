// Fakes for session tests: a Participant client that records calls, and a websocket manager the test drives.
import type { ChatTranscriptItem, Unsubscribe, WebSocketFrame, WebSocketTransportResult } from '../../../src/types';
import { MemoryOutboxStore } from '../../../src/session/outgoing/outbox/outboxStore';
import { ChatCore } from '../../../src/session/core/chatCore';
import type { ChatCoreDeps } from '../../../src/session/core/coreDeps';
import { normalizeCreateArgs } from '../../../src/session/args/chatArgs';
import { CustomerChatSession } from '../../../src/session/customerChatSession';
import { AgentChatSession } from '../../../src/session/agentChatSession';
import { silentLogger } from '../../../src/log/logger';
import { ChatServiceError } from '../../../src/errors';

export const FUTURE = (ms: number): string => new Date(Date.now() + ms).toISOString();

export function fakeClient() {
  let connections = 0;
  return {
    /** Which client each lookup asked for ('default' or 'reconnect'), in order. */
    uses: [] as string[],
    createParticipantConnection: jest.fn(async (_token: string, _options: object) => {
      connections += 1;
      return {
        Websocket: { Url: `ws://127.0.0.1:9/ws/${connections}`, ConnectionExpiry: FUTURE(100_000) },
        ConnectionCredentials: { ConnectionToken: `conn-token-${connections}`, Expiry: FUTURE(86_400_000) },
        $metadata: { httpStatusCode: 200 },
      };
    }),
    disconnectParticipant: jest.fn(async () => ({ $metadata: { httpStatusCode: 200 } })),
    sendMessage: jest.fn(async (_token: string, _args: object) => ({ Id: 'msg-1', AbsoluteTime: '2026-01-01T00:00:00.000Z', $metadata: {} })),
    sendEvent: jest.fn(async (_token: string, _args: object) => ({ Id: 'evt-1', AbsoluteTime: '2026-01-01T00:00:00.000Z', $metadata: {} })),
    getTranscript: jest.fn(async (_token: string, _args: { startPosition?: object }) => ({
      InitialContactId: 'c-1',
      Transcript: [] as ChatTranscriptItem[],
      NextToken: undefined as string | undefined,
      $metadata: {},
    })),
    describeView: jest.fn(async () => ({ View: { Id: 'v1' }, $metadata: {} })),
    getAuthenticationUrl: jest.fn(async () => ({ AuthenticationUrl: 'https://auth.example/x', $metadata: {} })),
    cancelParticipantAuthentication: jest.fn(async () => ({ $metadata: {} })),
  };
}
export type FakeClient = ReturnType<typeof fakeClient>;

type Listener = (info?: unknown) => void;

/** A websocket manager with upstream's interface whose events the test fires by hand. */
export class FakeManager {
  readonly topics: string[] = [];
  readonly listeners = new Map<string, Set<Listener>>();
  transport: (() => Promise<WebSocketTransportResult>) | null = null;
  closed = 0;
  initCalls = 0;

  constructor(readonly withDeepHeartbeat = true) {
    if (!withDeepHeartbeat) {
      (this as { onDeepHeartbeatSuccess?: unknown }).onDeepHeartbeatSuccess = undefined;
      (this as { onDeepHeartbeatFailure?: unknown }).onDeepHeartbeatFailure = undefined;
    }
  }

  private add(name: string, cb: Listener): Unsubscribe {
    const set = this.listeners.get(name) ?? new Set<Listener>();
    set.add(cb);
    this.listeners.set(name, set);
    return () => set.delete(cb);
  }
  count(name: string): number {
    return this.listeners.get(name)?.size ?? 0;
  }
  fire(name: string, info?: unknown): void {
    for (const cb of [...(this.listeners.get(name) ?? [])]) cb(info);
  }
  push(item: Partial<ChatTranscriptItem>): void {
    this.fire('message:aws/chat', { topic: 'aws/chat', content: JSON.stringify(item) });
  }

  subscribeTopics(topics: string[]): void {
    this.topics.push(...topics);
  }
  onMessage(topic: string, cb: (frame: WebSocketFrame) => void): Unsubscribe {
    return this.add(`message:${topic}`, cb as Listener);
  }
  onConnectionGain(cb: () => void): Unsubscribe {
    return this.add('gain', cb);
  }
  onConnectionLost(cb: Listener): Unsubscribe {
    return this.add('lost', cb);
  }
  onInitFailure(cb: Listener): Unsubscribe {
    return this.add('initFailure', cb);
  }
  onDeepHeartbeatSuccess(cb: Listener): Unsubscribe {
    return this.add('deepSuccess', cb);
  }
  onDeepHeartbeatFailure(cb: Listener): Unsubscribe {
    return this.add('deepFailure', cb);
  }
  init(transport: () => Promise<WebSocketTransportResult>): void {
    this.initCalls += 1;
    this.transport = transport;
  }
  closeWebSocket(): void {
    this.closed += 1;
  }
}

export const CUSTOMER_DETAILS = { contactId: 'c-1', participantId: 'p-cust', participantToken: 'pt-secret' };

export interface Harness<S> {
  session: S;
  controller: ChatCore;
  client: FakeClient;
  manager: FakeManager;
  managersCreated: FakeManager[];
}

function build(args: unknown, client: FakeClient, external: FakeManager | null) {
  const managersCreated: FakeManager[] = [];
  const deps: ChatCoreDeps = {
    client: (use) => {
      client.uses.push(use ?? 'default');
      return client as unknown as ReturnType<ChatCoreDeps['client']>;
    },
    attachments: {
      upload: jest.fn(async () => ({ AttachmentId: 'att-1' })),
      download: jest.fn(async () => new Blob(['x'])),
      url: jest.fn(async () => 'https://files.example/att-1'),
    },
    createManager: () => {
      const m = new FakeManager();
      managersCreated.push(m);
      return m;
    },
    logger: silentLogger,
  };
  // Each harness keeps its pending messages to itself (the page's sessionStorage would carry them to the next test).
  const normalized = normalizeCreateArgs(args);
  if (normalized.outbox.store === undefined) normalized.outbox = { ...normalized.outbox, store: new MemoryOutboxStore() };
  const controller = new ChatCore(normalized, deps);
  return { controller, managersCreated, external };
}

/** A customer session over fakes; `connect()` resolves once the test fires `gain` on the manager. */
export function customerHarness(details: object = CUSTOMER_DETAILS): Harness<CustomerChatSession> {
  const client = fakeClient();
  const { controller, managersCreated } = build({ type: 'CUSTOMER', chatDetails: details }, client, null);
  const session = new CustomerChatSession(controller);
  return {
    session,
    controller,
    client,
    get manager() {
      return managersCreated[managersCreated.length - 1];
    },
    managersCreated,
  };
}

/** An agent session on a shared (Streams-like) manager. */
export function agentHarness(manager: FakeManager, details: object, client = fakeClient()): Harness<AgentChatSession> {
  const { controller, managersCreated } = build({ type: 'AGENT', chatDetails: details, websocketManager: manager }, client, manager);
  return { session: new AgentChatSession(controller), controller, client, manager, managersCreated };
}

/** Lets queued promise callbacks and bus deliveries run. */
export async function flush(times = 5): Promise<void> {
  for (let i = 0; i < times; i += 1) await Promise.resolve();
}

/** Connects a customer harness: connect(), then the socket comes up. */
export async function connectCustomer(h: Harness<CustomerChatSession>): Promise<void> {
  const pending = h.session.connect();
  await flush();
  h.manager.fire('gain');
  await pending;
}

export const accessDenied = (): ChatServiceError =>
  new ChatServiceError({ type: 'AccessDeniedException', message: 'Access denied', statusCode: 403 });
