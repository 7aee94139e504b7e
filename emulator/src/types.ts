// The emulator's public option/result types and the wire shapes it stores and sends.

/**
 * Which scripted participant answers customers on every new contact. `demo` runs the demo contact flow:
 * a bot greets, asks with interactive messages and hands over to a queue (docs/emulator.md).
 */
export type BotKind = 'none' | 'echo' | 'lex' | 'demo';

/**
 * Chat timeouts, as Amazon Connect's UpdateParticipantRoleConfig sets them per role (there in minutes,
 * 2..480; here in milliseconds so demos and tests can be short). Unset = no such timer.
 */
export interface ChatTimeouts {
  /** The customer is marked idle (participant.idle) after this long without a message. */
  customerIdleMs?: number;
  /** After the customer is idle (or from the start when no idle timer is set) this long, agents are disconnected. */
  customerDisconnectMs?: number;
  agentIdleMs?: number;
  agentDisconnectMs?: number;
}

/** The contact-center parts of the emulator: queues, the no-agent path, timeouts. */
export interface ContactCenterOptions {
  /** Queue names; the first is where new contacts and the demo flow's handover go. Default `['BasicQueue']`. */
  queues?: string[];
  /** When a flow hands over to a queue with no agent staffed: `wait` (default) or `end` (a message, then the chat ends). */
  noAgent?: 'wait' | 'end';
  /** Longest a handed-over contact waits before the no-agent path ends it. Default: no limit. */
  maxQueueWaitMs?: number;
  /**
   * How often a waiting customer handed over by a flow gets a SYSTEM message with its place in the queue
   * and the expected wait (an emulator convenience, see docs/emulator.md). 0 = only when it enters. Default 0.
   */
  queueUpdateIntervalMs?: number;
  /** Idle and auto-disconnect timers; none by default (`bot: 'demo'` sets short ones). */
  timeouts?: ChatTimeouts;
}

/** Options of {@link startEmulator}. Durations end in `Ms`; every field is optional. */
export interface EmulatorOptions {
  /** TCP port; 0 picks a free one. Default 9100. */
  port?: number;
  /** Interface to bind. Default `127.0.0.1`. */
  host?: string;
  /** Scripted participant for each new contact. Default `none`. */
  bot?: BotKind;
  /** Queues, the no-agent path and chat timeouts (docs/emulator.md "Contact-center sandbox"). */
  contactCenter?: ContactCenterOptions;
  /** Delay added to every answer of the AWS API routes. Default 0. */
  latencyMs?: number;
  /** PEM certificate and key (contents, not paths): serve https/wss instead of http/ws. */
  cert?: string | Buffer;
  key?: string | Buffer;
  /** How long a websocket URL may be used to connect. Default 100 000 (the service's 100 s). */
  websocketUrlTtlMs?: number;
  /** Lifetime of a connection token. Default one day. */
  connectionTokenTtlMs?: number;
  /** Lifetime of an attachment upload URL. Default 300 000. */
  attachmentUploadTtlMs?: number;
  /** Pause between the steps of a bot (typing, read receipt, answer, each Lex chunk). Default 150. */
  botDelayMs?: number;
  /** Folder whose `dist/` and `examples/` are served (an app's build and pages). Default: the current directory. */
  staticRoot?: string;
  /**
   * Origins (`scheme://host[:port]`, or `null`) whose pages may call the emulator, besides loopback origins
   * (localhost, 127.0.0.1, [::1] on any port) and the emulator's own pages. Default none.
   */
  allowOrigins?: string[];
  /** How long an ended contact (items, tokens, attachments) is kept. Default 1 800 000 (30 minutes). */
  endedContactTtlMs?: number;
  /** Active contacts at once; StartChatContact past it answers 429 LimitExceededException. Default 10 000. */
  maxActiveContacts?: number;
  /** Memory for stored items, all contacts together; past it (after forgetting ended contacts) writes answer 429. Default 256 MiB. */
  maxTranscriptBytes?: number;
  /** Attachment bytes held, all contacts together; past it StartAttachmentUpload answers 402 ServiceQuotaExceededException. Default 128 MiB. */
  maxAttachmentStoreBytes?: number;
  /** Unsent bytes a websocket may have queued (a client that stops reading) before it is closed. Default 16 MiB. */
  maxSocketBufferBytes?: number;
  /**
   * Open connections (HTTP and websocket together) at once; a connection past it is answered 503
   * ServiceUnavailableException and closed. Default: the process's open-file limit less 128.
   */
  maxConnections?: number;
  /** Called with one line per notable event (start, faults); default silent. */
  log?: (line: string) => void;
}

/** What {@link startEmulator} resolves to. */
export interface EmulatorHandle {
  /** `http://127.0.0.1:<port>` (https with TLS); what SDK clients use as `endpoint`. */
  url: string;
  port: number;
  /** Closes every socket and timer; resolves when the server is fully down. */
  close(): Promise<void>;
}

export type ParticipantRole = 'CUSTOMER' | 'AGENT' | 'SYSTEM' | 'CUSTOM_BOT' | 'SUPERVISOR';

export interface Receipt {
  DeliveredTimestamp?: string;
  ReadTimestamp?: string;
  RecipientParticipantId: string;
}

export interface MessageMetadata {
  MessageId?: string;
  Receipts?: Receipt[];
  MessageCompleted?: boolean;
  ChunkNumber?: number;
  MessageProcessingStatus?: string;
  [key: string]: unknown;
}

export interface AttachmentItem {
  ContentType: string;
  AttachmentId: string;
  AttachmentName: string;
  Status: 'APPROVED' | 'REJECTED' | 'IN_PROGRESS';
}

/** One transcript/websocket item, as the service sends it. */
export interface Item {
  Id: string;
  Type: 'MESSAGE' | 'EVENT' | 'ATTACHMENT' | 'MESSAGEMETADATA';
  AbsoluteTime: string;
  ContentType?: string;
  Content?: string;
  ParticipantId?: string;
  DisplayName?: string;
  ParticipantRole?: ParticipantRole;
  Attachments?: AttachmentItem[];
  MessageMetadata?: MessageMetadata;
  InitialContactId?: string;
  ContactId?: string;
  RelatedContactId?: string;
}
