// The SDK's codes, in one place: every public error class, the `type` values of the ChatServiceErrors the SDK
// makes itself, and the reason codes of connection changes. Every failure the SDK reports is an `Error`
// subclass; the ones that mirror amazon-connect-chatjs keep its `name` values so apps that branch on them
// keep working. No other file spells out one of these codes.

/**
 * `type` of the ChatServiceErrors the SDK makes itself (the service's own error names, such as
 * AccessDeniedException or ThrottlingException, pass through as the AWS SDK reports them).
 */
export const SERVICE_ERROR_TYPES = {
  /** No HTTP answer came (fetch TypeError, connection reset/refused, DNS, timeout). */
  NetworkError: 'NetworkError',
  /** Something that is not an Error was thrown. */
  UnknownError: 'UnknownError',
  /** An error answer without an error name. */
  Unknown: 'Unknown',
  AttachmentUploadFailed: 'AttachmentUploadFailed',
  AttachmentDownloadFailed: 'AttachmentDownloadFailed',
  InvalidAttachmentUrl: 'InvalidAttachmentUrl',
  /** A call needs a value the session does not have (e.g. no participantToken). */
  IllegalArgument: 'IllegalArgument',
  /** The service answered without a field it always sends. */
  InvalidResponse: 'InvalidResponse',
} as const;

/** Why the manager left a state: logged, passed with state changes and lost/init-failure payloads. */
export const DisconnectReason = {
  Init: 'init',
  TransportFetched: 'transport-fetched',
  SocketOpened: 'socket-opened',
  Subscribed: 'subscribed',
  SocketClosed: 'socket-closed',
  SocketError: 'socket-error',
  ConnectTimeout: 'connect-timeout',
  HeartbeatMissed: 'heartbeat-missed',
  TransportFailed: 'transport-failed',
  TransportTimeout: 'transport-timeout',
  Offline: 'offline',
  NetworkOnline: 'network-online',
  PageVisible: 'page-visible',
  ReconnectRequested: 'reconnect-requested',
  Rotation: 'rotation',
  ClosedByClient: 'closed-by-client',
  TerminatedByClient: 'terminated-by-client',
  TerminalTransportError: 'terminal-transport-error',
  InvalidTransport: 'invalid-transport',
} as const;
export type DisconnectReason = (typeof DisconnectReason)[keyof typeof DisconnectReason];

/** The reason texts of onConnectionLost / onConnectionBroken when the websocket manager gave none. */
export const CONNECTION_REASONS = {
  lost: 'connection lost',
  broken: 'the websocket could not be re-established',
} as const;


/** A required value is missing, or a callback is not a function. */
export class ValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ValueError';
  }
}

/** An argument is missing or breaks a rule. `argument` names the field, e.g. `chatDetails.contactId`. */
export class IllegalArgumentException extends Error {
  readonly argument: unknown;
  constructor(message: string, argument?: unknown) {
    super(message);
    this.name = 'IllegalArgument';
    this.argument = argument;
  }
}

/** The session is not in a state that allows the call (before connect(), after the chat ended). */
export class IllegalStateException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IllegalState';
  }
}

/** A method upstream declares but does not implement. */
export class UnImplementedMethodException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnImplementedMethod';
  }
}

/** Text that should have been JSON was not. */
export class IllegalJsonException extends Error {
  readonly causeException: unknown;
  readonly originalJsonString: string;
  constructor(message: string, details: { causeException: unknown; originalJsonString: string }) {
    super(message);
    this.name = 'IllegalState';
    this.causeException = details.causeException;
    this.originalJsonString = details.originalJsonString;
  }
}

/**
 * A Participant Service call failed. Carries the fields amazon-connect-chatjs puts on its rejections:
 * `type` (the service's error name, e.g. `AccessDeniedException`, or `NetworkError` when no answer came),
 * `message`, `statusCode` and the caller's `metadata`.
 *
 * As upstream's rejections were plain objects, apps log them with `JSON.stringify(error)` or `{ ...error }`:
 * `type`, `message`, `stack`, `statusCode`, `metadata`, `requestId` and `retryable` are own enumerable
 * properties, in that order. `stack` is the standard string (upstream: an array of lines). `cause` (the
 * raw SDK error) is not enumerable, so serializing never walks into the HTTP response.
 */
export class ChatServiceError extends Error {
  readonly type: string;
  declare readonly message: string;
  declare stack: string;
  readonly statusCode: number | undefined;
  readonly metadata: unknown;
  readonly requestId: string | undefined;
  /** True when retrying the same call later can succeed (throttling, 5xx, network). */
  readonly retryable: boolean;
  declare readonly cause: unknown;

