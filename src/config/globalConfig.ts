// The SDK-wide settings of `connect.ChatSession.setGlobalConfig` (chatjs-behavior §5), with upstream's
// defaults and quirks kept where apps can observe them: every call resets the receipt throttle unless it
// sets one. Receipts follow upstream 5.1.0's rule: once an app has set `features.messageReceipts`, later
// calls that leave it out keep that choice (5.0.0 switched receipts back on at every call).

import { dualStackParticipantUrl } from '../client/sdkOptions.js';
import { DEFAULT_REGION, TIMINGS } from '../constants.js';
import { IllegalArgumentException } from '../errors.js';
import { logManager } from '../log/logManager.js';
import { csmService } from '../metrics/csmService.js';
import { NetworkSettings, networkSettings } from '../transport/networkSettings.js';
import type { ChatClientLike, ChatFeatures, ChatGlobalConfig, ChatSessionOptions, VoiceNoteConverter } from '../types.js';
import { toCustomChatClient } from '../client/chatClient.js';
import { nonEmptyString } from '../util/values.js';
import { warnIfCleartext } from './cleartextEndpoint.js';
import { FEATURES, FeatureFlags } from './featureFlags.js';

/** Answers "is the network up?" for the websocket manager. */
export type NetworkOnlineCheck = () => boolean;

/** What `GlobalConfig.settings()` shows. */
export interface GlobalSettings {
  region: string;
  regionOverride: string | null;
  stage: string;
  cell: string;
  endpoint: string | null;
  /** Kept for upstream compatibility only: the SDK always reconnects. */
  reconnect: boolean;
  messageReceipts: { enabled: boolean; throttleTime: number };
  recoverMissedMessages: boolean;
  features: string[];
  customUserAgentSuffix: string;
  /** Upstream 5.3.0's dual-stack endpoints. */
  useDualStack: boolean;
  /** Whether new sessions go through an app-supplied client (upstream 5.2.0's customChatClient). */
  customChatClient: boolean;
}

const DEFAULT_STAGE = 'prod';
const DEFAULT_CELL = '1';

export class GlobalConfig {
  private region: string = DEFAULT_REGION;
  private regionOverride: string | null = null;
  private stage = DEFAULT_STAGE;
  private cell = DEFAULT_CELL;
  private endpoint: string | undefined;
  private useDualStack = false;
  private reconnect = true;
  private customUserAgentSuffix = '';
  private receiptsThrottleMs: number = TIMINGS.receiptThrottleMs;
  /** True once a call passed `features.messageReceipts`: later calls without it keep receipts as they are. */
  private receiptsChosen = false;
  private recoverMissedMessages = true;
  private voiceNoteConverter: VoiceNoteConverter | null = null;
  private customChatClient: ChatClientLike | null = null;
  private readonly log = logManager.getLogger({ prefix: 'ChatJS-GlobalConfig' });
  private readonly flags = new FeatureFlags();

  /**
   * @param network Where the online check and WebSocket constructor live: the SDK-wide instance shares the
   *   transport's store (so WebSocketManager.create() managers see them too); other instances (tests) get their own.
   */
  constructor(private readonly network: NetworkSettings = new NetworkSettings()) {
    this.flags.add(FEATURES.MESSAGE_RECEIPTS_ENABLED); // receipts are on by default
  }

