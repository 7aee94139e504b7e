// Defaults, the module-wide configuration of `WebSocketManager.setGlobalConfig`, and the resolution of a
// `create(options)` call into the environment one manager runs in.
import { TIMINGS } from '../constants.js';
import { silentLogger, type Logger } from '../log/logger.js';
import { retryScheduleDelayMs } from '../timing/backoff.js';
import { defaultIsPageVisible, defaultNetworkEventTarget, defaultVisibilityEventTarget } from './networkWatcher.js';
import { networkSettings } from './networkSettings.js';
import type { EventSourceLike, ManagerTimings, WebSocketConstructorLike, WebSocketManagerOptions } from './types.js';

/** Defaults of every timing knob (all milliseconds); upstream's values where upstream has one. */
export const MANAGER_DEFAULTS: Readonly<ManagerTimings> = Object.freeze({
  heartbeatIntervalMs: TIMINGS.heartbeatIntervalMs, // 10 000: upstream tick
  // A reply this slow means frames sat somewhere (a half-open moment): the session checks for a gap.
  heartbeatLateMs: 2_000,
  // The reconnect budget (docs/connection-handling.md): about one try per 2 s in the first minute down
  // (the first after 1.2 s, then every 2.4 s on average), one per 12 s on average after that.
  backoffBaseMs: 1_200,
  backoffFastIntervalMs: 2_400,
  backoffFastWindowMs: 60_000,
  backoffMaxMs: 12_000,
  backoffJitter: 0.3,
  urlReuseWindowMs: TIMINGS.websocketUrlUsableMs, // 85 000
  connectTimeoutMs: 10_000,
  transportTimeoutMs: 30_000,
  rotationLeadMs: 30_000,
  subscribeRetryMs: 1_000,
  subscribeMaxUnanswered: 3,
  subscribeFailureRetryMs: 500,
  subscribeMaxFailures: 5,
});

/** Shape accepted by `WebSocketManager.setGlobalConfig` (upstream's keys). */
export interface WebSocketManagerGlobalConfig {
  loggerConfig?: { logger?: Partial<Logger> | null; level?: number; [key: string]: unknown } | null;
  webSocketManagerConfig?: { isNetworkOnline?: () => boolean; WebSocket?: WebSocketConstructorLike } | null;
}

/** The module-wide logger; the network settings live in networkSettings.ts, shared with ChatSession.setGlobalConfig. */
const globalConfig: { logger: Logger | null } = { logger: null };

/** Applies the module-wide online check and logger; later `create()` calls (and live managers' online checks) use them. */
export function setGlobalConfig(cfg: WebSocketManagerGlobalConfig | null | undefined): void {
  const online = cfg?.webSocketManagerConfig?.isNetworkOnline;
  if (typeof online === 'function') networkSettings.update({ isNetworkOnline: online });
  const Ctor = cfg?.webSocketManagerConfig?.WebSocket;
  if (typeof Ctor === 'function') networkSettings.update({ WebSocket: Ctor });
  const logger = cfg?.loggerConfig?.logger;
  if (logger && typeof logger === 'object') globalConfig.logger = completeLogger(logger);
}

/** What a session's connect() says when there is no WebSocket and none was injected (Node 20). */
export const NO_WEBSOCKET_MESSAGE =
  'connect(): this runtime has no WebSocket (Node 20 has none built in). Install the "ws" package and pass it: ' +
  "connect.ChatSession.setGlobalConfig({ webSocketManagerConfig: { WebSocket: require('ws') } }).";

/**
 * The WebSocket constructor a manager would use: its own option, else the one set by setGlobalConfig, else
 * `globalThis.WebSocket` (browsers, Node 22+). Undefined on Node 20 until one is injected.
 */
export function findWebSocket(own?: WebSocketConstructorLike | null): WebSocketConstructorLike | undefined {
  return own ?? networkSettings.configuredWebSocket() ?? (globalThis as { WebSocket?: WebSocketConstructorLike }).WebSocket;
}

/** A logger with every method, falling back to no-ops (apps pass loggers with only some methods). */
function completeLogger(partial: Partial<Logger>): Logger {
  const pick = (name: keyof Logger): Logger[keyof Logger] =>
    typeof partial[name] === 'function' ? (...args: unknown[]) => (partial[name] as (...a: unknown[]) => void).apply(partial, args) : silentLogger[name];
  return { debug: pick('debug'), info: pick('info'), warn: pick('warn'), error: pick('error'), advancedLog: pick('advancedLog') };
}

export interface ResolvedEnvironment {
  timings: ManagerTimings;
  /** Looked up when a socket is created, so a test or polyfill may install it late. */
  WebSocket: () => WebSocketConstructorLike | undefined;
  isNetworkOnline: () => boolean;
  networkEventTarget: EventSourceLike | null;
  visibilityEventTarget: EventSourceLike | null;
  isPageVisible: () => boolean;
  random: () => number;
  logger: Logger;
}

export function resolveEnvironment(options: WebSocketManagerOptions = {}): ResolvedEnvironment {
  const timings = { ...MANAGER_DEFAULTS };
  for (const key of Object.keys(MANAGER_DEFAULTS) as Array<keyof ManagerTimings>) {
    const value = options[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new RangeError(`WebSocketManager option ${key} must be a non-negative number (got ${String(value)})`);
    }
    timings[key] = value;
  }
  const ownOnline = options.isNetworkOnline;
  const logger = options.logger ?? globalConfig.logger ?? silentLogger;
  return {
    timings,
    WebSocket: () => findWebSocket(options.WebSocket),
    isNetworkOnline: () => {
      try {
        return (ownOnline ?? networkSettings.isNetworkOnline())() !== false;
      } catch (error) {
        logger.warn('WebSocketManager: isNetworkOnline threw; assuming online', error);
        return true;
      }
    },
    networkEventTarget: options.networkEventTarget === undefined ? defaultNetworkEventTarget() : options.networkEventTarget,
    visibilityEventTarget: options.visibilityEventTarget === undefined ? defaultVisibilityEventTarget() : options.visibilityEventTarget,
    isPageVisible: options.isPageVisible ?? defaultIsPageVisible,
    random: options.random ?? Math.random,
    logger,
  };
}

/** Delay of retry number `attempt` when the link has been in trouble for `downForMs`, under this environment's timings. */
export function reconnectDelayMs(env: ResolvedEnvironment, attempt: number, downForMs: number): number {
  const t = env.timings;
  const schedule = { baseMs: t.backoffBaseMs, fastIntervalMs: t.backoffFastIntervalMs, fastWindowMs: t.backoffFastWindowMs, slowIntervalMs: t.backoffMaxMs, jitter: t.backoffJitter };
  return retryScheduleDelayMs(attempt, downForMs, schedule, env.random);
}
