// The logging interface every part of the SDK writes through. The LogManager (logManager.ts) hands out
// instances bound to a prefix and a session's metadata; parts that run without one use `silentLogger`.

export interface Logger {
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
  /** Lifecycle lines that are written whenever a logger is configured, whatever the level. */
  advancedLog(...args: unknown[]): void;
}

/**
 * The one logger that writes nothing: parts without a logger use `silentLogger`, and the public base
 * loggers apps subclass (`ChatSession.Logger`, `WebSocketManager.Logger`) extend it.
 */
export class SilentLogger implements Logger {
  debug(..._args: unknown[]): void {}
  info(..._args: unknown[]): void {}
  warn(..._args: unknown[]): void {}
  error(..._args: unknown[]): void {}
  advancedLog(..._args: unknown[]): void {}
}

export const silentLogger: Logger = new SilentLogger();
