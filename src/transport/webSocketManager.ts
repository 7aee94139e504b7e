// The websocket manager: one explicit state machine (see `ManagerState` in types.ts) around at most two
// sockets. Every transition goes through `setState`, which clears the timers the old state owned; socket
// timers live in their `Link`, rotation timers in `Rotation`. The manager ignores events from any link it
// does not hold (`role`), so a late close of an old socket changes nothing.
//
// Failure model: a socket can close, error, never open, or go half-open (no heartbeat reply); the transport
// function can reject, hang or return junk; the network can be offline; the page can sleep. All but a
// terminal transport error or an invalid transport lead back to `waiting` → retry, with no retry cap.
import { ValueError } from '../errors.js';
import type { WebSocketFrame, WebSocketTransportResult } from '../types.js';
import { toError, WebSocketTransportError } from './errors.js';
import { callTransport, type TransportFn, type TransportOutcome } from './transportCall.js';
import { ManagerCallbacks } from './callbacks.js';
import { describeUrl, outgoingFrame, type ValidTransport } from './frames.js';
import { Link, type LinkEvents } from './link.js';
import { reconnectDelayMs, type ResolvedEnvironment } from './environment.js';
import { NetworkWatcher } from './networkWatcher.js';
import { failureInfo, lostInfo, openInfo, type CloseDetails } from './payloads.js';
import { Rotation } from './rotation.js';
import { TimerGroup } from '../timing/timers.js';
import {
  DisconnectReason,
  type ConnectionCloseInfo,
  type InitFailureInfo,
  type InitResult,
  type ManagerState,
} from './types.js';

const FINAL_STATES: ReadonlySet<ManagerState> = new Set(['closed', 'terminated']);

export class WebSocketManagerInstance extends ManagerCallbacks {
  private state: ManagerState = 'idle';
  /** Timers of the current state (transport timeout, connect timeout, retry); cleared by `setState`. */
  private readonly stateTimers = new TimerGroup();
  private readonly watcher: NetworkWatcher;
  private readonly topics = new Set<string>();
  private transportFn: TransportFn | null = null;
  private transport: (ValidTransport & { fetchedAt: number }) | null = null;
  private link: Link | null = null;
  private rotation: Rotation | null = null;
  /** Bumped per fetch and at teardown; answers of an older generation are ignored. */
  private generation = 0;
  /** Failed attempts since the link was last stable; drives the backoff. */
  private attempt = 0;
  /** Start of the current trouble: init, or the loss of a link that had been stable. Sets the retry pace. */
  private troubleSince = Date.now();
  private attemptStartedAt: number | null = null;
  private noOpenSince: number | null = null;
  private failure: InitFailureInfo | null = null;
  private settleInit: ((result: InitResult) => void) | null = null;

  constructor(private readonly env: ResolvedEnvironment) {
    super(env.logger);
    this.watcher = new NetworkWatcher({
      networkEventTarget: env.networkEventTarget,
      visibilityEventTarget: env.visibilityEventTarget,
      isPageVisible: env.isPageVisible,
      onOnline: () => this.wake(DisconnectReason.NetworkOnline),
      onOffline: () => this.log.info('WebSocketManager: network went offline'),
      onVisible: () => this.wake(DisconnectReason.PageVisible),
    });
  }

  // ---- public API ------------------------------------------------------------------------------------

  protected isUsable(): boolean {
    return this.state === 'open';
  }

  protected stoppedWith(): InitFailureInfo | null {
    return this.state === 'terminated' ? this.failure : null;
  }

  /** The current state (for diagnostics and tests). */
  getState(): ManagerState {
    return this.state;
  }

