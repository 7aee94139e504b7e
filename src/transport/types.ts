// The transport's own contract: states, reason codes, options, the injected environment and the payload of
// every manager event. The module object and its instances are in webSocketManager.ts / index.ts.
import type { Logger } from '../log/logger.js';
import type { DisconnectReason } from '../errors.js';
import type { WebSocketConstructorLike, WebSocketFrame } from '../types.js';

/**
 * The one state variable of a manager.
 * - `idle`: created, `init()` not called yet.
 * - `fetching`: the transport function is running (a new URL is being fetched).
 * - `connecting`: a socket was created and has not opened yet.
 * - `subscribing`: the socket is open, the subscribe ack for its topics has not arrived yet.
 * - `open`: the link is usable (acked, or no topics to subscribe). Only here may a URL rotation run.
 * - `waiting`: an attempt failed or the network is offline; a backoff timer will try again.
 * - `closed`: `closeWebSocket()` was called. Final.
 * - `terminated`: the manager gave up (terminal transport error, invalid transport, `terminateWebSocketManager`). Final.
 */
export type ManagerState = 'idle' | 'fetching' | 'connecting' | 'subscribing' | 'open' | 'waiting' | 'closed' | 'terminated';

export { DisconnectReason } from '../errors.js';

export type { WebSocketConstructorLike, WebSocketLike } from '../types.js';

/** Where `online`/`offline` (window) or `visibilitychange` (document) events come from. */
export interface EventSourceLike {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

/** Timing knobs, all in milliseconds. Defaults: `MANAGER_DEFAULTS`. */
export interface ManagerTimings {
  /** Heartbeat and deep-heartbeat tick; a heartbeat reply must arrive before the next tick. */
  heartbeatIntervalMs: number;
  /** A heartbeat reply slower than this is reported by `onHeartbeatLate` (the link stays up). */
  heartbeatLateMs: number;
  /** Mean delay of the first retry; later ones double from it up to the pace of the phase. */
  backoffBaseMs: number;
  /** Mean spacing of retries while the link has been in trouble for less than `backoffFastWindowMs`. */
  backoffFastIntervalMs: number;
  /** How long the fast pace holds after the link went down (or first failed to come up). */
  backoffFastWindowMs: number;
  /** Mean spacing of retries after the fast window: the slowest pace. */
  backoffMaxMs: number;
  /** Jitter fraction: each delay is scaled by a random factor in [1 - jitter, 1 + jitter] around its mean. */
  backoffJitter: number;
  /** A fetched URL is reused for re-connects this long after the fetch. */
  urlReuseWindowMs: number;
  /** A socket that has not opened after this long counts as failed. */
  connectTimeoutMs: number;
  /** A transport function that has not settled after this long counts as failed (its late answer is ignored). */
  transportTimeoutMs: number;
  /** Rotation starts this long before the socket's lifetime ends. */
  rotationLeadMs: number;
  /** An unanswered subscribe is re-sent this often. */
  subscribeRetryMs: number;
  /** subscriptionFailure fires once more than this many subscribes went unanswered. */
  subscribeMaxUnanswered: number;
  /** A refused subscribe is re-sent after this long. */
  subscribeFailureRetryMs: number;
  /** Every this-many consecutive refusals fire subscriptionFailure. */
  subscribeMaxFailures: number;
}

/** Options of `WebSocketManager.create(options)`. Every field is optional. */
export interface WebSocketManagerOptions extends Partial<ManagerTimings> {
  /**
   * WebSocket constructor (Node 20: `require('ws')`). Default: the one given to `setGlobalConfig`, else
   * `globalThis.WebSocket`, looked up when a socket is created.
   */
  WebSocket?: WebSocketConstructorLike;
  /** Online check. Default: the one set by `setGlobalConfig`, else `navigator.onLine`, else true. */
  isNetworkOnline?: () => boolean;
  /** Source of `online`/`offline`. Default: `window` when present; `null` disables. */
  networkEventTarget?: EventSourceLike | null;
  /** Source of `visibilitychange`. Default: `document` when present; `null` disables. */
  visibilityEventTarget?: EventSourceLike | null;
  /** Visibility check used on `visibilitychange`. Default: `document.visibilityState !== 'hidden'`. */
  isPageVisible?: () => boolean;
  /** Random source in [0, 1) for backoff jitter. Default: `Math.random`. */
  random?: () => number;
  /** Logger. Default: the one set by `setGlobalConfig`, else silent. */
  logger?: Logger;
}

/** `onConnectionOpen` payload (per socket). Times are epoch ms. */
export interface ConnectionOpenInfo {
  connectWebSocketRetryCount: number;
  connectionAttemptStartTime: number;
  noOpenConnectionsTimestamp: number | null;
  connectionEstablishedTime: number;
  timeToConnect: number;
  timeWithoutConnection: number | null;
}

/** `onConnectionClose` payload (per socket that had opened). */
export interface ConnectionCloseInfo {
  openTimestamp: number;
  closeTimestamp: number;
  connectionDuration: number;
  code: number | undefined;
  reason: string;
  wasClean: boolean;
}

/** `onConnectionLost` payload: the link went down. `disconnectReason` says why in our terms. */
export interface ConnectionLostInfo {
  openTimestamp: number | null;
  closeTimestamp: number;
  connectionDuration: number | null;
  code: number | undefined;
  reason: string;
  disconnectReason: DisconnectReason;
  error?: Error;
}

/** `onInitFailure` payload: the manager stopped for good. */
export interface InitFailureInfo {
  connectWebSocketRetryCount: number;
  connectionAttemptStartTime: number | null;
  reason: string;
  disconnectReason: DisconnectReason;
  error?: Error;
}

export interface DeepHeartbeatSuccessInfo {
  timestamp: number;
}
/** `onHeartbeatLate` payload (this SDK's addition): a heartbeat reply came, but slower than `heartbeatLateMs`. */
export interface HeartbeatLateInfo {
  timestamp: number;
  roundTripMs: number;
}
export interface DeepHeartbeatFailureInfo {
  timestamp: number;
  error?: Error;
  statusCode?: unknown;
  statusContent?: unknown;
}
export interface TopicFailureInfo {
  timestamp: number;
  errorMessage: unknown;
  connectionId: unknown;
  requestId: unknown;
}
export interface StateChangeInfo {
  oldState: ManagerState;
  newState: ManagerState;
  reason: DisconnectReason;
}

/** What `init()` resolves with: whether the first fetch failed. */
export interface InitResult {
  webSocketConnectionFailed: boolean;
}

export type FrameCallback = (frame: WebSocketFrame) => void;
