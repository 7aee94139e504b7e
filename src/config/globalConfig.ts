// The SDK-wide settings of `connect.ChatSession.setGlobalConfig` (chatjs-behavior §5), with upstream's
// defaults and quirks kept where apps can observe them: every call resets the receipt throttle unless it
// sets one, and every call re-enables receipts unless it disables them.

import { DEFAULT_REGION, TIMINGS } from '../constants.js';
import { IllegalArgumentException } from '../errors.js';
import { logManager } from '../log/logManager.js';
import { csmService } from '../metrics/csmService.js';
import { NetworkSettings, networkSettings } from '../transport/networkSettings.js';
import type { ChatFeatures, ChatGlobalConfig, ChatSessionOptions, VoiceNoteConverter } from '../types.js';
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
}

const DEFAULT_STAGE = 'prod';
const DEFAULT_CELL = '1';

export class GlobalConfig {
  private region: string = DEFAULT_REGION;
  private regionOverride: string | null = null;
  private stage = DEFAULT_STAGE;
  private cell = DEFAULT_CELL;
  private endpoint: string | undefined;
  private reconnect = true;
  private customUserAgentSuffix = '';
  private receiptsThrottleMs: number = TIMINGS.receiptThrottleMs;
  private recoverMissedMessages = true;
  private voiceNoteConverter: VoiceNoteConverter | null = null;
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
   * and the receipts flag (see the file header).
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
    if (config.voiceNoteConverter !== undefined) this.voiceNoteConverter = config.voiceNoteConverter ?? null;
    // The logger first, so the rest of this update is logged where the app asked.
    if (config.loggerConfig) logManager.updateLoggerConfig(config.loggerConfig);
    this.applyLocation(config);
    this.applyNetworkCheck(config);
    this.applyFeatures(config.features);
    this.applyReceipts(config);
    if (typeof config.reconnect === 'boolean') this.reconnect = config.reconnect;
    if (typeof config.customUserAgentSuffix === 'string') this.customUserAgentSuffix = config.customUserAgentSuffix;
    if (config.csmConfig && typeof config.csmConfig === 'object') csmService.updateCsmConfig(config.csmConfig);
    this.log.info('Global config updated', this.settings());
  }

  /** Session options update the global region, stage and cell, as upstream's `create` does. */
  updateStageRegionCell(options?: ChatSessionOptions | null): void {
    if (!options || typeof options !== 'object') return;
    const region = nonEmptyString(options.region);
    if (region) this.region = region;
    this.stage = nonEmptyString(options.stage) ?? this.stage;
    this.cell = nonEmptyString(options.cell) ?? this.cell;
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

  /** The configured endpoint override (e.g. the emulator), or undefined for the service's own. */
  getEndpoint(): string | undefined {
    return this.endpoint;
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

  setFeatureFlag(name: string): void {
    this.flags.add(name);
  }

  private applyLocation(config: ChatGlobalConfig): void {
    this.region = nonEmptyString(config.region) ?? this.region;
    this.stage = nonEmptyString(config.stage) ?? this.stage;
    this.cell = nonEmptyString(config.cell) ?? this.cell;
    // An explicit empty or null endpoint goes back to the service's own.
    if ('endpoint' in config) this.endpoint = nonEmptyString(config.endpoint);
    warnIfCleartext(this.endpoint, this.log);
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

  private applyReceipts(config: ChatGlobalConfig): void {
    const receipts = Array.isArray(config.features) ? undefined : config.features?.messageReceipts;
    // Upstream: each call sets the throttle or resets it to the default, then a feature-level value wins.
    this.receiptsThrottleMs = positiveNumber(config.throttleTime) ?? TIMINGS.receiptThrottleMs;
    this.receiptsThrottleMs = positiveNumber(receipts?.throttleTime) ?? this.receiptsThrottleMs;
    if (receipts?.shouldSendMessageReceipts === false) this.flags.remove(FEATURES.MESSAGE_RECEIPTS_ENABLED);
    else this.flags.add(FEATURES.MESSAGE_RECEIPTS_ENABLED);
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
      messageReceipts: { enabled: this.isMessageReceiptsEnabled(), throttleTime: this.receiptsThrottleMs },
      recoverMissedMessages: this.recoverMissedMessages,
      features: this.flags.list(),
      customUserAgentSuffix: this.customUserAgentSuffix,
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
