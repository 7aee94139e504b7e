// The public contract of the SDK: every argument, result, item and event payload, one doc line each.
// Names follow amazon-connect-chatjs 5.0.0 so that code typed against it compiles against this package.

/** The two kinds of chat session. */
export type ChatSessionType = 'AGENT' | 'CUSTOMER';

/** Numeric log levels (DEBUG 10 … ERROR 40; ADVANCED_LOG 50 is emitted whenever a logger is configured). */
export type ChatLogLevel = 10 | 20 | 30 | 40 | 50;

// ---------------------------------------------------------------------------------------------------------
// Session creation

/** Identifies one participant of one chat contact. PascalCase keys are accepted too, as upstream does. */
export interface ChatDetailsInput {
  /** The contact (chat) id. */
  contactId?: string;
  ContactId?: string;
  /** This participant's id within the contact. */
  participantId?: string;
  ParticipantId?: string;
  /** The first contact of a transferred or persistent chat; defaults to `contactId`. */
  initialContactId?: string;
  InitialContactId?: string;
  /** The participant token from StartChatContact (customers) or Streams' media info (agents). */
  participantToken?: string | null;
  ParticipantToken?: string | null;
  /** Agents under Streams: resolves a fresh connection token (`connection.getConnectionToken`). */
  getConnectionToken?: () => Promise<ConnectionTokenTransport>;
  GetConnectionToken?: () => Promise<ConnectionTokenTransport>;
  /** Streams' media info carries this too; it is not used. */
  originalInfo?: unknown;
}

/** What Streams' `getConnectionToken()` resolves: the raw CreateTransport(chat_token) answer. */
export interface ConnectionTokenTransport {
  chatTokenTransport: { participantToken: string; expiry: string };
}

/** Per-session options. */
export interface ChatSessionOptions {
  /** The AWS region of the contact; sets the global region too, as upstream does. */
  region?: string;
  /** Informational, kept for upstream compatibility. */
  stage?: string;
  /** Informational, kept for upstream compatibility. */
  cell?: string;
  /**
   * This session's Participant Service calls go through this client instead of the built-in one (upstream
   * 5.2.0); wins over `setGlobalConfig({ customChatClient })`. With it, `chatDetails.participantToken` may be
   * left out when the client holds the token. See docs/custom-chat-client.md.
   */
  customChatClient?: ChatClientLike | null;
}

/** Per-session and global feature switches. */
export interface ChatFeatures {
  /** Read/delivered receipts: on by default, throttled to one per `throttleTime` ms (default 5000). */
  messageReceipts?: { shouldSendMessageReceipts?: boolean; throttleTime?: number };
  /** After a reconnect, fetch and deliver the items missed while the link was down (default true). */
  recoverMissedMessages?: boolean;
}

/**
 * How a customer session behaves across the tabs and reloads of one browser profile (docs/tabs.md).
 * Browsers only; in Node every switch is off.
 */
export interface ChatTabOptions {
  /** Tabs (and iframes) of one origin that run this chat share one websocket and step together (default true). */
  shareConnection?: boolean;
  /** A reloaded tab replays the transcript it showed, from sessionStorage, before connecting (default true). */
  restoreOnReload?: boolean;
  /** End the participant (DisconnectParticipant) when the last tab of the chat is closed (default false). */
  leaveOnClose?: boolean;
}

/** Arguments of `ChatSession.create` for a customer session. */
export interface CustomerChatSessionArgs {
  type: 'CUSTOMER';
  chatDetails: ChatDetailsInput;
  options?: ChatSessionOptions;
  /** Turn client-side metrics off for this session. */
  disableCSM?: boolean;
  features?: ChatFeatures;
  /**
   * A manager to use instead of the session's own, e.g. `WebSocketManager.create({ WebSocket, ...timings })`.
   * The session starts it (init) with its own connection and closes it when the chat ends, so give each
   * customer session a new, not yet started manager; one without `init()` is refused by create().
   */
  websocketManager?: WebSocketManagerLike;
  /** Tabs, reloads and leaving (docs/tabs.md); not an upstream option. */
  tabs?: ChatTabOptions;
  /** How long messages may wait through an outage, and where they are kept across a reload (docs/outbox.md). */
  outbox?: OutboxSettings;
}

