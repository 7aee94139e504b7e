// The Participant Service client and attachment flows (see participantClient.ts and attachments.ts).
export {
  ParticipantClient,
  getParticipantClient,
  clearParticipantClientCache,
  stripStartPosition,
  type ParticipantClientConfig,
  type ConnectionTypeName,
  type CreateConnectionOptions,
  type SendMessageInput,
  type SendEventInput,
  type GetTranscriptInput,
  type StartPositionInput,
  type StartAttachmentUploadInput,
  type AuthenticationUrlInput,
} from './participantClient.js';
export { toChatServiceError, isRetryableError, isNetworkError } from './errors.js';
export { ParticipantRetryStrategy, retryDelayMs, DEFAULT_RETRY, type RetryOptions } from './retryStrategy.js';
export {
  uploadAttachment,
  downloadAttachment,
  getAttachmentUrl,
  type AttachmentApi,
  type UploadAttachmentOptions,
  type DownloadAttachmentOptions,
} from './attachments.js';
export { checkAttachment } from './attachmentRules.js';
export { ATTACHMENT_TYPES, ALLOWED_ATTACHMENT_MIME_TYPES } from '../constants.js';
export type { AttachmentFile } from '../util/files.js';
export {
  checkTransferUrl,
  type XhrLike,
  type XhrConstructor,
  type FetchLike,
} from './transfer.js';
export { uuidV4 } from '../util/uuid.js';
