// Wire values and numbers shared by the whole SDK. Wire strings are facts of the Amazon Connect service.

const EVENT = 'application/vnd.amazonaws.connect.event.';

/** Every content type the service uses for messages and events (39 values, as amazon-connect-chatjs 5.0.0). */
export const CONTENT_TYPE = {
  textPlain: 'text/plain',
  textMarkdown: 'text/markdown',
  textCsv: 'text/csv',
  applicationDoc: 'application/msword',
  applicationDocx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  applicationJson: 'application/json',
  applicationPdf: 'application/pdf',
  applicationPpt: 'application/vnd.ms-powerpoint',
  applicationPptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  applicationXls: 'application/vnd.ms-excel',
  applicationXlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  imageJpg: 'image/jpeg',
  imagePng: 'image/png',
  audioWav: 'audio/wav',
  audioXWav: 'audio/x-wav',
  audioVndWave: 'audio/vnd.wave',
  interactiveMessage: 'application/vnd.amazonaws.connect.message.interactive',
  interactiveMessageResponse: 'application/vnd.amazonaws.connect.message.interactive.response',
  typing: `${EVENT}typing`,
  connectionAcknowledged: `${EVENT}connection.acknowledged`,
  participantJoined: `${EVENT}participant.joined`,
  participantLeft: `${EVENT}participant.left`,
  participantActive: `${EVENT}participant.active`,
  participantInactive: `${EVENT}participant.inactive`,
  participantIdle: `${EVENT}participant.idle`,
  participantReturned: `${EVENT}participant.returned`,
  participantInvited: `${EVENT}participant.invited`,
  autoDisconnection: `${EVENT}participant.autodisconnection`,
  participantDisplayNameUpdated: `${EVENT}participant.displayname.updated`,
  transferSucceeded: `${EVENT}transfer.succeeded`,
  transferFailed: `${EVENT}transfer.failed`,
  chatEnded: `${EVENT}chat.ended`,
  chatRehydrated: `${EVENT}chat.rehydrated`,
  readReceipt: `${EVENT}message.read`,
  deliveredReceipt: `${EVENT}message.delivered`,
  workflowCancelled: `${EVENT}workflow.cancelled`,
  authenticationInitiated: `${EVENT}authentication.initiated`,
  authenticationSuccessful: `${EVENT}authentication.succeeded`,
  authenticationFailed: `${EVENT}authentication.failed`,
  authenticationTimeout: `${EVENT}authentication.timeout`,
  authenticationExpired: `${EVENT}authentication.expired`,
  authenticationCanceled: `${EVENT}authentication.cancelled`,
} as const;

export const ALL_CONTENT_TYPES: readonly string[] = Object.values(CONTENT_TYPE);

/** Internal event names of the session bus; the public `on*` methods subscribe to these. */
export const CHAT_EVENTS = {
  INCOMING_MESSAGE: 'INCOMING_MESSAGE',
  INCOMING_TYPING: 'INCOMING_TYPING',
  INCOMING_READ_RECEIPT: 'INCOMING_READ_RECEIPT',
  INCOMING_DELIVERED_RECEIPT: 'INCOMING_DELIVERED_RECEIPT',
  CONNECTION_ESTABLISHED: 'CONNECTION_ESTABLISHED',
  CONNECTION_LOST: 'CONNECTION_LOST',
  CONNECTION_BROKEN: 'CONNECTION_BROKEN',
  CONNECTION_ACK: 'CONNECTION_ACK',
  CHAT_ENDED: 'CHAT_ENDED',
  MESSAGE_METADATA: 'MESSAGEMETADATA',
  PARTICIPANT_IDLE: 'PARTICIPANT_IDLE',
  PARTICIPANT_RETURNED: 'PARTICIPANT_RETURNED',
  PARTICIPANT_INVITED: 'PARTICIPANT_INVITED',
  AUTODISCONNECTION: 'AUTODISCONNECTION',
  DEEP_HEARTBEAT_SUCCESS: 'DEEP_HEARTBEAT_SUCCESS',
  DEEP_HEARTBEAT_FAILURE: 'DEEP_HEARTBEAT_FAILURE',
  AUTHENTICATION_INITIATED: 'AUTHENTICATION_INITIATED',
  AUTHENTICATION_SUCCESSFUL: 'AUTHENTICATION_SUCCESSFUL',
  AUTHENTICATION_FAILED: 'AUTHENTICATION_FAILED',
  AUTHENTICATION_TIMEOUT: 'AUTHENTICATION_TIMEOUT',
  AUTHENTICATION_EXPIRED: 'AUTHENTICATION_EXPIRED',
  AUTHENTICATION_CANCELED: 'AUTHENTICATION_CANCELED',
  PARTICIPANT_DISPLAY_NAME_UPDATED: 'PARTICIPANT_DISPLAY_NAME_UPDATED',
  CHAT_REHYDRATED: 'CHAT_REHYDRATED',
  TRANSCRIPT_UPDATED: 'TRANSCRIPT_UPDATED',
} as const;