/** Arguments of `ChatSession.create` for an agent session (the default type, as upstream). */
export interface AgentChatSessionArgs {
  type?: 'AGENT';
  chatDetails: ChatDetailsInput;
  options?: ChatSessionOptions;
  /** Streams' `connect.core.getWebSocketManager()`; without it the session opens its own websocket. */
  websocketManager?: WebSocketManagerLike;
  disableCSM?: boolean;
  features?: ChatFeatures;
  /** How long messages may wait through an outage, and where they are kept across a reload (docs/outbox.md). */
  outbox?: OutboxSettings;
}

export type ChatSessionArgs = CustomerChatSessionArgs | AgentChatSessionArgs;

// ---------------------------------------------------------------------------------------------------------
// Global configuration and logging

/** A logger the app supplies; each method receives one formatted line. */
export interface ChatLogger {
  debug?(...args: unknown[]): unknown;
  info?(...args: unknown[]): unknown;
  warn?(...args: unknown[]): unknown;
  error?(...args: unknown[]): unknown;
  log?(...args: unknown[]): unknown;
  [method: string]: ((...args: unknown[]) => unknown) | undefined;
}

/** `loggerConfig` of `setGlobalConfig`. */
export interface ChatLoggerConfig {
  /** Preferred: the app's logger. */
  customizedLogger?: ChatLogger;
  /** Used when no `customizedLogger` is given (Streams passes `connect.getLog()` here). */
  logger?: ChatLogger;
  /** Log to the console when no logger is given (off by default). */
  useDefaultLogger?: boolean;
  /** The lowest level written (default 20, INFO). */
  level?: ChatLogLevel;
  /** The logger method that receives ADVANCED_LOG lines (default "warn"). */
  advancedLogWriter?: string;
}

/** Client-side metrics configuration. */
export interface ChatCsmConfig {
  /** The WidgetType dimension of every metric (default "CustomChatWidget"). */
  widgetType?: string;
  /** Receives batches of metrics; without it metrics stay in memory (`csmService.getMetrics()`). */
  publisher?: (metrics: CsmMetric[]) => void | Promise<void>;
  /** Metrics per batch (default 30). */
  batchSize?: number;
  /** Flush interval in ms (default 30000). */
  flushIntervalMs?: number;
}

/** Argument of `ChatSession.setGlobalConfig`. */
export interface ChatGlobalConfig {
  /** The AWS region (default "us-west-2"). */
  region?: string;
  /** Overrides `https://participant.connect.<region>.amazonaws.com`, e.g. the local emulator's URL. */
  endpoint?: string;
  /**
   * Calls the dual-stack (IPv4 + IPv6) endpoint, `https://participant.connect.<region>.api.aws` (upstream
   * 5.3.0's option; default false). An `endpoint` wins; the websocket URL comes from the service either way.
   */
  useDualStack?: boolean;
  stage?: string;
  cell?: string;
  /** Kept for upstream compatibility; reconnecting is always on. */
  reconnect?: boolean;
  loggerConfig?: ChatLoggerConfig;
  webSocketManagerConfig?: {
    /** Replaces `navigator.onLine` (React Native: pass NetInfo's state). */
    isNetworkOnline?: () => boolean;
    /** The WebSocket constructor sessions use; needed on Node 20 (`require('ws')`). Default: `globalThis.WebSocket`. */
    WebSocket?: WebSocketConstructorLike | null;
  };
  features?: ChatFeatures | string[];
  /** Receipt throttle in ms; each call without it resets the throttle to 5000 ms, as upstream. */
  throttleTime?: number;
  /** Appended to the SDK user agent as `AmazonConnect-ChatJS/<version> <suffix>`. */
  customUserAgentSuffix?: string;
  csmConfig?: ChatCsmConfig;
  /**
   * Converts voice notes Amazon Connect refuses (OGG/Opus, WebM/Opus, MP4 …) to WAV instead of the built-in
   * conversion (Web Audio in browsers, the optional `opus-decoder` package in Node). `null` removes it.
   */
  voiceNoteConverter?: VoiceNoteConverter | null;
  /**
   * Every session created afterwards sends its Participant Service calls through this client (upstream 5.2.0),
   * unless its own `options.customChatClient` names another; `null` goes back to the built-in client.
   */
  customChatClient?: ChatClientLike | null;
}