  /**
   * Applies `setGlobalConfig(config)`. Keys that are absent keep their values, except the receipt throttle
   * (see the file header).
   *
   * @throws IllegalArgumentException when `config` is not an object. Upstream throws a TypeError for `null`
   *   (it reads a field of it); ours is an Error subclass that names the call.
   */
  update(config: ChatGlobalConfig): void {
    if (config === null || typeof config !== 'object' || Array.isArray(config)) {
      throw new IllegalArgumentException(
        `setGlobalConfig(config): config must be an object, got ${config === null ? 'null' : typeof config}`,
        'config',
      );
    }
    // Checked before anything is applied, so a bad value leaves the configuration as it was.
    functionOrNothing(config.webSocketManagerConfig?.WebSocket, 'webSocketManagerConfig.WebSocket', "a WebSocket constructor (e.g. require('ws'))");
    functionOrNothing(config.voiceNoteConverter, 'voiceNoteConverter', 'a function resolving WAV bytes');
    const customChatClient = toCustomChatClient(config.customChatClient, 'customChatClient');
    if (config.voiceNoteConverter !== undefined) this.voiceNoteConverter = config.voiceNoteConverter ?? null;
    if (config.customChatClient !== undefined) this.customChatClient = customChatClient;
    // The logger first, so the rest of this update is logged where the app asked.
    if (config.loggerConfig) logManager.updateLoggerConfig(config.loggerConfig);
    this.applyLocation(config);
    this.applyDualStack(config);
    this.applyNetworkCheck(config);
    const receiptsWereOn = this.isMessageReceiptsEnabled(); // a features array replaces the flags
    this.applyFeatures(config.features);
    this.applyReceipts(config, receiptsWereOn);
    if (typeof config.reconnect === 'boolean') this.reconnect = config.reconnect;
    if (typeof config.customUserAgentSuffix === 'string') this.customUserAgentSuffix = config.customUserAgentSuffix;
    if (config.csmConfig && typeof config.csmConfig === 'object') csmService.updateCsmConfig(config.csmConfig);
    this.log.info('Global config updated', this.settings());
  }

  /** Session options update the global region, stage and cell, as upstream's `create` does. */
  updateStageRegionCell(options?: ChatSessionOptions | null): void {
    if (options && typeof options === 'object') this.applyRegionStageCell(options);
  }

  /** `ChatSession.setRegionOverride`: wins over every other region; null removes it. */
  setRegionOverride(region: string | null): void {
    this.regionOverride = nonEmptyString(region) ?? null;
    this.log.info('Region override set to', this.regionOverride);
  }

  /** The region a client should use: region override → `options.region` → global region → us-west-2. */
  resolveRegion(optionsRegion?: string | null): string {
    return this.regionOverride ?? nonEmptyString(optionsRegion) ?? this.region ?? DEFAULT_REGION;
  }

  /**
   * The endpoint a client for `region` is given: the override, else the dual-stack URL when `useDualStack`
   * is on, else undefined (the client resolves the service's own).
   */
  getEndpointFor(region: string): string | undefined {
    return this.endpoint ?? (this.useDualStack ? dualStackParticipantUrl(region) : undefined);
  }

  getCustomUserAgentSuffix(): string {
    return this.customUserAgentSuffix;
  }

  getMessageReceiptsThrottleTime(): number {
    return this.receiptsThrottleMs;
  }

  isMessageReceiptsEnabled(): boolean {
    return this.flags.isEnabled(FEATURES.MESSAGE_RECEIPTS_ENABLED);
  }

  isRecoverMissedMessagesEnabled(): boolean {
    return this.recoverMissedMessages;
  }

  /** The app's `voiceNoteConverter`, or null for the built-in conversion. */
  getVoiceNoteConverter(): VoiceNoteConverter | null {
    return this.voiceNoteConverter;
  }

  /** The client sessions created from now on use, unless their own options name one (null: the built-in). */
  getCustomChatClient(): ChatClientLike | null {
    return this.customChatClient;
  }

  setFeatureFlag(name: string): void {
    this.flags.add(name);
  }

  /** Region, stage and cell that are non-empty strings replace the current ones; the others are kept. */
  private applyRegionStageCell(source: { region?: unknown; stage?: unknown; cell?: unknown }): void {
    this.region = nonEmptyString(source.region) ?? this.region;
    this.stage = nonEmptyString(source.stage) ?? this.stage;
    this.cell = nonEmptyString(source.cell) ?? this.cell;
  }