export type ChatEventName = (typeof CHAT_EVENTS)[keyof typeof CHAT_EVENTS];

export const SESSION_TYPES = { AGENT: 'AGENT', CUSTOMER: 'CUSTOMER' } as const;

export const LOG_LEVELS = { DEBUG: 10, INFO: 20, WARN: 30, ERROR: 40, ADVANCED_LOG: 50 } as const;

export const DEFAULT_REGION = 'us-west-2';

/** Websocket topics and reserved frames (chatjs-behavior §1.3). */
export const TOPICS = {
  chat: 'aws/chat',
  subscribe: 'aws/subscribe',
  unsubscribe: 'aws/unsubscribe',
  heartbeat: 'aws/heartbeat',
  ping: 'aws/ping',
} as const;

export const CONNECTION_TYPES = { WEBSOCKET: 'WEBSOCKET', CONNECTION_CREDENTIALS: 'CONNECTION_CREDENTIALS' } as const;

/** Timings, in milliseconds unless the name says otherwise. */
export const TIMINGS = {
  typingThrottleMs: 10_000,
  receiptThrottleMs: 5_000,
  deliveredReceiptDelayMs: 300,
  connectionTokenRefreshBeforeExpiryMs: 60_000,
  transportLifetimeSeconds: 3540,
  websocketUrlUsableMs: 85_000,
  heartbeatIntervalMs: 10_000,
} as const;

export const TRANSCRIPT_DEFAULTS = {
  maxResults: 15,
  sortOrder: 'ASCENDING',
  scanDirection: 'BACKWARD',
} as const;

export const MESSAGE_STATUS = {
  SENDING: 'SENDING',
  SENT: 'SENT',
  FAILED: 'FAILED',
  DELIVERED: 'DELIVERED',
  READ: 'READ',
  UNKNOWN: 'UNKNOWN',
} as const;

export const ATTACHMENT_LIMITS = { maxBytes: 20 * 1024 * 1024 } as const;

/** Allowed extensions and the MIME types each may arrive as; the first one is used when the browser gave none. */
export const ATTACHMENT_TYPES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  csv: [CONTENT_TYPE.textCsv],
  doc: [CONTENT_TYPE.applicationDoc],
  docx: [CONTENT_TYPE.applicationDocx],
  heic: ['image/heic'],
  jfif: [CONTENT_TYPE.imageJpg],
  jpeg: [CONTENT_TYPE.imageJpg],
  jpg: [CONTENT_TYPE.imageJpg],
  mov: ['video/quicktime'],
  mp4: ['video/mp4'],
  pdf: [CONTENT_TYPE.applicationPdf],
  png: [CONTENT_TYPE.imagePng],
  ppt: [CONTENT_TYPE.applicationPpt],
  pptx: [CONTENT_TYPE.applicationPptx],
  rtf: ['application/rtf', 'text/rtf'],
  txt: [CONTENT_TYPE.textPlain],
  wav: [CONTENT_TYPE.audioWav, CONTENT_TYPE.audioXWav, CONTENT_TYPE.audioVndWave],
  xls: [CONTENT_TYPE.applicationXls],
  xlsx: [CONTENT_TYPE.applicationXlsx],
});

export const ALLOWED_ATTACHMENT_MIME_TYPES: ReadonlySet<string> = new Set(Object.values(ATTACHMENT_TYPES).flat());

/** Upstream's guard text for calls made before connect() or after the participant left (kept verbatim for apps that match on it). */
export const NO_ACTIVE_CONNECTION = (method: string): string => `Failed to call ${method}, No active connection`;