/** A recorded voice note as the app's converter receives it. */
export interface VoiceNoteInput {
  /** File name, e.g. `note.ogg` (the upload is named `note.wav`). */
  name: string;
  /** MIME type as given, e.g. `audio/ogg; codecs=opus`; may be empty. */
  type: string;
  data: Uint8Array;
}

/** Resolves the WAV file's bytes (16 kHz mono 16-bit PCM is what the built-in conversion produces). */
export type VoiceNoteConverter = (note: VoiceNoteInput) => Promise<Uint8Array | ArrayBuffer> | Uint8Array | ArrayBuffer;

// ---------------------------------------------------------------------------------------------------------
// Items

/** One attachment of an ATTACHMENT item. */
export interface AttachmentItem {
  ContentType: string;
  AttachmentId: string;
  AttachmentName: string;
  /** APPROVED, REJECTED (scanned as unsafe) or IN_PROGRESS. */
  Status: 'APPROVED' | 'REJECTED' | 'IN_PROGRESS' | string;
}

/** A read or delivered receipt. */
export interface Receipt {
  ReadTimestamp?: string;
  DeliveredTimestamp?: string;
  RecipientParticipantId?: string;
}

export type MessageProcessingStatus = 'PROCESSING' | 'FAILED' | 'REJECTED';

/** Receipts, Lex streaming fields and the local send status of a message. */
export interface MessageMetadata {
  MessageId?: string;
  Receipts?: Receipt[];
  /** Local status kept by onTranscriptUpdated: SENDING, SENT, FAILED, DELIVERED, READ. */
  Status?: string;
  MessageProcessingStatus?: MessageProcessingStatus | string;
  /** Lex streaming: false while chunks are arriving, true for the final message. */
  MessageCompleted?: boolean;
  /** Lex streaming: 1-based chunk number. */
  ChunkNumber?: number;
}

/** Content types of messages (5.0.0's list). */
export type ChatMessageContentType =
  | 'text/plain'
  | 'text/markdown'
  | 'text/csv'
  | 'application/msword'
  | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  | 'application/json'
  | 'application/pdf'
  | 'application/vnd.ms-powerpoint'
  | 'application/vnd.openxmlformats-officedocument.presentationml.presentation'
  | 'application/vnd.ms-excel'
  | 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  | 'image/jpeg'
  | 'image/png'
  | 'audio/wav'
  | 'audio/x-wav'
  | 'audio/vnd.wave'
  | 'application/vnd.amazonaws.connect.message.interactive'
  | 'application/vnd.amazonaws.connect.message.interactive.response';

/** Content types of events (5.0.0's list). */
export type ChatEventContentType = `application/vnd.amazonaws.connect.event.${
  | 'typing'
  | 'message.read'
  | 'message.delivered'
  | `participant.${'joined' | 'left' | 'idle' | 'returned' | 'invited' | 'autodisconnection' | 'displayname.updated'}`
  | `transfer.${'succeeded' | 'failed'}`
  | `chat.${'ended' | 'rehydrated'}`
  | 'connection.acknowledged'
  | `authentication.${'initiated' | 'succeeded' | 'failed' | 'timeout' | 'expired' | 'cancelled'}`}`;

export type ChatContentType = ChatEventContentType | ChatMessageContentType;

/** A transcript or websocket item (message, event, attachment or receipt). */
export interface ChatTranscriptItem {
  AbsoluteTime: string;
  Content?: string;
  ContentType: string;
  Id: string;
  /** MESSAGE, EVENT, ATTACHMENT, CONNECTION_ACK or MESSAGEMETADATA. */
  Type: string;
  ParticipantId?: string;
  DisplayName?: string;
  /** AGENT, CUSTOMER, SYSTEM, CUSTOM_BOT or SUPERVISOR. */
  ParticipantRole?: string;
  InitialContactId?: string;
  ContactId?: string;
  /** Persistent chat: the past contact an item came from. */
  RelatedContactId?: string;
  Attachments?: AttachmentItem[];
  MessageMetadata?: MessageMetadata;
  /** Set on items kept by onTranscriptUpdated: the item as received, as JSON. */
  serializedContent?: string;
}
/** 5.0.0's name for the `data` of item events. */
export type ChatEventData = ChatTranscriptItem;