  constructor(init: {
    type: string;
    message: string;
    statusCode?: number;
    metadata?: unknown;
    requestId?: string;
    retryable?: boolean;
    cause?: unknown;
    stack?: string;
  }) {
    super(init.message);
    const own = (this as { stack?: unknown }).stack;
    const stack = init.stack ?? (typeof own === 'string' ? own : `${this.name}: ${init.message}`);
    // Error's own `message` and `stack` are not enumerable; re-add them, in upstream's key order.
    delete (this as { stack?: unknown }).stack;
    delete (this as { message?: unknown }).message;
    this.type = init.type;
    Object.defineProperty(this, 'message', { value: init.message, enumerable: true, writable: true, configurable: true });
    Object.defineProperty(this, 'stack', { value: stack, enumerable: true, writable: true, configurable: true });
    this.statusCode = init.statusCode;
    this.metadata = init.metadata ?? null;
    this.requestId = init.requestId;
    this.retryable = init.retryable ?? false;
    Object.defineProperty(this, 'cause', { value: init.cause, enumerable: false, writable: true, configurable: true });
  }

  /** A copy that carries the caller's metadata (the client does not know it). */
  withMetadata(metadata: unknown): ChatServiceError {
    const { type, message, statusCode, requestId, retryable, cause, stack } = this;
    return new ChatServiceError({ type, message, statusCode, requestId, retryable, cause, stack, metadata });
  }
}
// On the prototype, so `name` is neither an own key nor in JSON.stringify(error) (as upstream's objects).
Object.defineProperty(ChatServiceError.prototype, 'name', { value: 'ChatServiceError', enumerable: false, writable: true, configurable: true });

/** An attachment was refused before any API call (type or size), or the service scanned it as unsafe. */
export class AttachmentError extends IllegalArgumentException {
  readonly fileName: string;
  constructor(message: string, fileName: string, argument: unknown = 'attachment') {
    super(message, argument);
    this.fileName = fileName;
  }
}

/**
 * A receipt was sent while receipts are switched off. Keeps upstream's `errorMessage` text so apps that
 * read it keep working; the message says how to switch receipts back on.
 */
export class ReceiptsDisabledError extends IllegalStateException {
  readonly errorMessage = 'Ignoring messageReceipt: false';
  constructor() {
    super(
      'Message receipts are disabled (features.messageReceipts.shouldSendMessageReceipts is false); ' +
        'enable them with ChatSession.setGlobalConfig({ features: { messageReceipts: { shouldSendMessageReceipts: true } } }) ' +
        'or the session’s own features.messageReceipts',
    );
  }
}

/** Why a link went down or an attempt failed; `code` is the manager's reason code. */
export class WebSocketTransportError extends Error {
  readonly code: DisconnectReason;
  readonly cause: unknown;
  constructor(code: DisconnectReason, message: string, cause?: unknown) {
    super(message);
    this.name = 'WebSocketTransportError';
    this.code = code;
    this.cause = cause;
  }
}

/**
 * Thrown (or rejected) by a transport function when retrying cannot help, e.g. the service answered 403
 * because the chat is over. The manager then fires initFailure and stops.
 */
export class TerminalTransportError extends Error {
  readonly terminal = true;
  readonly statusCode: number | undefined;
  readonly cause: unknown;
  constructor(message: string, cause?: unknown, statusCode?: number) {
    super(message);
    this.name = 'TerminalTransportError';
    this.cause = cause;
    this.statusCode = statusCode;
  }
}

export const isChatServiceError = (e: unknown): e is ChatServiceError => e instanceof ChatServiceError;

/**
 * `connect({ resumeAfterItemId })`: the chat ended while this session was away (the service refused a new
 * connection with 403). The session has ended too (`onEnded` fires); start a new chat to talk again.
 */
export class ChatEndedException extends IllegalStateException {
  readonly statusCode: number | undefined;
  constructor(message: string, statusCode?: number) {
    super(message);
    this.name = 'ChatEnded';
    this.statusCode = statusCode;
  }
}

/**
 * `connect({ resumeAfterItemId })`: the service does not know that item in this chat, so the session could not
 * tell which items were missed. `itemId` is the value given; the session is `broken` and may connect again.
 */
export class UnknownResumeItemException extends IllegalArgumentException {
  readonly itemId: string;
  constructor(message: string, itemId: string) {
    super(message, 'resumeAfterItemId');
    this.name = 'UnknownResumeItem';
    this.itemId = itemId;
  }
}
