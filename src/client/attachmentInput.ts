// What sendAttachment accepts: a File, a Blob with a name, or (no DOM needed, e.g. a Node relay) a
// `{ name, type, data }` descriptor whose data is a Uint8Array, an ArrayBuffer or a Node Buffer. Everything
// becomes a named Blob here, so the upload path below deals with one shape.
import { AttachmentError } from '../errors.js';
import type { AttachmentBytes, AttachmentDescriptor } from '../types.js';
import type { AttachmentFile } from './attachmentRules.js';

export type UploadFile = Blob & AttachmentFile;

const ACCEPTED =
  'a File, a Blob with a name, or { name, type, data } with data a Uint8Array, ArrayBuffer or Buffer';

const isBlob = (value: unknown): value is Blob => typeof Blob === 'function' && value instanceof Blob;
// Checked without instanceof, which fails for bytes made in another realm (a Node Buffer seen from jsdom, an iframe).
const isArrayBuffer = (value: unknown): value is ArrayBuffer => Object.prototype.toString.call(value) === '[object ArrayBuffer]';
const isBytes = (value: unknown): value is AttachmentBytes => ArrayBuffer.isView(value) || isArrayBuffer(value);

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name ? `a ${name}` : 'an object';
}

function refuse(got: string, field = 'attachment', fileName = ''): AttachmentError {
  return new AttachmentError(`sendAttachment: ${field} must be ${ACCEPTED}; got ${got}.`, fileName, field);
}

/** A copy of the bytes in a fresh ArrayBuffer (a Buffer may be a view into Node's shared pool). */
function copyBytes(data: AttachmentBytes): Uint8Array<ArrayBuffer> {
  const view = isArrayBuffer(data) ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(view);
}

function fromDescriptor(input: AttachmentDescriptor): UploadFile {
  const { name, type, data } = input;
  if (typeof name !== 'string' || name.trim() === '') throw refuse(`name ${JSON.stringify(name)}`, 'attachment.name');
  if (type !== undefined && typeof type !== 'string') throw refuse(`type ${typeof type}`, 'attachment.type', name);
  if (!isBytes(data)) throw refuse(`data as ${describe(data)}`, 'attachment.data', name);
  const bytes = copyBytes(data);
  const options = { type: type ?? '' };
  if (typeof File === 'function') return new File([bytes], name, options);
  return Object.assign(new Blob([bytes], options), { name });
}

/** The named Blob to upload; throws `AttachmentError` naming the accepted forms for anything else. */
export function toUploadFile(input: unknown): UploadFile {
  if (isBlob(input)) return input as UploadFile; // name, type and size are checked by the attachment rules
  if (typeof input === 'object' && input !== null && 'data' in input) return fromDescriptor(input as AttachmentDescriptor);
  throw refuse(isBytes(input) ? `bare bytes (${describe(input)}); wrap them as { name, type, data }` : describe(input));
}