  /**
   * Stores the transport function and starts connecting. Resolves whether the first fetch failed (the
   * manager keeps retrying anyway). Later calls log a warning and return undefined, as upstream.
   */
  init(transportFn: () => Promise<WebSocketTransportResult> | WebSocketTransportResult): Promise<InitResult> | undefined {
    if (typeof transportFn !== 'function') throw new ValueError('transportFn must be a function');
    if (this.transportFn) {
      this.log.warn('WebSocketManager: init() was already called; ignoring this call');
      return undefined;
    }
    this.transportFn = transportFn;
    if (FINAL_STATES.has(this.state)) return Promise.resolve({ webSocketConnectionFailed: true });
    const result = new Promise<InitResult>((resolve) => (this.settleInit = resolve));
    this.noOpenSince = Date.now();
    this.troubleSince = this.noOpenSince;
    this.watcher.start();
    this.startAttempt(DisconnectReason.Init);
    return result;
  }

  subscribeTopics(topics: string[]): void {
    if (!Array.isArray(topics)) throw new ValueError('topics must be an array');
    if (FINAL_STATES.has(this.state)) return;
    const fresh = topics.filter((t): t is string => typeof t === 'string' && t !== '');
    fresh.forEach((t) => this.topics.add(t));
    if (this.state === 'subscribing' || this.state === 'open') this.link?.subscribe(fresh);
    this.rotation?.link?.subscribe(fresh);
  }

  /** Sends `{topic, content}` on the current socket; reserved topics and sends without an open socket are dropped. */
  sendMessage(frame: WebSocketFrame): void {
    if (typeof frame !== 'object' || frame === null) throw new ValueError('message must be an object');
    const text = outgoingFrame(frame);
    if (text === null) this.log.warn(`WebSocketManager: not sending a frame with a missing or reserved topic (${String(frame.topic)})`);
    else if (!this.link?.sendRaw(text)) this.log.warn('WebSocketManager: not sending a frame, no socket is open');
  }

  /**
   * Asks for a fresh connection now (e.g. after a token refresh). While the link is usable this is a
   * make-before-break rotation (no lost event); otherwise the backoff is reset and a new URL is fetched now.
   */
  reconnectNow(reason = 'reconnect requested'): void {
    this.log.info(`WebSocketManager: reconnectNow (${reason})`);
    if (this.state === 'open') return this.startRotation();
    if (this.state !== 'waiting' && this.state !== 'connecting' && this.state !== 'subscribing') return;
    this.dropCurrentLink(reason);
    this.attempt = 0;
    this.transport = null;
    this.startAttempt(DisconnectReason.ReconnectRequested);
  }

  /** Stops for good without a lost event: timers, sockets (code 1000), listeners of the environment. */
  closeWebSocket(): void {
    if (FINAL_STATES.has(this.state)) return;
    this.teardown('closed by client');
    this.topics.clear();
    this.setState('closed', DisconnectReason.ClosedByClient);
    this.resolveInit(true);
  }

  /** As closeWebSocket, then fires initFailure with `reason`. */
  terminateWebSocketManager(reason?: unknown): void {
    const message = typeof reason === 'string' && reason ? reason : 'terminated by client';
    this.fail(DisconnectReason.TerminatedByClient, message, reason instanceof Error ? reason : undefined);
  }

  // ---- state machine -----------------------------------------------------------------------------------

  /**
   * The only place `state` changes. Leaving a state clears the timers it owned (and the rotation of `open`);
   * final states are never left. Returns whether the machine is in `next` afterwards: a state-change
   * listener may have closed the manager, and callers must then not arm anything.
   */
  private setState(next: ManagerState, reason: DisconnectReason): boolean {
    if (next === this.state) return true;
    if (FINAL_STATES.has(this.state)) return false;
    const oldState = this.state;
    this.stateTimers.clearAll();
    if (oldState === 'open') this.stopRotation();
    this.state = next;
    this.log.info(`WebSocketManager: ${oldState} → ${next} (${reason})`);
    this.events.stateChange.emit({ oldState, newState: next, reason });
    return this.state === next;
  }

