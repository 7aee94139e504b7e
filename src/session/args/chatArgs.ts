// Normalises and validates the arguments of ChatSession.create(). Upstream accepts camelCase or
// PascalCase chat details; we do too, and reject bad input with an error that names the field.
import { IllegalArgumentException } from '../../errors.js';
import { isObject } from '../../util/values.js';
import { toCustomChatClient } from '../../client/chatClient.js';
import type {
  ChatClientLike,
  ChatDetailsInput,
  ChatFeatures,
  ChatSessionOptions,
  ChatSessionType,
  ChatTabOptions,
  ConnectionTokenTransport,
  WebSocketManagerLike,
} from '../../types.js';
import type { OutboxSettings, OutboxStore } from '../../types.js';

/** Chat details after normalisation: every id present, camelCase only. */
export interface NormalizedChatDetails {
  contactId: string;
  participantId: string;
  initialContactId: string;
  participantToken: string | null;
  getConnectionToken: (() => Promise<ConnectionTokenTransport>) | null;
}

export interface NormalizedCreateArgs {
  type: ChatSessionType;
  chatDetails: NormalizedChatDetails;
  options: ChatSessionOptions;
  websocketManager: WebSocketManagerLike | null;
  disableCSM: boolean;
  features: ChatFeatures;
  /** Tab sharing, reload paint and leave-on-close; all off for agents. */
  tabs: Required<ChatTabOptions>;
  outbox: OutboxSettings;
  /** The app's Participant Service client (options, else the global one), fixed for the session; null: the built-in. */
  customChatClient: ChatClientLike | null;
}

const SESSION_TYPES: readonly ChatSessionType[] = ['AGENT', 'CUSTOMER'];

function pick(details: ChatDetailsInput, camel: string, pascal: string): unknown {
  const fields = details as Record<string, unknown>;
  const value = fields[camel];
  return value === undefined || value === null ? fields[pascal] : value;
}

function requireNonEmptyString(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new IllegalArgumentException(`${field} must be a non-empty string`, field);
  }
  return value;
}

function optionalString(value: unknown, field: string): string | null {
  if (value === undefined || value === null) return null;
  return requireNonEmptyString(value, field);
}

/** `clientHoldsToken`: a custom client is in use, so a customer may leave the participant token to it. */
export function normalizeChatDetails(details: unknown, type: ChatSessionType, clientHoldsToken = false): NormalizedChatDetails {
  if (!isObject(details)) {
    throw new IllegalArgumentException('chatDetails must be an object with contactId and participantId', 'chatDetails');
  }
  const input = details as ChatDetailsInput;
  const contactId = requireNonEmptyString(pick(input, 'contactId', 'ContactId'), 'chatDetails.contactId');
  const participantId = requireNonEmptyString(pick(input, 'participantId', 'ParticipantId'), 'chatDetails.participantId');
  const initialContactId =
    optionalString(pick(input, 'initialContactId', 'InitialContactId'), 'chatDetails.initialContactId') ?? contactId;
  const participantToken = optionalString(pick(input, 'participantToken', 'ParticipantToken'), 'chatDetails.participantToken');
  const tokenFn = pick(input, 'getConnectionToken', 'GetConnectionToken');
  if (tokenFn !== undefined && tokenFn !== null && typeof tokenFn !== 'function') {
    throw new IllegalArgumentException('chatDetails.getConnectionToken must be a function when given', 'chatDetails.getConnectionToken');
  }
  if (type === 'CUSTOMER' && participantToken === null && !clientHoldsToken) {
    throw new IllegalArgumentException(
      'chatDetails.participantToken is required for a CUSTOMER session (the ParticipantToken StartChatContact returned), unless a customChatClient holds it',
      'chatDetails.participantToken',
    );
  }
  if (type === 'AGENT' && participantToken === null && typeof tokenFn !== 'function') {
    throw new IllegalArgumentException(
      'an AGENT session needs chatDetails.participantToken or chatDetails.getConnectionToken',
      'chatDetails.participantToken',
    );
  }
  return {
    contactId,
    participantId,
    initialContactId,
    participantToken,
    getConnectionToken: typeof tokenFn === 'function' ? (tokenFn as () => Promise<ConnectionTokenTransport>) : null,
  };
}

function normalizeType(type: unknown): ChatSessionType {
  const value = type ?? 'AGENT';
  if (!SESSION_TYPES.includes(value as ChatSessionType)) {
    throw new IllegalArgumentException(`type must be one of ${SESSION_TYPES.join(', ')} (got ${String(value)})`, 'type');
  }
  return value as ChatSessionType;
}

