// Test doubles for the transport: a fake WebSocket class that records every instance and every frame it
// was asked to send, with controls to open/close/error it and push server frames; a fake transport
// function whose answers the test scripts; and a fake event target for online/offline/visibility.
import type { WebSocketTransportResult } from '../../../src/types';
import type { EventSourceLike, WebSocketManagerOptions } from '../../../src/transport';

type Handler<E> = ((event: E) => void) | null;

export class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  /** Every socket created since the last `reset()`, oldest first. */
  static instances: FakeSocket[] = [];

  readyState = FakeSocket.CONNECTING;
  readonly sent: string[] = [];
  closedWith: { code?: number; reason?: string } | null = null;
  onopen: Handler<unknown> = null;
  onclose: Handler<{ code?: number; reason?: string; wasClean?: boolean }> = null;
  onerror: Handler<unknown> = null;
  onmessage: Handler<{ data?: unknown }> = null;

  constructor(readonly url: string) {
    FakeSocket.instances.push(this);
  }

  static reset(): void {
    FakeSocket.instances = [];
  }
  static last(): FakeSocket {
    const socket = FakeSocket.instances[FakeSocket.instances.length - 1];
    if (!socket) throw new Error('no FakeSocket was created');
    return socket;
  }

  send(data: string): void {
    if (this.readyState !== FakeSocket.OPEN) throw new Error('FakeSocket.send while not open');
    this.sent.push(data);
  }
  /** Client-initiated close: recorded; the close event is not delivered (the manager detaches first). */
  close(code?: number, reason?: string): void {
    this.closedWith = { code, reason };
    this.readyState = FakeSocket.CLOSED;
  }

  // ---- server / network side -------------------------------------------------------------------------
  open(): void {
    this.readyState = FakeSocket.OPEN;
    this.onopen?.({});
  }
  serverClose(code = 1006, reason = '', wasClean = false): void {
    this.readyState = FakeSocket.CLOSED;
    this.onclose?.({ code, reason, wasClean });
  }
  error(): void {
    this.onerror?.({});
  }
  push(frame: unknown): void {
    this.onmessage?.({ data: typeof frame === 'string' ? frame : JSON.stringify(frame) });
  }
  ackSubscribe(topics: string[] = ['aws/chat'], status = 'success'): void {
    this.push({ topic: 'aws/subscribe', content: { status, topics } });
  }
  replyHeartbeat(): void {
    this.push({ topic: 'aws/heartbeat' });
  }
  replyPing(statusCode = 200, statusContent?: unknown): void {
    this.push({ topic: 'aws/ping', statusCode, statusContent });
  }

  /** Sent frames, parsed. */
  frames(): Array<{ topic?: string; content?: unknown }> {
    return this.sent.map((s) => JSON.parse(s) as { topic?: string; content?: unknown });
  }
  topicsSent(): Array<string | undefined> {
    return this.frames().map((f) => f.topic);
  }
}

/** A scriptable transport function: each call takes the next scripted answer, else a fresh valid result. */
export class FakeTransport {
  calls = 0;
  private readonly script: Array<{ kind: 'resolve'; value: unknown } | { kind: 'reject'; error: unknown } | { kind: 'hang' }> = [];
  readonly fn = (): Promise<WebSocketTransportResult> => {
    this.calls += 1;
    const next = this.script.shift();
    if (!next) return Promise.resolve(validTransport(`wss://example.test/connect?AuthToken=t${this.calls}`));
    if (next.kind === 'reject') return Promise.reject(next.error);
    if (next.kind === 'hang') return new Promise<WebSocketTransportResult>(() => undefined);
    return Promise.resolve(next.value as WebSocketTransportResult);
  };

  resolveNext(value: unknown): this {
    this.script.push({ kind: 'resolve', value });
    return this;
  }
  rejectNext(error: unknown, times = 1): this {
    for (let i = 0; i < times; i += 1) this.script.push({ kind: 'reject', error });
    return this;
  }
  hangNext(): this {
    this.script.push({ kind: 'hang' });
    return this;
  }
}

export const validTransport = (url = 'wss://example.test/connect', transportLifeTimeInSeconds = 3540): WebSocketTransportResult => ({
  webSocketTransport: { url, transportLifeTimeInSeconds, expiry: null },
});

/** A minimal EventTarget stand-in with `fire(type)`. */
export class FakeEventSource implements EventSourceLike {
  private readonly listeners = new Map<string, Set<() => void>>();
  addEventListener(type: string, listener: () => void): void {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)?.add(listener);
  }
  removeEventListener(type: string, listener: () => void): void {
    this.listeners.get(type)?.delete(listener);
  }
  fire(type: string): void {
    for (const l of [...(this.listeners.get(type) ?? [])]) l();
  }
  count(type?: string): number {
    if (type) return this.listeners.get(type)?.size ?? 0;
    return [...this.listeners.values()].reduce((n, s) => n + s.size, 0);
  }
}

/** Settles pending promise callbacks (transport answers) without moving the fake clock. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
}

/** Moves the fake clock and settles promises started along the way. */
export async function advance(ms: number): Promise<void> {
  await jest.advanceTimersByTimeAsync(ms);
  await flush();
}

export interface Harness {
  transport: FakeTransport;
  network: FakeEventSource;
  visibility: FakeEventSource;
  online: { value: boolean };
  visible: { value: boolean };
  options: WebSocketManagerOptions;
}

/**
 * Options wiring every injectable to a fake; `random` is fixed at 0.5 (no jitter) and the first retry at
 * 1 s (so tests count in round seconds) unless overridden. The default schedule is tested in
 * WebSocketManager.schedule.test.ts.
 */
export function harness(overrides: WebSocketManagerOptions = {}): Harness {
  const network = new FakeEventSource();
  const visibility = new FakeEventSource();
  const online = { value: true };
  const visible = { value: true };
  const transport = new FakeTransport();
  const options: WebSocketManagerOptions = {
    WebSocket: FakeSocket,
    isNetworkOnline: () => online.value,
    networkEventTarget: network,
    visibilityEventTarget: visibility,
    isPageVisible: () => visible.value,
    random: () => 0.5,
    backoffBaseMs: 1000,
    ...overrides,
  };
  return { transport, network, visibility, online, visible, options };
}

type Manager = import('../../../src/transport').WebSocketManagerInstance;

/**
 * A manager wired to `h` (`listen` registers handlers before anything happens), initialised, with its first
 * socket open and the subscribe for `topics` sent but not yet answered.
 */
export async function openSubscribing(
  h: Harness,
  listen: (manager: Manager) => void = () => undefined,
  topics: string[] = ['aws/chat'],
): Promise<{ manager: Manager; socket: FakeSocket }> {
  const { WebSocketManager } = await import('../../../src/transport');
  const manager = WebSocketManager.create(h.options);
  listen(manager);
  manager.subscribeTopics(topics);
  void manager.init(h.transport.fn);
  await flush();
  const socket = FakeSocket.last();
  socket.open();
  return { manager, socket };
}

/** A manager wired to `h`, initialised, with its first socket open and `topics` acked. */
export async function openManager(h: Harness, topics: string[] = ['aws/chat']): Promise<{ manager: Manager; socket: FakeSocket }> {
  const opened = await openSubscribing(h, undefined, topics);
  if (topics.length > 0) opened.socket.ackSubscribe(topics);
  return opened;
}