// ---------------------------------------------------------------------------------------------------------
// Results

/**
 * Resolved by every service call: the raw service answer and the caller's `metadata` (`null` when the
 * call had none, which is what `M` defaults to).
 */
export interface ParticipantServiceResponse<D, M = unknown> {
  data: D;
  metadata: M;
}
/** The caller's value, echoed back. */
export interface ChatMetadata<M> {
  readonly metadata: M;
}
/** `D` with the caller's metadata (5.0.0's helper for arguments and results). */
export type WithMetadata<D, M = unknown> = D & ChatMetadata<M>;

/** `$metadata` the AWS SDK adds to every answer. */
export interface ResponseMetadata {
  httpStatusCode?: number;
  requestId?: string;
  attempts?: number;
  totalRetryDelay?: number;
}

/** The `{ type, message, statusCode, metadata }` shape rejections carry (they are `ChatServiceError`s). */
export interface ChatServiceErrorShape {
  type: string;
  message: string;
  statusCode?: number;
  metadata: unknown;
}

export interface ConnectArgs<M = unknown> {
  metadata?: M;
  /**
   * Restart without loss: the `Id` of the last item this participant handled, kept by the app across a process
   * restart or a page reload. Once connected, every item after it is fetched and delivered through the events
   * once, in order, before live items. Ignored when the session is already connected. `connect()` rejects with
   * `UnknownResumeItemException` when the service does not know the item, and with `ChatEndedException` (the
   * session ends, `onEnded` fires) when the chat ended meanwhile.
   */
  resumeAfterItemId?: string;
}

/** Options of `session.items()`. */
export interface SessionItemsOptions {
  /** Also yield typing and read/delivered receipt items (default false: transcript items only). */
  includeTransient?: boolean;
}

/** Resolved by `connect()`. */
export interface ConnectChatResult<M = unknown> {
  connectCalled: boolean;
  connectSuccess: boolean;
  metadata: M;
  _debug: unknown;
}

export interface SendMessageArgs<M = unknown> {
  /** The text (or JSON string) to send. */
  message: string;
  /** text/plain (default), text/markdown, application/json or interactive.response. */
  contentType?: string;
  /** Idempotency token; a UUID is generated when absent and reused on retries. */
  clientToken?: string;
  metadata?: M;
}
export interface SendMessageResult {
  Id: string;
  AbsoluteTime: string;
  MessageMetadata?: { MessageProcessingStatus?: string };
  $metadata?: ResponseMetadata;
}

export interface SendEventArgs<M = unknown> {
  /** An event content type, e.g. typing, message.read, message.delivered. */
  contentType: string;
  /** Event content; receipts use `JSON.stringify({ messageId })`. */
  content?: string | null;
  clientToken?: string;
  metadata?: M;
}
/** `sendMessageReceipt`'s arguments (added by upstream 5.1.0): which receipt, for which message. */
export interface SendMessageReceiptArgs<M = unknown> {
  /** The receipt to send. */
  event: 'read' | 'delivered';
  /** The id of the message acknowledged; wins over `message.Id`. */
  messageId?: string;
  /** A transcript item (or anything with an `Id`), read when `messageId` is not given. */
  message?: { Id: string };
  clientToken?: string;
  metadata?: M;
}
export interface SendEventResult {
  Id: string;
  AbsoluteTime: string;
  $metadata?: ResponseMetadata;
}

/** Upload progress reported while an attachment's bytes are sent. */
export interface AttachmentProgress {
  loaded: number;
  total: number;
}

/** Raw attachment bytes; a Node `Buffer` is a `Uint8Array`. */
export type AttachmentBytes = Uint8Array | ArrayBuffer;

/** An attachment given as bytes (no DOM needed, e.g. in a Node relay). */
export interface AttachmentDescriptor {
  /** File name with extension, e.g. `photo.jpg`; the extension decides the type when `type` is empty. */
  name: string;
  /** MIME type, e.g. `image/jpeg` (default: from the extension). */
  type?: string;
  /** The file's bytes. They are copied, so the caller may reuse the buffer. */
  data: AttachmentBytes;
}