  /** Attempts a connection now: reuse a fresh URL, or fetch one. Offline → wait instead. */
  private startAttempt(reason: DisconnectReason): void {
    if (!this.env.isNetworkOnline()) {
      this.resolveInit(true); // as upstream: a fetch requested while offline reports failure
      this.scheduleRetry(DisconnectReason.Offline);
      return;
    }
    this.attemptStartedAt = Date.now();
    const t = this.transport;
    if (t && Date.now() - t.fetchedAt <= this.env.timings.urlReuseWindowMs) return this.openSocket(reason);
    this.fetchTransport(reason);
  }

  private fetchTransport(reason: DisconnectReason): void {
    if (!this.setState('fetching', reason)) return;
    const generation = ++this.generation;
    const timeout = new WebSocketTransportError(DisconnectReason.TransportTimeout, 'the transport function did not settle in time');
    this.stateTimers.set('transportTimeout', this.env.timings.transportTimeoutMs, () =>
      this.onFetched(generation, { kind: 'retry', error: timeout }),
    );
    void callTransport(this.transportFn as TransportFn).then((outcome) => this.onFetched(generation, outcome));
  }

  private onFetched(generation: number, outcome: TransportOutcome): void {
    if (generation !== this.generation || this.state !== 'fetching') return; // stale: timed out or stopped
    this.resolveInit(outcome.kind !== 'ok');
    if (outcome.kind === 'terminal') return this.fail(outcome.reason, outcome.message, outcome.error);
    if (outcome.kind === 'retry') {
      this.log.warn(`WebSocketManager: transport function failed (${outcome.error.message}); retrying`);
      this.scheduleRetry(DisconnectReason.TransportFailed);
      return;
    }
    this.transport = { ...outcome.transport, fetchedAt: Date.now() };
    this.openSocket(DisconnectReason.TransportFetched);
  }

  private openSocket(reason: DisconnectReason): void {
    const transport = this.transport as ValidTransport;
    if (!this.setState('connecting', reason)) return;
    let link: Link;
    try {
      link = this.createLink(transport);
    } catch (error) {
      this.log.warn('WebSocketManager: could not create a socket', toError(error, 'WebSocket constructor threw'));
      this.transport = null; // the URL may be what the constructor refused
      this.scheduleRetry(DisconnectReason.SocketError);
      return;
    }
    this.link = link;
    this.stateTimers.set('connectTimeout', this.env.timings.connectTimeoutMs, () =>
      this.onLinkDown(link, DisconnectReason.ConnectTimeout, null),
    );
  }

  private createLink(transport: ValidTransport): Link {
    const Ctor = this.env.WebSocket();
    if (!Ctor) throw new WebSocketTransportError(DisconnectReason.SocketError, 'no WebSocket implementation available');
    this.log.info(`WebSocketManager: opening ${describeUrl(transport.url)}`);
    const { timings, logger } = this.env;
    const options = { ...timings, url: transport.url, lifetimeMs: transport.lifetimeMs, WebSocket: Ctor, logger };
    return new Link(options, this.linkEvents);
  }

  private onPrimaryOpen(link: Link): void {
    const subscribe = this.topics.size > 0;
    if (subscribe && !this.setState('subscribing', DisconnectReason.SocketOpened)) return;
    this.events.open.emit(openInfo(link, this.attempt, this.attemptStartedAt, this.noOpenSince));
    if (link !== this.link) return; // an open listener closed or replaced it
    // The subscribe goes first: until the service has it, nothing sent to the chat reaches this socket.
    if (subscribe) link.subscribe(this.topics);
    link.startHeartbeat();
    this.armLifetime(link);
    if (!subscribe) this.becomeUsable(DisconnectReason.SocketOpened);
  }

  private becomeUsable(reason: DisconnectReason): void {
    if (this.state === 'open' || !this.setState('open', reason)) return;
    this.noOpenSince = null;
    this.events.gain.emit();
  }