  private applyLocation(config: ChatGlobalConfig): void {
    this.applyRegionStageCell(config);
    // An explicit empty or null endpoint goes back to the service's own.
    if ('endpoint' in config) this.endpoint = nonEmptyString(config.endpoint);
    warnIfCleartext(this.endpoint, this.log);
  }

  /** Upstream 5.3.0's `useDualStack`: a boolean, or ignored with a warning (the setting stays as it was). */
  private applyDualStack(config: ChatGlobalConfig): void {
    if (!('useDualStack' in config) || config.useDualStack === undefined) return;
    if (typeof config.useDualStack === 'boolean') this.useDualStack = config.useDualStack;
    else this.log.warn(`useDualStack must be a boolean (got ${typeof config.useDualStack}); ignored, it stays ${String(this.useDualStack)}`);
  }

  private applyNetworkCheck(config: ChatGlobalConfig): void {
    const Ctor = config.webSocketManagerConfig?.WebSocket;
    if (Ctor !== undefined) this.network.update({ WebSocket: Ctor }); // null goes back to globalThis.WebSocket
    const check = config.webSocketManagerConfig?.isNetworkOnline;
    if (check === undefined) return;
    if (typeof check === 'function') this.network.update({ isNetworkOnline: check });
    else this.log.warn('webSocketManagerConfig.isNetworkOnline must be a function; ignored');
  }

  private applyFeatures(features: ChatGlobalConfig['features']): void {
    if (Array.isArray(features)) {
      this.flags.replace(features);
      return;
    }
    const recover = (features as ChatFeatures | undefined)?.recoverMissedMessages;
    if (typeof recover === 'boolean') this.recoverMissedMessages = recover;
  }

  private applyReceipts(config: ChatGlobalConfig, receiptsWereOn: boolean): void {
    const receipts = Array.isArray(config.features) ? undefined : config.features?.messageReceipts;
    // Upstream: each call sets the throttle or resets it to the default, then a feature-level value wins.
    this.receiptsThrottleMs = positiveNumber(config.throttleTime) ?? TIMINGS.receiptThrottleMs;
    this.receiptsThrottleMs = positiveNumber(receipts?.throttleTime) ?? this.receiptsThrottleMs;
    let on: boolean;
    if (receipts !== undefined && receipts !== null) {
      // Only `false` switches receipts off; any other value of a given messageReceipts switches them on.
      on = receipts.shouldSendMessageReceipts !== false;
      this.receiptsChosen = true;
    } else {
      on = this.receiptsChosen ? receiptsWereOn : true; // never chosen: the default, on
    }
    if (on) this.flags.add(FEATURES.MESSAGE_RECEIPTS_ENABLED);
    else this.flags.remove(FEATURES.MESSAGE_RECEIPTS_ENABLED);
  }

  /** The settings as they stand, as the update log line shows them: values only, no loggers or publishers. */
  settings(): GlobalSettings {
    return {
      region: this.region,
      regionOverride: this.regionOverride,
      stage: this.stage,
      cell: this.cell,
      endpoint: this.endpoint ?? null,
      reconnect: this.reconnect,
      useDualStack: this.useDualStack,
      messageReceipts: { enabled: this.isMessageReceiptsEnabled(), throttleTime: this.receiptsThrottleMs },
      recoverMissedMessages: this.recoverMissedMessages,
      features: this.flags.list(),
      customUserAgentSuffix: this.customUserAgentSuffix,
      customChatClient: this.customChatClient !== null,
    };
  }
}

function functionOrNothing(value: unknown, field: string, what: string): void {
  if (value !== undefined && value !== null && typeof value !== 'function') {
    throw new IllegalArgumentException(`setGlobalConfig: ${field} must be ${what}, got ${typeof value}`, field);
  }
}

function positiveNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

/** The configuration the whole SDK reads. */
export const globalConfig = new GlobalConfig(networkSettings);
