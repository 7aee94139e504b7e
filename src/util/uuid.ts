// UUID v4 for idempotency tokens. `crypto.randomUUID` is missing on older browsers and on pages that are not
// a secure context, so fall back to building one from `crypto.getRandomValues`.

const hex = (byte: number): string => byte.toString(16).padStart(2, '0');

/** A random RFC 4122 version 4 UUID. */
export function uuidV4(): string {
  const webCrypto: Crypto | undefined = globalThis.crypto;
  if (typeof webCrypto?.randomUUID === 'function') return webCrypto.randomUUID();
  if (typeof webCrypto?.getRandomValues !== 'function') {
    throw new Error('No Web Crypto: cannot generate an idempotency token');
  }
  return uuidFromBytes(webCrypto.getRandomValues(new Uint8Array(16)));
}

/** Formats 16 random bytes as a v4 UUID (sets the version and variant bits). Exported for tests. */
export function uuidFromBytes(bytes: Uint8Array): string {
  const b = Array.from(bytes.slice(0, 16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = b.map(hex).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
