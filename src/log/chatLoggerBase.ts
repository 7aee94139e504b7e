// `connect.ChatSession.Logger`: an empty logger apps may subclass and pass as `loggerConfig.customizedLogger`.
// Its methods do nothing, so a subclass only overrides the levels it cares about.

import type { ChatLogger } from '../types.js';
import { SilentLogger } from './logger.js';

export class ChatLoggerBase extends SilentLogger implements ChatLogger {
  [method: string]: ((...args: unknown[]) => unknown) | undefined;

  // 5.0.0's declarations type `ChatSession.Logger` as a logger object, so code may call them on the class.
  static debug(..._args: unknown[]): void {}
  static info(..._args: unknown[]): void {}
  static warn(..._args: unknown[]): void {}
  static error(..._args: unknown[]): void {}
}
