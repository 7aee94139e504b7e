// The parts of one running emulator, built in dependency order and passed to every route module.
// Only route modules import this file; the parts themselves take just what they use, so no part
// depends on the whole.
import * as path from 'path';
import { CcpService } from './ccp/service';
import { createBot } from './chat/bots';
import { ChatService } from './chat/chatService';
import { Retention, RetentionLimits } from './chat/retention';
import { Faults, targetMatches } from './faults';
import { PublicAddress } from './core/address';
import { RequestLog } from './core/requestLog';
import { Clock, Scheduler } from './core/scheduler';
import { AttachmentStore } from './store/attachmentStore';
import { Store } from './store/store';
import type { BotKind, EmulatorOptions } from './types';
import { defaultMaxConnections } from './http/connectionCap';
import { normalizeOrigin } from './http/policy';
import { WebsocketHub } from './websocket/hub';
import { createContactCenter, type ContactCenter } from './flows/contactCenter';
import { resolveContactCenter, type ResolvedContactCenter } from './flows/contactCenterOptions';
import { bargeInAsAgent } from './flows/ccpMonitoring';

export interface ResolvedOptions extends RetentionLimits {
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
  allowOrigins: string[];
  maxSocketBufferBytes: number;
  maxConnections: number;
  contactCenter: ResolvedContactCenter;
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
  endedContactTtlMs: 30 * 60 * 1000,
  maxActiveContacts: 10_000,
  maxTranscriptBytes: 256 * 1024 * 1024,
  maxAttachmentStoreBytes: 128 * 1024 * 1024,
  maxSocketBufferBytes: 16 * 1024 * 1024,
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
  retention: Retention;
  /** The emulated Amazon Connect CCP at /ccp-v2/ and its agent routing. */
  ccp: CcpService;
  /** Where handed-out links point (the port is known once listening). */
  address: PublicAddress;
  /** Queues, the demo flow, chat timeouts, transfers and monitoring. */
  contactCenter: ContactCenter;
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
    allowOrigins: (options.allowOrigins ?? []).map(normalizeOrigin),
    endedContactTtlMs: positive('endedContactTtlMs', options.endedContactTtlMs ?? DEFAULTS.endedContactTtlMs),
    maxActiveContacts: positive('maxActiveContacts', options.maxActiveContacts ?? DEFAULTS.maxActiveContacts),
    maxTranscriptBytes: positive('maxTranscriptBytes', options.maxTranscriptBytes ?? DEFAULTS.maxTranscriptBytes),
    maxAttachmentStoreBytes: positive('maxAttachmentStoreBytes', options.maxAttachmentStoreBytes ?? DEFAULTS.maxAttachmentStoreBytes),
    maxSocketBufferBytes: positive('maxSocketBufferBytes', options.maxSocketBufferBytes ?? DEFAULTS.maxSocketBufferBytes),
    maxConnections: positive('maxConnections', options.maxConnections ?? defaultMaxConnections()),
    contactCenter: resolveContactCenter(options.contactCenter, options.bot ?? DEFAULTS.bot),
    log: options.log ?? (() => undefined),
  };
}

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a positive number, got ${value}`);
  return value;
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
  const hub = new WebsocketHub({ store, clock, scheduler, faults, maxBufferedBytes: options.maxSocketBufferBytes });
  chat.addListener(hub);
  // The CCP's router asks the contact center whether a flow holds a new contact, so it is built first.
  const contactCenter = createContactCenter({ options, chat, scheduler, clock, store, router: () => ccp.router });
  const ccp = new CcpService({
    store,
    clock,
    chat,
    connectionTokenTtlMs: options.connectionTokenTtlMs,
    maxSocketBufferBytes: options.maxSocketBufferBytes,
    queues: contactCenter.queues,
    startsInFlow: contactCenter.startsInFlow,
    bargeIn: (contactId, supervisor) => bargeInAsAgent(contactCenter.ccpMonitoring, contactId, supervisor),
  });
  contactCenter.attach();
  const bot = createBot(options.bot, chat, scheduler, options.botDelayMs);
  if (bot) chat.addListener(bot);
  const attachments = new AttachmentStore();
  const retention = new Retention(options, { store, attachments, chat, clock, scheduler });
  retention.start();
  const address = new PublicAddress(options.tls, options.host, options.port);
  return { options, scheduler, clock, store, chat, hub, faults, requests: new RequestLog(), attachments, retention, ccp, address, contactCenter };
}
