// What Amazon Connect accepts as a chat attachment (participant-wire.md §8.1), checked before any API call
// so the app gets a clear error instead of a ValidationException or a file that never arrives.
//
// The rule: a file is accepted when its MIME type is one of the allowed types, or when the browser gave no
// useful type (empty, or application/octet-stream) and its extension is allowed. In the second case the
// upload is declared with the extension's MIME type, since the service requires a non-empty ContentType.

import { ALLOWED_ATTACHMENT_MIME_TYPES, ATTACHMENT_LIMITS, ATTACHMENT_TYPES } from '../constants.js';
import { AttachmentError } from '../errors.js';
import { baseMimeType, extensionOf, GENERIC_MIME_TYPES, type AttachmentFile } from '../util/files.js';


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
  if (GENERIC_MIME_TYPES.has(mime) && byExtension?.[0]) return byExtension[0];
  const described = mime ? `type "${mime}"` : 'no type and an unsupported extension';
  throw new AttachmentError(
    `Attachment "${name}" has ${described}; Amazon Connect accepts ${allowedList()} (up to ${megabytes(limit)}).`,
    name,
  );
}
