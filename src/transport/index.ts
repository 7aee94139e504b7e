// The transport's public surface: the `WebSocketManager` module object (upstream's shape) and its types.
import { LOG_LEVELS } from '../constants.js';
import { SilentLogger } from '../log/logger.js';
import { resolveEnvironment, setGlobalConfig, type WebSocketManagerGlobalConfig } from './environment.js';
import type { WebSocketManagerOptions } from './types.js';
import { WebSocketManagerInstance } from './webSocketManager.js';

/** Base logger with no-op methods, for apps to extend (as upstream's `Logger`). */
export class WebSocketManagerLogger extends SilentLogger {}

export interface WebSocketManagerModule {
  /** A new manager on each call. Upstream passed log metadata here; unknown keys are ignored. */
  create(options?: WebSocketManagerOptions): WebSocketManagerInstance;
  setGlobalConfig(cfg: WebSocketManagerGlobalConfig | null | undefined): void;
  LogLevel: typeof LOG_LEVELS;
  Logger: typeof WebSocketManagerLogger;
}

export const WebSocketManager: WebSocketManagerModule = Object.freeze({
  create: (options?: WebSocketManagerOptions) => new WebSocketManagerInstance(resolveEnvironment(options ?? {})),
  setGlobalConfig,
  LogLevel: LOG_LEVELS,
  Logger: WebSocketManagerLogger,
});

export { WebSocketManagerInstance } from './webSocketManager.js';
export { MANAGER_DEFAULTS, findWebSocket, type WebSocketManagerGlobalConfig } from './environment.js';
export { backoffDelayMs, type BackoffOptions } from '../timing/backoff.js';
export { TerminalTransportError, WebSocketTransportError, isTerminalTransportError } from './errors.js';
export { isAllowedSocketUrl, validateTransportResult } from './frames.js';
export * from './types.js';
