// The parts of one running emulator, built in dependency order and passed to every route module.
// Only route modules import this file; the parts themselves take just what they use, so no part
// depends on the whole.
import * as path from 'path';
import { createBot } from './chat/bots';
import { ChatService } from './chat/chatService';
import { Faults, targetMatches } from './control/faults';
import { PublicAddress } from './core/address';
import { RequestLog } from './core/requestLog';
import { Clock, Scheduler } from './core/scheduler';
import { AttachmentStore } from './store/attachmentStore';
import { Store } from './store/store';
import type { BotKind, EmulatorOptions } from './types';
import { WebsocketHub } from './websocket/hub';

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
  /** Where handed-out links point (the port is known once listening). */
  address: PublicAddress;
}

export function resolveOptions(options: EmulatorOptions): ResolvedOptions {
  return {
    port: options.port ?? DEFAULTS.port,
    host: options.host ?? DEFAULTS.host,
    bot: options.bot ?? DEFAULTS.bot,
    latencyMs: options.latencyMs ?? DEFAULTS.latencyMs,
    websocketUrlTtlMs: options.websocketUrlTtlMs ?? DEFAULTS.websocketUrlTtlMs,
    connectionTokenTtlMs: options.connectionTokenTtlMs ?? DEFAULTS.connectionTokenTtlMs,
    attachmentUploadTtlMs: options.attachmentUploadTtlMs ?? DEFAULTS.attachmentUploadTtlMs,
    botDelayMs: options.botDelayMs ?? DEFAULTS.botDelayMs,
    staticRoot: path.resolve(options.staticRoot ?? process.cwd()),
    tls: Boolean(options.cert && options.key),
    log: options.log ?? (() => undefined),
  };
}

export function createContext(options: ResolvedOptions): EmulatorContext {
  const scheduler = new Scheduler();
  const clock = new Clock();
  const store = new Store();
  const chat = new ChatService(store, clock);
  // The fault effects reach the hub through closures: faults are only applied once everything exists.
  const faults = new Faults(scheduler, {
    dropSockets: (target) => hub.drop(target),
    stallSockets: (target, durationMs) => hub.stall(target, durationMs),
    revokeConnectionTokens: (target) => store.revokeConnectionTokens((grant) => targetMatches(target, grant)),
  });
  const hub = new WebsocketHub({ store, clock, scheduler, faults });
  chat.addListener(hub);
  const bot = createBot(options.bot, chat, scheduler, options.botDelayMs);
  if (bot) chat.addListener(bot);
  const address = new PublicAddress(options.tls, options.port);
  return { options, scheduler, clock, store, chat, hub, faults, requests: new RequestLog(), attachments: new AttachmentStore(), address };
}
