// Attachment flows over the Participant Service: upload (check → Start → PUT → Complete), download and URL.
// Unlike amazon-connect-chatjs, the file is checked before any call, the PUT status is checked (Complete is
// never called after a failed PUT), progress is reported, and presigned URLs must be https (loopback excepted).
// Voice notes in a format the service refuses are converted to WAV first (audioConversion.ts), and an
// attachment the service's scanner rejected is reported as `AttachmentRejected` when fetched.

import type { AttachmentProgress, SendAttachmentResult, VoiceNoteConverter } from '../types.js';
import { ChatServiceError } from '../errors.js';
import { checkAttachment } from './attachmentRules.js';
import type { AttachmentFile } from '../util/files.js';
import { prepareVoiceNote } from '../voiceNotes/audioConversion.js';
import type { ParticipantClient } from './participantClient.js';
import { uuidV4 } from '../util/uuid.js';
import { checkTransferUrl, fetchAttachment, putAttachment, type FetchLike, type XhrConstructor } from './transfer.js';

/** The parts of the client the attachment flows call (a `ParticipantClient` or a test double). */
export type AttachmentApi = Pick<
  ParticipantClient,
  'startAttachmentUpload' | 'completeAttachmentUpload' | 'getAttachment'
>;

export interface UploadAttachmentOptions {
  /** Idempotency token of StartAttachmentUpload (a UUID when absent). */
  clientToken?: string;
  onProgress?: (progress: AttachmentProgress) => void;
  /** Environment hooks; default to the globals. `xhr: null` forces fetch. */
  xhr?: XhrConstructor | null;
  fetch?: FetchLike;
  /** The app's voice-note converter (setGlobalConfig), used instead of the built-in conversion. */
  voiceNoteConverter?: VoiceNoteConverter | null;
  /** Runs each of the three steps (Start, PUT, Complete); the session retries them through an outage. */
  retryStep?: <T>(step: () => Promise<T>) => Promise<T>;
}

const once = <T>(step: () => Promise<T>): Promise<T> => step();

export interface DownloadAttachmentOptions {
  fetch?: FetchLike;
}

/**
 * Uploads one file and resolves `{ AttachmentId, $metadata }` of StartAttachmentUpload (upstream's
 * `sendAttachment` data). Rejects `AttachmentError` before any call when the file breaks a rule, and
 * `ChatServiceError` for everything after that.
 */
export async function uploadAttachment(
  client: AttachmentApi,
  connectionToken: string,
  file: Blob & AttachmentFile,
  options: UploadAttachmentOptions = {},
): Promise<SendAttachmentResult> {
  const upload = await prepareVoiceNote(file, undefined, { converter: options.voiceNoteConverter });
  const contentType = checkAttachment(upload);
  const retryStep = options.retryStep ?? once;
  // Each step keeps its ClientToken across tries, so a retried Start or Complete is applied once.
  const startToken = options.clientToken ?? uuidV4();
  const completeToken = uuidV4();
  const started = await retryStep(() =>
    client.startAttachmentUpload(connectionToken, { attachmentName: upload.name, attachmentSizeInBytes: upload.size, contentType, clientToken: startToken }),
  );
  const attachmentId = started.AttachmentId;
  if (!attachmentId) {
    throw new ChatServiceError({ type: 'AttachmentUploadFailed', message: 'StartAttachmentUpload returned no AttachmentId' });
  }
  const url = checkTransferUrl(started.UploadMetadata?.Url);
  await retryStep(() => putAttachment(url, started.UploadMetadata?.HeadersToInclude ?? {}, upload, options));
  await retryStep(() => client.completeAttachmentUpload(connectionToken, attachmentId, completeToken));
  rememberName(attachmentId, upload.name);
  return { AttachmentId: attachmentId, $metadata: started.$metadata };
}

/** The presigned download URL of an attachment (checked against the URL rule). */
export async function getAttachmentUrl(
  client: AttachmentApi,
  connectionToken: string,
  attachmentId: string,
): Promise<string> {
  const response = await client.getAttachment(connectionToken, attachmentId).catch((error: unknown) => {
    throw isScannerRejection(error) ? rejectedError(attachmentId, error) : error;
  });
  return checkTransferUrl(response.Url);
}

/** `ChatServiceError.type` of an attachment the service's scanner rejected (its item's Status is REJECTED). */
export const ATTACHMENT_REJECTED = 'AttachmentRejected';

/** Names of the files uploaded from this page, so a rejection can name the file (bounded; oldest dropped). */
const uploadedNames = new Map<string, string>();
const MAX_REMEMBERED_NAMES = 200;

function rememberName(attachmentId: string, name: string): void {
  uploadedNames.set(attachmentId, name);
  if (uploadedNames.size > MAX_REMEMBERED_NAMES) uploadedNames.delete(uploadedNames.keys().next().value as string);
}

/** The service refuses GetAttachment of a scanned-and-rejected file with a 400 that says so. */
function isScannerRejection(error: unknown): error is ChatServiceError {
  return error instanceof ChatServiceError && error.statusCode === 400 && /reject/i.test(error.message);
}

function rejectedError(attachmentId: string, cause: ChatServiceError): ChatServiceError {
  const name = uploadedNames.get(attachmentId);
  const file = name === undefined ? `Attachment ${attachmentId}` : `Attachment "${name}" (${attachmentId})`;
  return new ChatServiceError({
    type: ATTACHMENT_REJECTED,
    message: `${file} was rejected by the attachment scanner and cannot be downloaded.`,
    statusCode: cause.statusCode,
    requestId: cause.requestId,
    cause,
  });
}

/** Downloads an attachment as a Blob; rejects `AttachmentDownloadFailed` unless the GET answers 2xx. */
export async function downloadAttachment(
  client: AttachmentApi,
  connectionToken: string,
  attachmentId: string,
  options: DownloadAttachmentOptions = {},
): Promise<Blob> {
  const url = await getAttachmentUrl(client, connectionToken, attachmentId);
  return fetchAttachment(url, options.fetch ?? globalThis.fetch);
}
