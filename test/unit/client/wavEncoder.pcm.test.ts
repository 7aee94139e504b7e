// The WAV encoder on its own: header bytes, sizes and sample conversion.
import { encodeWav, toPcm16 } from '../../../src/voiceNotes/wavEncoder';

const ascii = (bytes: Uint8Array, from: number, to: number): string => String.fromCharCode(...bytes.slice(from, to));

describe('encodeWav', () => {
  const samples = new Float32Array([0, 0.5, -0.5, 1, -1]);
  const bytes = encodeWav(samples, 16_000);
  const view = new DataView(bytes.buffer);

  it('writes a RIFF/WAVE header with a PCM fmt chunk: 16000 Hz, 1 channel, 16 bits', () => {
    expect(ascii(bytes, 0, 4)).toBe('RIFF');
    expect(ascii(bytes, 8, 16)).toBe('WAVEfmt ');
    expect(view.getUint32(16, true)).toBe(16);
    expect(view.getUint16(20, true)).toBe(1); // PCM
    expect(view.getUint16(22, true)).toBe(1); // channels
    expect(view.getUint32(24, true)).toBe(16_000);
    expect(view.getUint32(28, true)).toBe(32_000); // byte rate
    expect(view.getUint16(32, true)).toBe(2); // block align
    expect(view.getUint16(34, true)).toBe(16);
    expect(ascii(bytes, 36, 40)).toBe('data');
  });

  it('sizes the file and the chunks from the sample count', () => {
    expect(bytes.length).toBe(44 + samples.length * 2);
    expect(view.getUint32(4, true)).toBe(bytes.length - 8);
    expect(view.getUint32(40, true)).toBe(samples.length * 2);
  });

  it('stores the samples as little-endian signed 16-bit integers', () => {
    const stored = [0, 1, 2, 3, 4].map((i) => view.getInt16(44 + i * 2, true));
    expect(stored).toEqual([0, 16384, -16384, 32767, -32768]);
  });

  it('an empty input is a valid, empty WAV', () => {
    const empty = encodeWav(new Float32Array(0), 8000);
    expect(empty.length).toBe(44);
    expect(new DataView(empty.buffer).getUint32(40, true)).toBe(0);
  });

  it('refuses a sample rate that is not a positive integer', () => {
    expect(() => encodeWav(samples, 0)).toThrow(RangeError);
    expect(() => encodeWav(samples, 44_100.5)).toThrow(RangeError);
  });
});

describe('toPcm16', () => {
  it.each([
    [2, 32767],
    [-3, -32768],
    [Number.NaN, 0],
    [0.25, 8192],
  ])('%p → %p (clamped to the 16-bit range)', (input, expected) => {
    expect(toPcm16(input)).toBe(expected);
  });
});