function normalizeManager(manager: unknown, type: ChatSessionType): WebSocketManagerLike | null {
  if (manager === undefined || manager === null) return null;
  const candidate = manager as Partial<WebSocketManagerLike>;
  const required = ['subscribeTopics', 'onMessage', 'onConnectionGain', 'onConnectionLost', 'onInitFailure'] as const;
  // A customer session starts the manager it is given with its own transport function, so it must have init().
  const needed = type === 'CUSTOMER' ? [...required, 'init' as const] : required;
  const missing = needed.filter((name) => typeof candidate[name] !== 'function');
  if (missing.length > 0) {
    const why = type === 'CUSTOMER' && missing.includes('init') ? ' (a CUSTOMER session starts the manager itself: pass a new WebSocketManager.create(...))' : '';
    throw new IllegalArgumentException(`websocketManager must implement ${missing.join(', ')}${why}`, 'websocketManager');
  }
  return manager as WebSocketManagerLike;
}

const TAB_DEFAULTS: Required<ChatTabOptions> = { shareConnection: true, restoreOnReload: true, leaveOnClose: false };
const NO_TABS: Required<ChatTabOptions> = { shareConnection: false, restoreOnReload: false, leaveOnClose: false };

/** An object the app may leave out (undefined or null), else an IllegalArgumentException naming `field`. */
function optionalObject(value: unknown, field: string): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw new IllegalArgumentException(`${field} must be an object`, field);
  return value;
}

function normalizeTabs(value: unknown, type: ChatSessionType): Required<ChatTabOptions> {
  const tabs = optionalObject(value, 'tabs');
  if (tabs === undefined) return type === 'CUSTOMER' ? { ...TAB_DEFAULTS } : { ...NO_TABS };
  if (type !== 'CUSTOMER') throw new IllegalArgumentException('tabs applies to CUSTOMER sessions only', 'tabs');
  const out = { ...TAB_DEFAULTS };
  for (const name of Object.keys(TAB_DEFAULTS) as (keyof ChatTabOptions)[]) {
    const value = tabs[name];
    if (value === undefined) continue;
    if (typeof value !== 'boolean') throw new IllegalArgumentException(`tabs.${name} must be a boolean`, `tabs.${name}`);
    out[name] = value;
  }
  return out;
}

/** `defaults.customChatClient`: the one setGlobalConfig set, used when the options name none. */
export function normalizeCreateArgs(args: unknown, defaults: { customChatClient?: ChatClientLike | null } = {}): NormalizedCreateArgs {
  if (!isObject(args)) {
    throw new IllegalArgumentException('ChatSession.create(args) needs an args object with chatDetails and type', 'args');
  }
  const type = normalizeType(args.type);
  const options = optionalObject(args.options, 'options');
  const features = optionalObject(args.features, 'features');
  const ownClient = toCustomChatClient((options as ChatSessionOptions | null | undefined)?.customChatClient, 'options.customChatClient');
  const customChatClient = ownClient ?? defaults.customChatClient ?? null;
  return {
    type,
    chatDetails: normalizeChatDetails(args.chatDetails, type, customChatClient !== null),
    options: (options as ChatSessionOptions | undefined) ?? {},
    websocketManager: normalizeManager(args.websocketManager, type),
    disableCSM: args.disableCSM === true,
    features: (features as ChatFeatures | undefined) ?? {},
    tabs: normalizeTabs(args.tabs, type),
    outbox: normalizeOutbox(args.outbox),
    customChatClient,
  };
}

/** `outbox: { maxWaitMs?, store? }`: a positive wait limit, and a store with load/save or a store's name. */
function normalizeOutbox(outbox: unknown): OutboxSettings {
  if (outbox == null) return {};
  if (typeof outbox !== 'object') throw new IllegalArgumentException('outbox must be an object', 'outbox');
  const { maxWaitMs, store } = outbox as Record<string, unknown>;
  if (maxWaitMs !== undefined && !((maxWaitMs as number) > 0)) {
    throw new IllegalArgumentException('outbox.maxWaitMs must be a positive number of ms', 'outbox.maxWaitMs');
  }
  if (store !== undefined && store !== 'memory' && store !== 'sessionStorage' && typeof (store as OutboxStore | null)?.save !== 'function') {
    throw new IllegalArgumentException("outbox.store must be 'sessionStorage', 'memory' or { load, save }", 'outbox.store');
  }
  return outbox as OutboxSettings;
}
