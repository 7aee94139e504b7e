// What Amazon Connect accepts as a chat attachment (participant-wire.md §8.1), checked before any API call
// so the app gets a clear error instead of a ValidationException or a file that never arrives.
//
// The rule: a file is accepted when its MIME type is one of the allowed types, or when the browser gave no
// useful type (empty, or application/octet-stream) and its extension is allowed. In the second case the
// upload is declared with the extension's MIME type, since the service requires a non-empty ContentType.

import { ATTACHMENT_LIMITS } from '../constants.js';
import { AttachmentError } from '../errors.js';

/** Allowed extensions and the MIME types each may arrive as; the first one is used when the browser gave none. */
export const ATTACHMENT_TYPES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  csv: ['text/csv'],
  doc: ['application/msword'],
  docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  heic: ['image/heic'],
  jfif: ['image/jpeg'],
  jpeg: ['image/jpeg'],
  jpg: ['image/jpeg'],
  mov: ['video/quicktime'],
  mp4: ['video/mp4'],
  pdf: ['application/pdf'],
  png: ['image/png'],
  ppt: ['application/vnd.ms-powerpoint'],
  pptx: ['application/vnd.openxmlformats-officedocument.presentationml.presentation'],
  rtf: ['application/rtf', 'text/rtf'],
  txt: ['text/plain'],
  wav: ['audio/wav', 'audio/x-wav', 'audio/vnd.wave'],
  xls: ['application/vnd.ms-excel'],
  xlsx: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
});

export const ALLOWED_ATTACHMENT_MIME_TYPES: ReadonlySet<string> = new Set(Object.values(ATTACHMENT_TYPES).flat());

/** Types browsers report when they do not know the file's type. */
const GENERIC_TYPES = new Set(['', 'application/octet-stream']);

/** The file facts the rules look at; a `File` has them all. */
export interface AttachmentFile {
  name: string;
  size: number;
  type: string;
}

/** `"text/plain; charset=utf-8"` → `"text/plain"`. */
const baseMimeType = (type: string): string => (type.split(';')[0] ?? '').trim().toLowerCase();

const extensionOf = (name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot >= 0 ? name.slice(dot + 1).toLowerCase() : '';
};

const allowedList = (): string => Object.keys(ATTACHMENT_TYPES).map((ext) => `.${ext}`).join(', ');

const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/**
 * Checks type and size; returns the ContentType to declare to StartAttachmentUpload.
 * Throws `AttachmentError` naming the file and the rule it broke.
 */
export function checkAttachment(file: AttachmentFile): string {
  const name = String(file.name ?? '');
  const limit = ATTACHMENT_LIMITS.maxBytes;
  if (!(file.size > 0)) {
    throw new AttachmentError(`Attachment "${name}" is empty; Amazon Connect does not accept empty files.`, name);
  }
  if (file.size > limit) {
    throw new AttachmentError(
      `Attachment "${name}" is ${megabytes(file.size)}; the limit is ${megabytes(limit)} (${limit} bytes).`,
      name,
    );
  }
  const mime = baseMimeType(String(file.type ?? ''));
  if (ALLOWED_ATTACHMENT_MIME_TYPES.has(mime)) return mime;
  const byExtension = ATTACHMENT_TYPES[extensionOf(name)];
  if (GENERIC_TYPES.has(mime) && byExtension?.[0]) return byExtension[0];
  const described = mime ? `type "${mime}"` : 'no type and an unsupported extension';
  throw new AttachmentError(
    `Attachment "${name}" has ${described}; Amazon Connect accepts ${allowedList()} (up to ${megabytes(limit)}).`,
    name,
  );
}
