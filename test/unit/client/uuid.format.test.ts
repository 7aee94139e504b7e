// The v4 UUIDs the SDK makes for client tokens, with or without crypto.randomUUID.
import { uuidFromBytes, uuidV4 } from '../../../src/util/uuid';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidV4', () => {
  it('returns v4 UUIDs', () => {
    expect(uuidV4()).toMatch(UUID);
    expect(uuidV4()).not.toBe(uuidV4());
  });

  it('falls back to getRandomValues when randomUUID is missing', () => {
    const original = globalThis.crypto;
    const getRandomValues = <T extends ArrayBufferView | null>(array: T): T => {
      new Uint8Array((array as ArrayBufferView).buffer).fill(0xff);
      return array;
    };
    Object.defineProperty(globalThis, 'crypto', { value: { getRandomValues }, configurable: true });
    try {
      expect(uuidV4()).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    } finally {
      Object.defineProperty(globalThis, 'crypto', { value: original, configurable: true });
    }
  });

  it('sets the version and variant bits', () => {
    expect(uuidFromBytes(new Uint8Array(16))).toBe('00000000-0000-4000-8000-000000000000');
  });
});