  /**
   * The current link failed or closed: close event, then back to `waiting`, then (if the link was usable)
   * one lost event. The backoff restarts only when the link had stayed up for a heartbeat interval, so a
   * server that accepts and drops at once cannot pull us into a tight loop.
   */
  private onLinkDown(link: Link, reason: DisconnectReason, close: CloseDetails | null, error?: Error): void {
    if (link !== this.link) return;
    const wasUsable = this.state === 'open';
    this.link = null;
    this.emitClose(close ? link.closeInfo(close) : link.dispose(1000, reason));
    if (FINAL_STATES.has(this.state)) return; // a close listener stopped the manager
    if (link.openedAt === null) this.transport = null; // never opened: do not trust that URL again
    const now = Date.now();
    if (wasUsable && link.openedAt !== null && now - link.openedAt >= this.env.timings.heartbeatIntervalMs) {
      this.attempt = 0;
      this.troubleSince = now;
    }
    this.noOpenSince ??= now;
    if (this.scheduleRetry(reason) && wasUsable) this.events.lost.emit(lostInfo(link, reason, close, error));
  }

  /** Back to `waiting` with the next backoff delay; false when the manager was stopped meanwhile. */
  private scheduleRetry(reason: DisconnectReason): boolean {
    this.attempt += 1;
    if (!this.setState('waiting', reason)) return false;
    const delay = reconnectDelayMs(this.env, this.attempt, Date.now() - this.troubleSince);
    this.log.info(`WebSocketManager: retry ${this.attempt} in ${delay} ms (${reason})`);
    this.stateTimers.set('retry', delay, () => this.startAttempt(reason));
    return true;
  }

  /** online / visible: skip the rest of the backoff wait. */
  private wake(reason: DisconnectReason): void {
    if (this.state !== 'waiting') return;
    this.attempt = 0;
    this.startAttempt(reason);
  }

  private fail(reason: DisconnectReason, message: string, error?: Error): void {
    if (FINAL_STATES.has(this.state)) return;
    this.teardown(message);
    const failure = failureInfo(this.attempt, this.attemptStartedAt, reason, message, error);
    this.failure = failure;
    this.setState('terminated', reason);
    this.resolveInit(true);
    this.log.error(`WebSocketManager: stopped for good: ${message}`);
    this.events.initFailure.emit(failure);
  }

  private teardown(reason: string): void {
    this.generation += 1; // whatever is in flight now is stale
    this.stopRotation();
    this.dropCurrentLink(reason);
    this.watcher.stop();
    this.transport = null;
  }

  private dropCurrentLink(reason: string): void {
    const link = this.link;
    this.link = null;
    if (link) this.emitClose(link.dispose(1000, reason));
  }

  // ---- rotation (sub-phase of `open`) ------------------------------------------------------------------

  private armLifetime(link: Link): void {
    if (link !== this.link) return; // never arm timers on a link the manager has let go
    const due = Math.max(link.lifetimeMs - this.env.timings.rotationLeadMs, 0);
    link.timers.set('lifetime', due, () => {
      if (link === this.link && this.state === 'open') this.startRotation();
    });
  }

  private startRotation(): void {
    if (this.state !== 'open' || this.rotation) return;
    this.log.info('WebSocketManager: rotating to a new socket (make-before-break)');
    this.rotation = new Rotation(this.env, {
      transportFn: this.transportFn as TransportFn,
      rememberTransport: (t) => (this.transport = { ...t, fetchedAt: Date.now() }),
      openNextLink: (t) => this.createLink(t),
      dropLink: (link, reason) => this.emitClose(link.dispose(1000, reason)),
      onTerminal: (reason, message, error) => this.fail(reason, message, error),
    });
    this.rotation.start();
  }

  private stopRotation(): void {
    const rotation = this.rotation;
    this.rotation = null;
    rotation?.stop();
  }

