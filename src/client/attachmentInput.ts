// What sendAttachment accepts: a File, a Blob with a name, or (no DOM needed, e.g. a Node relay) a
// `{ name, type, data }` descriptor whose data is a Uint8Array, an ArrayBuffer or a Node Buffer. Everything
// becomes a named Blob here, so the upload path below deals with one shape.
import { AttachmentError } from '../errors.js';
import type { AttachmentDescriptor } from '../types.js';
import { copyBytes, type AttachmentFile } from '../util/files.js';

export type UploadFile = Blob & AttachmentFile;

const FORMS = 'a File, a Blob with a name, or { name, type, data } with data a Uint8Array, ArrayBuffer or Buffer';

/** The named Blob to upload; throws `AttachmentError` naming the field and the accepted forms otherwise. */
export function toUploadFile(input: unknown): UploadFile {
  if (typeof Blob === 'function' && input instanceof Blob) return input as UploadFile; // checked by the attachment rules
  const { name, type = '', data } = (input ?? {}) as Partial<AttachmentDescriptor>;
  const bytes = copyBytes(data);
  const badName = typeof name !== 'string' || !name.trim();
  if (bytes === null || badName || typeof type !== 'string') {
    const field = bytes === null ? (data === undefined ? 'attachment' : 'attachment.data') : badName ? 'attachment.name' : 'attachment.type';
    const got = bytes === null ? typeof (data ?? input) : badName ? `name ${JSON.stringify(name)}` : typeof type;
    throw new AttachmentError(`sendAttachment: ${field} must be ${FORMS}; got ${got}.`, String(name ?? ''), field);
  }
  return Object.assign(new Blob([bytes], { type }), { name });
}
