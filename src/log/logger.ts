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

const ignore = (): void => undefined;

export const silentLogger: Logger = { debug: ignore, info: ignore, warn: ignore, error: ignore, advancedLog: ignore };
