// Logging: the Logger interface every part writes through, the manager that routes lines, and redaction.
export type { Logger } from './logger.js';
export { silentLogger } from './logger.js';
export { LogManager, logManager, type GetLoggerOptions, type LogMetadata } from './logManager.js';
export { ChatLoggerBase } from './chatLoggerBase.js';
export { redactString, redactValue, REDACTED } from './redact.js';
