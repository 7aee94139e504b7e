// One websocket and everything that lives and dies with it: its subscriptions, its heartbeat and its
// timers. The manager holds at most two links (the current one and, during a rotation,
// the next one) and ignores every event of a link it no longer holds.
import type { Logger } from '../log/logger.js';
import type { WebSocketFrame } from '../types.js';
import { classifyFrame, parseFrame } from './frames.js';
import { Heartbeat, type HeartbeatEvents } from './heartbeat.js';
import { SubscriptionTracker, type SubscriptionEvents, type SubscriptionTimings } from './subscriptions.js';
import { TimerGroup } from '../timing/timers.js';
import type {
  ConnectionCloseInfo,
  DeepHeartbeatFailureInfo,
  DeepHeartbeatSuccessInfo,
  HeartbeatLateInfo,
  TopicFailureInfo,
  WebSocketConstructorLike,
  WebSocketLike,
} from './types.js';

export const READY_STATE = { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 } as const;

/** What a link reports to its owner; every call names the link so the owner can check it is still current. */
export interface LinkEvents {
  onOpen(link: Link): void;
  onClose(link: Link, info: { code: number | undefined; reason: string; wasClean: boolean }): void;
  onError(link: Link): void;
  onData(link: Link, frame: WebSocketFrame): void;
  onSubscribed(link: Link, frame: WebSocketFrame): void;
  onSubscriptionFailure(link: Link, frame: WebSocketFrame): void;
  onTopicFailure(link: Link, info: TopicFailureInfo): void;
  onHeartbeatMissed(link: Link): void;
  onHeartbeatLate(link: Link, info: HeartbeatLateInfo): void;
  onDeepHeartbeatSuccess(link: Link, info: DeepHeartbeatSuccessInfo): void;
  onDeepHeartbeatFailure(link: Link, info: DeepHeartbeatFailureInfo): void;
}

export interface LinkOptions extends SubscriptionTimings {
  url: string;
  /** Lifetime of the URL's connection, in ms (from the transport result). */
  lifetimeMs: number;
  heartbeatIntervalMs: number;
  heartbeatLateMs?: number;
  WebSocket: WebSocketConstructorLike;
  logger: Logger;
}

export class Link {
  readonly lifetimeMs: number;
  /** Owner-scoped timers of this socket (connect timeout, lifetime); cleared with the link. */
  readonly timers = new TimerGroup();
  readonly createdAt = Date.now();
  openedAt: number | null = null;
  private readonly socket: WebSocketLike;
  private readonly subscriptions: SubscriptionTracker;
  private readonly heartbeat: Heartbeat;
  private readonly log: Logger;
  private disposed = false;

  /** Throws when the WebSocket constructor does (bad URL, blocked by CSP). */
  constructor(
    options: LinkOptions,
    private readonly events: LinkEvents,
  ) {
    this.lifetimeMs = options.lifetimeMs;
    this.log = options.logger;
    const send = (data: string): void => {
      this.sendRaw(data);
    };
    this.subscriptions = new SubscriptionTracker(send, this.subscriptionEvents(), options);
    this.heartbeat = new Heartbeat(send, options.heartbeatIntervalMs, this.heartbeatEvents(), options.heartbeatLateMs);
    this.socket = new options.WebSocket(options.url);
    this.attach();
  }

  get isOpen(): boolean {
    return !this.disposed && this.socket.readyState === READY_STATE.OPEN;
  }

  subscribe(topics: Iterable<string>): void {
    if (this.isOpen) this.subscriptions.add(topics);
  }

  startHeartbeat(): void {
    if (this.isOpen) this.heartbeat.start();
  }

  /** Sends text if the socket is open; false otherwise. */
  sendRaw(data: string): boolean {
    if (!this.isOpen) return false;
    this.socket.send(data);
    return true;
  }

  /**
   * Detaches every handler, stops every timer and closes the socket. Returns the close payload when the
   * socket had opened (so the owner can fire onConnectionClose once), else null. Safe to call twice.
   */
  dispose(code: number, reason: string): ConnectionCloseInfo | null {
    if (this.disposed) return null;
    this.disposed = true;
    this.detach();
    if (this.socket.readyState === READY_STATE.CONNECTING || this.socket.readyState === READY_STATE.OPEN) {
      try {
        this.socket.close(code, reason);
      } catch {
        // Some implementations throw when closing a socket that never connected; it is dropped either way.
      }
    }
    return this.closeInfo({ code, reason, wasClean: code === 1000 });
  }

  closeInfo(info: { code: number | undefined; reason: string; wasClean: boolean }): ConnectionCloseInfo | null {
    if (this.openedAt === null) return null;
    const closeTimestamp = Date.now();
    return { openTimestamp: this.openedAt, closeTimestamp, connectionDuration: closeTimestamp - this.openedAt, ...info };
  }

  private attach(): void {
    const s = this.socket;
    s.onopen = () => {
      this.openedAt = Date.now();
      this.events.onOpen(this);
    };
    s.onclose = (ev) => {
      this.disposed = true;
      this.detach();
      this.events.onClose(this, { code: ev?.code, reason: ev?.reason ?? '', wasClean: ev?.wasClean === true });
    };
    s.onerror = () => this.events.onError(this);
    s.onmessage = (ev) => this.route(ev?.data);
  }

  private detach(): void {
    const s = this.socket;
    s.onopen = null;
    s.onclose = null;
    s.onerror = null;
    s.onmessage = null;
    this.heartbeat.stop();
    this.subscriptions.dispose();
    this.timers.clearAll();
  }

  private route(data: unknown): void {
    const frame = parseFrame(data);
    if (!frame) {
      if (data !== '' && data !== undefined) this.log.warn('WebSocketManager: ignoring a frame that is not a JSON object');
      return;
    }
    switch (classifyFrame(frame)) {
      case 'subscribe':
        return this.subscriptions.handleAck(frame);
      case 'heartbeat':
        return this.heartbeat.handleHeartbeat();
      case 'ping':
        return this.heartbeat.handlePing(frame);
      case 'topicFailure':
        return this.events.onTopicFailure(this, topicFailureInfo(frame));
      case 'data':
        return this.events.onData(this, frame);
      default:
        this.log.warn('WebSocketManager: ignoring a frame without topic');
    }
  }

  private subscriptionEvents(): SubscriptionEvents {
    return {
      onUpdate: (frame: WebSocketFrame) => this.events.onSubscribed(this, frame),
      onFailure: (frame: WebSocketFrame) => this.events.onSubscriptionFailure(this, frame),
    };
  }

  private heartbeatEvents(): HeartbeatEvents {
    return {
      onMissed: () => this.events.onHeartbeatMissed(this),
      onLate: (info: HeartbeatLateInfo) => this.events.onHeartbeatLate(this, info),
      onDeepSuccess: (info: DeepHeartbeatSuccessInfo) => this.events.onDeepHeartbeatSuccess(this, info),
      onDeepFailure: (info: DeepHeartbeatFailureInfo) => this.events.onDeepHeartbeatFailure(this, info),
    };
  }
}

function topicFailureInfo(frame: WebSocketFrame): TopicFailureInfo {
  return { timestamp: Date.now(), errorMessage: frame.message, connectionId: frame.connectionId, requestId: frame.requestId };
}
