// The parts of one running emulator, passed to every route module.
import type { AttachmentStore } from './attachments';
import type { ChatService } from './chatService';
import type { Faults } from './faults';
import type { RequestLog } from './requestLog';
import type { Clock, Scheduler } from './scheduler';
import type { Store } from './store';
import type { BotKind } from './types';
import type { WebsocketHub } from './websocketHub';

export interface ResolvedOptions {
  port: number;
  host: string;
  bot: BotKind;
  latencyMs: number;
  websocketUrlTtlMs: number;
  connectionTokenTtlMs: number;
  attachmentUploadTtlMs: number;
  botDelayMs: number;
  staticRoot: string;
  tls: boolean;
  log: (line: string) => void;
}

export const DEFAULTS = {
  port: 9100,
  host: '127.0.0.1',
  bot: 'none' as BotKind,
  latencyMs: 0,
  websocketUrlTtlMs: 100_000,
  connectionTokenTtlMs: 24 * 60 * 60 * 1000,
  attachmentUploadTtlMs: 5 * 60 * 1000,
  botDelayMs: 150,
};

export interface EmulatorContext {
  options: ResolvedOptions;
  store: Store;
  clock: Clock;
  scheduler: Scheduler;
  chat: ChatService;
  hub: WebsocketHub;
  faults: Faults;
  requests: RequestLog;
  attachments: AttachmentStore;
  /** The port actually bound (known once listening). */
  port(): number;
}

/** Base URL for links handed to clients; always 127.0.0.1 because chatjs only accepts `ws://127.0.0.1:`. */
export function loopbackUrl(ctx: EmulatorContext, scheme: 'http' | 'ws'): string {
  const secure = ctx.options.tls ? 's' : '';
  return `${scheme}${secure}://127.0.0.1:${ctx.port()}`;
}