  /** The next socket is acked: it becomes current, the old one is closed with 1000. No lost, no gain. */
  private promote(next: Link): void {
    const old = this.link;
    this.rotation?.release();
    this.rotation = null;
    this.link = next;
    next.startHeartbeat();
    this.armLifetime(next);
    if (old) this.emitClose(old.dispose(1000, 'rotated to a new socket'));
    this.log.info('WebSocketManager: rotation complete');
  }

  // ---- link events ---------------------------------------------------------------------------------------

  private role(link: Link): 'current' | 'next' | 'stale' {
    if (link === this.link) return 'current';
    if (link === this.rotation?.link) return 'next';
    return 'stale';
  }

  private readonly linkEvents: LinkEvents = {
    onOpen: (link) => {
      const role = this.role(link);
      if (role === 'current' && this.state === 'connecting') this.onPrimaryOpen(link);
      else if (role === 'next') this.onNextOpen(link);
    },
    onClose: (link, close) => this.onLinkGone(link, DisconnectReason.SocketClosed, close),
    onError: (link) => this.onLinkGone(link, DisconnectReason.SocketError, null),
    onData: (link, frame) => {
      // Only the current socket delivers: the next one is not current until acked, the old one is closed then.
      if (this.role(link) === 'current') this.events.deliver(frame);
    },
    onSubscribed: (link, frame) => {
      const role = this.role(link);
      if (role === 'stale') return;
      this.events.subscriptionUpdate.emit(frame);
      if (role === 'next') this.promote(link);
      else if (this.state === 'subscribing') this.becomeUsable(DisconnectReason.Subscribed);
    },
    onSubscriptionFailure: (link, frame) => {
      const role = this.role(link);
      if (role === 'current') this.events.subscriptionFailure.emit(frame);
      else if (role === 'next') this.rotation?.linkFailed('next socket subscription failed');
    },
    onTopicFailure: (link, info) => {
      if (this.role(link) !== 'stale') this.events.topicFailure.emit(info);
    },
    onHeartbeatMissed: (link) => {
      const error = new WebSocketTransportError(DisconnectReason.HeartbeatMissed, 'no heartbeat reply before the next tick');
      if (this.role(link) === 'current') this.onLinkDown(link, DisconnectReason.HeartbeatMissed, null, error);
    },
    onHeartbeatLate: (link, info) => {
      if (this.role(link) === 'current') this.events.heartbeatLate.emit(info);
    },
    onDeepHeartbeatSuccess: (link, info) => {
      if (this.role(link) === 'current') this.events.deepHeartbeatSuccess.emit(info);
    },
    onDeepHeartbeatFailure: (link, info) => {
      if (this.role(link) === 'current') this.events.deepHeartbeatFailure.emit(info);
    },
  };

  private onLinkGone(link: Link, reason: DisconnectReason, close: CloseDetails | null): void {
    const role = this.role(link);
    if (role === 'current') {
      const error = new WebSocketTransportError(reason, close ? `socket closed (${close.code ?? 'no code'})` : 'socket error');
      return this.onLinkDown(link, reason, close, error);
    }
    if (role !== 'next') return;
    if (close) this.emitClose(link.closeInfo(close)); // it disposed itself; the rotation's dispose is a no-op
    this.rotation?.linkFailed(close ? 'next socket closed' : 'next socket errored');
  }

  private onNextOpen(link: Link): void {
    this.events.open.emit(openInfo(link, 0, link.createdAt, null));
    if (this.topics.size > 0) link.subscribe(this.topics);
    else this.promote(link); // nothing to subscribe, so no ack will come: the socket is ready now
  }

  // ---- helpers ---------------------------------------------------------------------------------------

  private emitClose(info: ConnectionCloseInfo | null): void {
    if (info) this.events.close.emit(info);
  }

  private resolveInit(failed: boolean): void {
    const settle = this.settleInit;
    this.settleInit = null;
    settle?.({ webSocketConnectionFailed: failed });
  }
}
