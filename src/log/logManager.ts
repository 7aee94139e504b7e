// Hands out prefixed loggers and writes their lines to whichever logger the app configured (none by default).
// Loggers read the manager's configuration on every call, so a logger created before `setGlobalConfig`
// follows it. Every argument is redacted before it is formatted; a logger that throws is ignored.

import { LOG_LEVELS } from '../constants.js';
import type { ChatLogger, ChatLoggerConfig } from '../types.js';
import { formatConsoleLine, formatCustomLine, type LogLevelName, type LogMetadata } from './format.js';
import type { Logger } from './logger.js';
import { redactValue } from './redact.js';

export type { LogMetadata } from './format.js';

/** Arguments of `getLogger`. */
export interface GetLoggerOptions {
  /** Names the part that writes, e.g. "ChatJS-ChatController". */
  prefix: string;
  /** The session the lines belong to. */
  metadata?: LogMetadata;
}

/** Where lines go: nowhere, the console, or one string per line to the app's (or Streams') logger. */
type LogSink = { kind: 'none' } | { kind: 'console' } | { kind: 'custom'; logger: ChatLogger };

const DEFAULT_LEVEL: number = LOG_LEVELS.INFO;
const DEFAULT_ADVANCED_LOG_WRITER = 'warn';
const CONSOLE_WRITERS: ReadonlySet<string> = new Set(['warn', 'info', 'debug', 'log']);

const LEVEL_NAMES: Record<LogLevelName, number> = LOG_LEVELS;

export class LogManager {
  private sink: LogSink = { kind: 'none' };
  private level = DEFAULT_LEVEL;
  private advancedLogWriter = DEFAULT_ADVANCED_LOG_WRITER;

  /**
   * Applies `loggerConfig`. Only the keys present change: a call with just `level` keeps the logger
   * (Streams installs its logger first and apps often tune the level later). The logger is chosen as
   * customizedLogger → logger → useDefaultLogger (console) → none.
   */
  updateLoggerConfig(config: ChatLoggerConfig | null | undefined): void {
    if (!config || typeof config !== 'object') return;
    if ('customizedLogger' in config || 'logger' in config || 'useDefaultLogger' in config) {
      this.sink = chooseSink(config);
    }
    if (config.level !== undefined) this.level = isFiniteNumber(config.level) ? config.level : DEFAULT_LEVEL;
    if (config.advancedLogWriter !== undefined) this.advancedLogWriter = this.checkedWriter(config.advancedLogWriter);
  }

  /** A logger bound to `prefix` and a session's metadata. */
  getLogger(options: GetLoggerOptions): Logger {
    const { prefix } = options;
    // Copied (and redacted) once: later changes to the caller's object do not leak into lines.
    const metadata = options.metadata ? (redactValue({ ...options.metadata }) as LogMetadata) : undefined;
    const write = (level: LogLevelName, args: unknown[]): void => this.write(level, prefix, metadata, args);
    return {
      debug: (...args) => write('DEBUG', args),
      info: (...args) => write('INFO', args),
      warn: (...args) => write('WARN', args),
      error: (...args) => write('ERROR', args),
      advancedLog: (...args) => write('ADVANCED_LOG', args),
    };
  }

  /** The configured level (10 … 50). */
  getLevel(): number {
    return this.level;
  }

  /** True when a line of `level` would be written somewhere. */
  isLevelEnabled(level: number): boolean {
    return this.sink.kind !== 'none' && level >= this.level;
  }

  private write(level: LogLevelName, prefix: string, metadata: LogMetadata | undefined, args: unknown[]): void {
    if (!this.isLevelEnabled(LEVEL_NAMES[level])) return;
    try {
      const safeArgs = args.map(redactValue);
      if (this.sink.kind === 'console') this.writeToConsole(level, prefix, metadata, safeArgs);
      if (this.sink.kind === 'custom') this.writeToCustom(this.sink.logger, level, metadata, safeArgs);
    } catch {
      // Logging must never break the SDK: a throwing logger or an odd argument loses one line, nothing more.
    }
  }

  private writeToConsole(level: LogLevelName, prefix: string, metadata: LogMetadata | undefined, args: unknown[]): void {
    const line = formatConsoleLine(level, prefix, args, metadata);
    // Every other level is written by the console method of its name.
    const method = level === 'ADVANCED_LOG' ? consoleWriter(this.advancedLogWriter) : (level.toLowerCase() as ConsoleMethod);
    console[method](line);
  }

  private writeToCustom(logger: ChatLogger, level: LogLevelName, metadata: LogMetadata | undefined, args: unknown[]): void {
    const name = level === 'ADVANCED_LOG' ? this.advancedLogWriter : level.toLowerCase();
    const method = logger[name] ?? logger.log;
    if (typeof method !== 'function') return;
    const result: unknown = method.call(logger, formatCustomLine(level, args, metadata));
    uploadIfRequested(result);
  }

  private checkedWriter(writer: string): string {
    const customLogger = this.sink.kind === 'custom' ? this.sink.logger : undefined;
    const isCustomMethod = typeof writer === 'string' && typeof customLogger?.[writer] === 'function';
    if (isCustomMethod || CONSOLE_WRITERS.has(writer)) return writer;
    console.error(
      `ChatJS: loggerConfig.advancedLogWriter "${String(writer)}" is not a method of the logger; using "${DEFAULT_ADVANCED_LOG_WRITER}".`,
    );
    return DEFAULT_ADVANCED_LOG_WRITER;
  }
}

function chooseSink(config: ChatLoggerConfig): LogSink {
  const custom = config.customizedLogger ?? config.logger;
  if (custom && typeof custom === 'object') return { kind: 'custom', logger: custom };
  if (config.useDefaultLogger === true) return { kind: 'console' };
  return { kind: 'none' };
}

type ConsoleMethod = 'debug' | 'info' | 'warn' | 'error' | 'log';

function consoleWriter(writer: string): ConsoleMethod {
  return CONSOLE_WRITERS.has(writer) ? (writer as ConsoleMethod) : 'warn';
}

// Streams' logger returns a log entry; calling sendInternalLogToServer() is how Streams uploads it.
function uploadIfRequested(result: unknown): void {
  if (result === null || typeof result !== 'object') return;
  const upload = (result as { sendInternalLogToServer?: unknown }).sendInternalLogToServer;
  if (typeof upload === 'function') upload.call(result);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** The manager the whole SDK logs through (`connect.LogManager` upstream). */
export const logManager = new LogManager();