export interface SendAttachmentArgs<M = unknown> {
  /** The file to upload: a `File`, a `Blob` with a `name`, or `{ name, type, data }` with bytes. */
  attachment: File | (Blob & { name: string }) | AttachmentDescriptor;
  metadata?: M;
  clientToken?: string;
  /** Called as bytes are uploaded. */
  onProgress?: (progress: AttachmentProgress) => void;
  /** Cancels the upload: it rejects `AbortError` at once, including while it waits out an outage. */
  signal?: AbortSignal;
}
export interface SendAttachmentResult {
  AttachmentId?: string;
  $metadata?: ResponseMetadata;
}

export interface DownloadAttachmentArgs<M = unknown> {
  attachmentId: string;
  metadata?: M;
}
/** `downloadAttachment` resolves the file as a Blob with the caller's metadata assigned onto it. */
export type DownloadAttachmentResult<M = unknown> = Blob & { metadata: M };

export interface GetAttachmentURLArgs<M = unknown> {
  attachmentId: string;
  metadata?: M;
}

/** Where a transcript page starts. 5.0.0 documents camelCase keys; the wire's PascalCase is accepted too. */
export interface StartPosition {
  Id?: string;
  AbsoluteTime?: string;
  MostRecent?: number;
  id?: string;
  absoluteTime?: string;
  /** 0..100 */
  mostRecent?: number;
}

export interface GetTranscriptArgs<M = unknown> {
  /** Page size, 0..100 (default 15). */
  maxResults?: number;
  /** `null` (as in `previousTranscriptNextToken` before any page) means the first page. */
  nextToken?: string | null;
  /** FORWARD or BACKWARD (default BACKWARD). */
  scanDirection?: 'FORWARD' | 'BACKWARD';
  /** ASCENDING (default) or DESCENDING. */
  sortOrder?: 'ASCENDING' | 'DESCENDING';
  startPosition?: StartPosition;
  /** A contact of the chain (persistent chat: a past contact). */
  contactId?: string;
  metadata?: M;
}
/** As 5.0.0 declares it; the service leaves out `NextToken` on the last page. */
export interface GetTranscriptResult {
  InitialContactId: string;
  NextToken: string;
  Transcript: ChatTranscriptItem[];
  $metadata?: ResponseMetadata;
}

export interface DescribeViewArgs<M = unknown> {
  /** From the view's interactive message; required (the type allows `undefined` as 5.0.0's did). */
  viewToken: string | undefined;
  /** Accepted for 5.0.0 compatibility and not sent (DescribeView takes only the token). */
  InstanceId?: string;
  metadata?: M;
}
/** What a view needs to render, except the runtime data. */
export interface ViewContent {
  InputSchema?: string;
  Template?: string;
  Actions?: string[];
}
/** A step-by-step guide view (DescribeView). */
export interface View {
  Id?: string;
  Arn?: string;
  Name?: string;
  /** SAVED or PUBLISHED. */
  Status?: string;
  /** AWS_MANAGED or CUSTOMER_MANAGED. */
  Type?: string;
  Description?: string;
  Version?: number;
  VersionDescription?: string;
  Content?: ViewContent;
  Tags?: Record<string, string>;
  CreatedTime?: Date;
  LastModifiedTime?: Date;
  ViewContentSha256?: string;
}
export interface DescribeViewResult {
  View?: View;
  $metadata?: ResponseMetadata;
}

/** `getAttachmentURL` resolves the URL string itself; this is GetAttachment's answer it comes from. */
export interface GetAttachmentURLResult {
  Url: string;
}

export interface GetAuthenticationUrlArgs<M = unknown> {
  redirectUri: string;
  /** From the authentication.initiated event's content. */
  sessionId: string;
  metadata?: M;
}
export interface GetAuthenticationUrlResult {
  AuthenticationUrl?: string;
  $metadata?: ResponseMetadata;
}

export interface CancelParticipantAuthenticationArgs<M = unknown> {
  sessionId: string;
  metadata?: M;
}

/** `getChatDetails()`: ids, tokens and the connection details of the last connect. */
export interface ChatDetails {
  initialContactId: string;
  contactId: string;
  participantId: string;
  participantToken: string | null;
  connectionDetails: ConnectionDetails | null;
}

