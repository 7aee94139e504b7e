// Public entry of the local Amazon Connect chat emulator: `startEmulator(options)`.
import type { AddressInfo } from 'net';
import * as path from 'path';
import { AttachmentStore } from './attachments';
import { createBot } from './bots';
import { ChatService } from './chatService';
import { DEFAULTS, EmulatorContext, ResolvedOptions } from './context';
import { Faults, targetMatches } from './faults';
import { RequestLog } from './requestLog';
import { Clock, Scheduler } from './scheduler';
import { createServer } from './server';
import { Store } from './store';
import type { EmulatorHandle, EmulatorOptions } from './types';
import { WebsocketHub } from './websocketHub';

export type { AttachmentItem, BotKind, EmulatorHandle, EmulatorOptions, Item, MessageMetadata, ParticipantRole, Receipt } from './types';

/** Starts the emulator; resolves once it listens. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<EmulatorHandle> {
  const resolved = resolveOptions(options);
  const ctx = assembleContext(resolved);
  const server = createServer(ctx, options.cert && options.key ? { cert: options.cert, key: options.key } : undefined);
  const sockets = new Set<import('net').Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(resolved.port, resolved.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (err) => resolved.log(`server error: ${err.message}`));
  const port = (server.address() as AddressInfo).port;
  boundPorts.set(ctx, port);
  const url = `${resolved.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      ctx.scheduler.clearAll();
      await ctx.hub.closeAll();
      sockets.forEach((socket) => socket.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    })();
    return closing;
  };
  return { url, port, close };
}

const boundPorts = new WeakMap<EmulatorContext, number>();

function resolveOptions(options: EmulatorOptions): ResolvedOptions {
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

function assembleContext(options: ResolvedOptions): EmulatorContext {
  const scheduler = new Scheduler();
  const clock = new Clock();
  const store = new Store();
  const chat = new ChatService(store, clock);
  const ctx = { options, scheduler, clock, store, chat, requests: new RequestLog(), attachments: new AttachmentStore() } as EmulatorContext;
  ctx.port = () => boundPorts.get(ctx) ?? options.port;
  ctx.hub = new WebsocketHub(ctx);
  ctx.faults = new Faults(scheduler, {
    dropSockets: (target) => ctx.hub.drop(target),
    stallSockets: (target, durationMs) => ctx.hub.stall(target, durationMs),
    revokeConnectionTokens: (target) => store.revokeConnectionTokens((grant) => targetMatches(target, grant)),
  });
  chat.addListener(ctx.hub);
  const bot = createBot(options.bot, chat, scheduler, options.botDelayMs);
  if (bot) chat.addListener(bot);
  return ctx;
}
