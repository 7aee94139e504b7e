// Facts about files and bytes shared by the attachment rules (client/) and voice-note conversion
// (voiceNotes/), so each rule is written once.

/** The file facts the attachment rules and the voice-note conversion look at; a `File` has them all. */
export interface AttachmentFile {
  name: string;
  size: number;
  type: string;
}

/** `"text/plain; charset=utf-8"` → `"text/plain"`. */
export const baseMimeType = (type: string): string => (type.split(';')[0] ?? '').trim().toLowerCase();

/** `"note.OGG"` → `"ogg"`; `""` when the name has no dot. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot >= 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** Types browsers report when they do not know the file's type. */
export const GENERIC_MIME_TYPES: ReadonlySet<string> = new Set(['', 'application/octet-stream']);

/** A copy of the bytes in a fresh buffer (a Buffer may be a view into Node's shared pool), or null if not bytes. */
export function copyBytes(data: unknown): Uint8Array<ArrayBuffer> | null {
  // No instanceof: it fails for bytes made in another realm (a Node Buffer seen from jsdom, an iframe).
  if (ArrayBuffer.isView(data)) return new Uint8Array(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  return Object.prototype.toString.call(data) === '[object ArrayBuffer]' ? new Uint8Array(new Uint8Array(data as ArrayBuffer)) : null;
}