/** What CreateParticipantConnection (or Streams' token) gave the session. */
export interface ConnectionDetails {
  url: string | null;
  expiry: string | null;
  transportLifeTimeInSeconds: number;
  connectionAcknowledged: boolean;
  connectionToken: string;
  connectionTokenExpiry: string | null;
}

// ---------------------------------------------------------------------------------------------------------
// Events

/** Every event payload carries the session's ids. */
export interface ChatEventBase {
  chatDetails: ChatDetails;
}
/** Payload of item events (onMessage, onTyping, receipts, participant and authentication events). */
export interface ChatMessageEvent extends ChatEventBase {
  data: ChatTranscriptItem;
}
export interface ChatTypingEvent extends ChatEventBase {
  data: ChatTranscriptItem & { ContentType: 'application/vnd.amazonaws.connect.event.typing' };
}
export type ChatReceiptEvent = ChatMessageEvent;
export interface ChatAuthenticationInitiatedEvent extends ChatEventBase {
  /** `Content` is JSON naming the `SessionId`. */
  data: ChatTranscriptItem & { ContentType: 'application/vnd.amazonaws.connect.event.authentication.initiated'; Content: string };
  /** Parsed from the item's content: pass it to getAuthenticationUrl. */
  sessionId?: string;
}
export interface ChatParticipantDisplayNameUpdatedEvent extends ChatEventBase {
  data: ChatTranscriptItem & { ContentType: 'application/vnd.amazonaws.connect.event.participant.displayname.updated'; DisplayName: string };
}

/** Why the link went down or could not come back. */
export interface ConnectionReason {
  /** Close code of the socket, when a socket closed. */
  code?: number;
  /** Close reason or a short description (e.g. "heartbeat missed", "offline"). */
  reason?: string;
  /** The error behind it, when there is one. */
  error?: Error;
}
export interface ChatConnectionEstablishedEvent extends ChatEventBase {
  data: { reconnected: boolean };
}
export interface ChatConnectionLostEvent extends ChatEventBase {
  data: ConnectionReason;
}
export interface ChatConnectionBrokenEvent extends ChatEventBase {
  data: ConnectionReason;
}
export interface ChatEndedEvent extends ChatEventBase {
  data: null;
}
export interface ChatDeepHeartbeatEvent extends ChatEventBase {
  data: { timestamp?: number; error?: unknown; statusCode?: number };
}
export interface ChatTranscriptUpdatedEvent extends ChatEventBase {
  data: { transcript: ChatTranscriptItem[]; previousTranscriptNextToken: string | null };
}

/**
 * The session's state: idle (connect() not called yet) · connecting · connected · reconnecting (link lost,
 * being restored) · broken (gave up; connect() may be called again) · ended (the chat is over, terminal) ·
 * closed (`close()`: this session let go of the chat, which goes on; terminal).
 */
export type ControllerState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'broken' | 'ended' | 'closed';
/** 5.0.0's `getConnectionStatus()` values. */
export type NetworkLinkStatusValue = 'NeverEstablished' | 'Establishing' | 'Established' | 'Broken';

/** Removes the handler it was returned for. */
export type Unsubscribe = () => void;
/** What `ChatEventBus.subscribe` returns. */
export interface ChatEventSubscription {
  unsubscribe(): void;
}
/**
 * The third argument of every event handler (upstream passed its internal event bus): subscribe to
 * more events by name (`CHAT_EVENTS` values), to all events, or drop every handler of the session.
 */
export interface ChatEventBus {
  subscribe(eventName: string, handler: ChatEventHandler<unknown>): ChatEventSubscription;
  subscribeAll(handler: ChatEventHandler<unknown>): ChatEventSubscription;
  unsubscribeAll(): void;
}
/** Handlers are called as `handler(payload, eventName, eventBus)`, as upstream. */
export type ChatEventHandler<E> = (event: E, eventName: string, eventBus: ChatEventBus) => void;

// ---------------------------------------------------------------------------------------------------------
// Websocket managers

