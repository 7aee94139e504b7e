// Moving attachment bytes to and from the presigned URLs the service hands out. Nothing here talks to the
// Participant Service itself; the statuses are checked because a failed PUT otherwise looks like success.

import type { AttachmentProgress } from '../types.js';
import { ChatServiceError } from '../errors.js';

export const ATTACHMENT_UPLOAD_FAILED = 'AttachmentUploadFailed';
export const ATTACHMENT_DOWNLOAD_FAILED = 'AttachmentDownloadFailed';
export const INVALID_ATTACHMENT_URL = 'InvalidAttachmentUrl';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The parts of XMLHttpRequest the upload uses, so tests and other runtimes can supply their own. */
export interface XhrLike {
  status: number;
  upload: { onprogress: ((event: ProgressEvent) => void) | null };
  onload: (() => void) | null;
  onerror: (() => void) | null;
  onabort: (() => void) | null;
  ontimeout: (() => void) | null;
  open(method: string, url: string): void;
  setRequestHeader(name: string, value: string): void;
  send(body: Blob): void;
}
export type XhrConstructor = new () => XhrLike;
export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

/** Where the bytes go and how to report progress; environment hooks default to the globals. */
export interface PutOptions {
  onProgress?: (progress: AttachmentProgress) => void;
  xhr?: XhrConstructor | null;
  fetch?: FetchLike;
}

/**
 * Presigned URLs must be https, except http on a loopback host (the local emulator). Returns the URL;
 * throws `ChatServiceError` (`InvalidAttachmentUrl`) otherwise. Only the origin is quoted: the rest is a secret.
 */
export function checkTransferUrl(url: string | undefined): string {
  let parsed: URL | undefined;
  try {
    parsed = url ? new URL(url) : undefined;
  } catch {
    parsed = undefined;
  }
  if (parsed?.protocol === 'https:' || (parsed?.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname))) {
    return url as string;
  }
  const shown = parsed ? parsed.origin : 'a missing or malformed URL';
  throw new ChatServiceError({
    type: INVALID_ATTACHMENT_URL,
    message: `Refusing attachment transfer to ${shown}: the URL must be https (http only on a loopback host).`,
  });
}

const report = (onProgress: PutOptions['onProgress'], loaded: number, total: number): void => {
  try {
    onProgress?.({ loaded, total });
  } catch {
    // The app's callback must not break the upload.
  }
};

/** No answer, throttling or 500/502/503/504: what a later try may fix (the AWS SDK's judgement). */
const isPassingStatus = (statusCode: number | undefined): boolean => statusCode === undefined || statusCode === 429 || [500, 502, 503, 504].includes(statusCode);

const uploadFailed = (message: string, statusCode?: number, cause?: unknown): ChatServiceError =>
  new ChatServiceError({
    type: ATTACHMENT_UPLOAD_FAILED,
    message,
    statusCode,
    retryable: isPassingStatus(statusCode),
    cause,
  });

const isOk = (status: number): boolean => status >= 200 && status < 300;

function putWithXhr(Xhr: XhrConstructor, url: string, headers: Record<string, string>, file: Blob, o: PutOptions) {
  return new Promise<number>((resolve, reject) => {
    const xhr = new Xhr();
    xhr.open('PUT', url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => report(o.onProgress, e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => resolve(xhr.status);
    xhr.onerror = () => reject(uploadFailed('Attachment upload failed: network error'));
    xhr.onabort = () => reject(uploadFailed('Attachment upload was aborted'));
    xhr.ontimeout = () => reject(uploadFailed('Attachment upload timed out'));
    xhr.send(file);
  });
}

async function putWithFetch(fetchFn: FetchLike, url: string, headers: Record<string, string>, file: Blob) {
  try {
    const response = await fetchFn(url, { method: 'PUT', headers, body: file });
    return response.status;
  } catch (e) {
    throw uploadFailed('Attachment upload failed: network error', undefined, e);
  }
}

/**
 * PUTs the file with exactly `headers`. Uses XMLHttpRequest when there is one, for upload progress;
 * otherwise fetch, which cannot report progress. Either way a final `{loaded: size, total: size}` is reported
 * after a 2xx. Rejects `AttachmentUploadFailed` (with `statusCode`) on any other outcome.
 */
export async function putAttachment(
  url: string,
  headers: Record<string, string>,
  file: Blob,
  options: PutOptions = {},
): Promise<void> {
  const Xhr = options.xhr === undefined ? (globalThis.XMLHttpRequest as XhrConstructor | undefined) : options.xhr;
  const fetchFn = options.fetch ?? globalThis.fetch;
  let status: number;
  if (Xhr) status = await putWithXhr(Xhr, url, headers, file, options);
  else if (fetchFn) status = await putWithFetch(fetchFn, url, headers, file);
  else throw uploadFailed('Attachment upload needs XMLHttpRequest or fetch');
  if (!isOk(status)) throw uploadFailed(`Attachment upload failed with HTTP ${status}`, status);
  report(options.onProgress, file.size, file.size);
}

/** GETs the file; rejects `AttachmentDownloadFailed` (with `statusCode` when an answer came) unless 2xx. */
export async function fetchAttachment(url: string, fetchFn: FetchLike | undefined = globalThis.fetch): Promise<Blob> {
  const failed = (message: string, statusCode?: number, cause?: unknown) =>
    new ChatServiceError({
      type: ATTACHMENT_DOWNLOAD_FAILED,
      message,
      statusCode,
      retryable: isPassingStatus(statusCode),
      cause,
    });
  if (!fetchFn) throw failed('Attachment download needs fetch');
  let response: Response;
  try {
    response = await fetchFn(url);
  } catch (e) {
    throw failed('Attachment download failed: network error', undefined, e);
  }
  if (!isOk(response.status)) throw failed(`Attachment download failed with HTTP ${response.status}`, response.status);
  return response.blob();
}
