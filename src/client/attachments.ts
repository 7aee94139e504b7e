// Attachment flows over the Participant Service: upload (check → Start → PUT → Complete), download and URL.
// Unlike amazon-connect-chatjs, the file is checked before any call, the PUT status is checked (Complete is
// never called after a failed PUT), progress is reported, and presigned URLs must be https (loopback excepted).

import type { AttachmentProgress, SendAttachmentResult } from '../types.js';
import { ChatServiceError } from '../errors.js';
import { checkAttachment, type AttachmentFile } from './attachmentRules.js';
import type { ParticipantClient } from './participantClient.js';
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
}

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
  const contentType = checkAttachment(file);
  const started = await client.startAttachmentUpload(connectionToken, {
    attachmentName: file.name,
    attachmentSizeInBytes: file.size,
    contentType,
    clientToken: options.clientToken,
  });
  const attachmentId = started.AttachmentId;
  if (!attachmentId) {
    throw new ChatServiceError({ type: 'AttachmentUploadFailed', message: 'StartAttachmentUpload returned no AttachmentId' });
  }
  const url = checkTransferUrl(started.UploadMetadata?.Url);
  await putAttachment(url, started.UploadMetadata?.HeadersToInclude ?? {}, file, options);
  await client.completeAttachmentUpload(connectionToken, attachmentId);
  return { AttachmentId: attachmentId, $metadata: started.$metadata };
}

/** The presigned download URL of an attachment (checked against the URL rule). */
export async function getAttachmentUrl(
  client: AttachmentApi,
  connectionToken: string,
  attachmentId: string,
): Promise<string> {
  const response = await client.getAttachment(connectionToken, attachmentId);
  return checkTransferUrl(response.Url);
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