/** The websocket manager interface a session uses: Streams' `getWebSocketManager()` or this SDK's own. */
export interface WebSocketManagerLike {
  subscribeTopics(topics: string[]): void;
  onMessage(topic: string, cb: (frame: WebSocketFrame) => void): Unsubscribe | void;
  onConnectionGain(cb: () => void): Unsubscribe | void;
  onConnectionLost(cb: (info?: unknown) => void): Unsubscribe | void;
  onInitFailure(cb: (info?: unknown) => void): Unsubscribe | void;
  onDeepHeartbeatSuccess?(cb: (info?: unknown) => void): Unsubscribe | void;
  onDeepHeartbeatFailure?(cb: (info?: unknown) => void): Unsubscribe | void;
  /** A heartbeat reply came late but in time (this SDK's manager only; a session then checks for missed items). */
  onHeartbeatLate?(cb: (info?: unknown) => void): Unsubscribe | void;
  sendMessage?(frame: WebSocketFrame): void;
  init?(transport: () => Promise<WebSocketTransportResult>): unknown;
  closeWebSocket?(): void;
}

/** Function-typed members that accept handlers taking richer events (DOM `CloseEvent`, `ws` events). */
type Handler<E> = { bivarianceHack(event: E): void }['bivarianceHack'];

/** The part of the WebSocket API the manager uses (browser `WebSocket`, `ws`, or a test fake). */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: Handler<unknown> | null;
  onclose: Handler<{ code?: number; reason?: string; wasClean?: boolean }> | null;
  onerror: Handler<unknown> | null;
  onmessage: Handler<{ data?: unknown }> | null;
}
export type WebSocketConstructorLike = new (url: string) => WebSocketLike;

/** A frame of the websocket protocol. */
export interface WebSocketFrame {
  topic?: string;
  content?: unknown;
  contentType?: string;
  statusCode?: number;
  [field: string]: unknown;
}

/** What the transport function given to `WebSocketManager.init` resolves. */
export interface WebSocketTransportResult {
  webSocketTransport: { url: string; transportLifeTimeInSeconds: number; expiry?: string | null };
}

// ---------------------------------------------------------------------------------------------------------
// Metrics

export interface CsmDimension {
  name: string;
  value: string;
}
/** One client-side metric. */
export interface CsmMetric {
  metricName: string;
  unit: 'Count' | 'Milliseconds' | string;
  value: number;
  timestamp: number;
  dimensions: CsmDimension[];
  namespace: string;
}

// ---------------------------------------------------------------------------------------------------------
// The outbox (docs/outbox.md)

/**
 * `sending`: the outbox is trying to send it now (or it is next in line while the service answers);
 * `waiting`: held back by an outage, throttling or a passing error, sent when the service answers again;
 * `failed`: given up on (wait limit passed, or an error waiting cannot fix): send it again or discard it.
 */
export type PendingMessageState = 'sending' | 'waiting' | 'failed';

/** Everything needed to send a message again after a reload: no token, no metadata. */
export interface OutboxRequest {
  /** The message's ClientToken, also its id in the outbox: every try sends the same, so the service stores it once. */
  id: string;
  content: string;
  contentType: string;
  /** When the app called sendMessage (ms since the epoch); the wait limit counts from here. */
  enqueuedAt: number;
}

/** Why a message is waiting or failed: the last error's type, message and HTTP status. */
export interface PendingMessageError {
  type: string;
  message: string;
  statusCode?: number;
}

/** One message not yet accepted by the service, as the app sees it. */
export interface PendingMessage extends OutboxRequest {
  state: PendingMessageState;
  /** Requests made for it so far (by this page). */
  attempts: number;
  lastError: PendingMessageError | null;
}

/** A message as a store keeps it. */
export interface StoredOutboxEntry extends OutboxRequest {
  failed: boolean;
}

/**
 * Keeps the pending messages of one chat (key `<contactId>:<participantId>`) so a session created again for
 * the same chat, after a reload, sends them. `save` gets the whole list after every change; `[]` means
 * "forget the key". The browser default is the tab's sessionStorage; Node's is memory.
 */
export interface OutboxStore {
  load(key: string): StoredOutboxEntry[];
  save(key: string, entries: StoredOutboxEntry[]): void;
}

/** The `outbox` argument of ChatSession.create. */
export interface OutboxSettings {
  /** How long a message may wait for the service before it fails, in ms (default 15 minutes). */
  maxWaitMs?: number;
  /** Where pending messages are kept: a store of the app's, or 'sessionStorage' / 'memory' (default: sessionStorage when the page has one). */
  store?: OutboxStore | 'sessionStorage' | 'memory';
}

/** The answer a sent message's promise resolves with (the service's SendMessage answer). */
export type OutboxAnswer = SendMessageResult;

/** What the outbox tells the app after every change: the pending messages in send order. */
export interface PendingMessagesChangedEvent {
  data: PendingMessage[];
}

// ---------------------------------------------------------------------------------------------------------
// A custom chat client (upstream 5.2.0's `customChatClient`; docs/custom-chat-client.md)

/** What a custom client's calls resolve: the Participant Service's answer body under `data`, keys as the service spells them. */
export interface ChatClientResponse<D> {
  data: D;
}

/** The connection types `createParticipantConnection` asks for (null: none, an agent's acknowledgement only). */
export type ChatClientConnectionType = 'WEBSOCKET' | 'CONNECTION_CREDENTIALS';

/**
 * CreateParticipantConnection's answer through a custom client. Leaving out `ConnectionCredentials` means the
 * client keeps the connection token itself: every later call then gets `connectionToken` null.
 */
export interface ChatClientConnection {
  Websocket?: { Url?: string; ConnectionExpiry?: string };
  ConnectionCredentials?: { ConnectionToken?: string; Expiry?: string };
}

/** GetTranscript's request as a custom client gets it: camelCase (the service's fields are PascalCase). */
export interface ChatClientTranscriptArgs {
  maxResults: number;
  nextToken?: string;
  scanDirection: 'FORWARD' | 'BACKWARD';
  sortOrder: 'ASCENDING' | 'DESCENDING';
  startPosition: { id?: string; absoluteTime?: string; mostRecent?: number };
  contactId?: string;
}

/** A transcript page from a custom client: as `GetTranscriptResult`, with `NextToken` absent on the last page. */
export interface ChatClientTranscriptPage {
  InitialContactId?: string;
  NextToken?: string;
  Transcript: ChatTranscriptItem[];
}

/**
 * The transport a session's Participant Service calls go through when the app supplies one, e.g. a backend
 * that holds the tokens so they never reach the page. Extend `connect.ChatSession.ChatClient` (it rejects
 * every call it does not override). `connectionToken` is null when the client keeps the token itself.
 */
export interface ChatClientLike {
  /** `participantToken` is null when `chatDetails` had none (the client holds it). */
  createParticipantConnection(
    participantToken: string | null,
    type: ChatClientConnectionType[] | null,
    acknowledgeConnection: boolean | null,
  ): Promise<ChatClientResponse<ChatClientConnection>>;
  disconnectParticipant(connectionToken: string | null): Promise<ChatClientResponse<object>>;
  /** `clientToken`: the idempotency token, the same on every try of one message. */
  sendMessage(connectionToken: string | null, content: string, contentType: string, clientToken?: string): Promise<ChatClientResponse<SendMessageResult>>;
  /** Note the order: `contentType` before `content`, unlike sendMessage (as upstream). */
  sendEvent(
    connectionToken: string | null,
    contentType: string,
    content?: string,
    clientToken?: string,
  ): Promise<ChatClientResponse<SendEventResult>>;
  getTranscript(connectionToken: string | null, args: ChatClientTranscriptArgs): Promise<ChatClientResponse<ChatClientTranscriptPage>>;
  /** The whole upload (start, PUT, complete); the file was already checked. `metadata` is the caller's. */
  sendAttachment(connectionToken: string | null, attachment: Blob & { name: string }, metadata: unknown): Promise<ChatClientResponse<SendAttachmentResult>>;
  /** Resolves the file itself, not `{ data }`. */
  downloadAttachment(connectionToken: string | null, attachmentId: string): Promise<Blob>;
  /** Resolves the URL itself, not `{ data }`. */
  getAttachmentURL(connectionToken: string | null, attachmentId: string): Promise<string>;
  /** Note the order: `viewToken` first (as upstream). */
  describeView(viewToken: string, connectionToken: string | null): Promise<ChatClientResponse<DescribeViewResult>>;
  getAuthenticationUrl(connectionToken: string | null, redirectUri: string, sessionId: string): Promise<ChatClientResponse<GetAuthenticationUrlResult>>;
  cancelParticipantAuthentication(connectionToken: string | null, sessionId: string): Promise<ChatClientResponse<object>>;
}
