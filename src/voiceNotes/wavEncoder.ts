// A RIFF/WAVE file of mono 16-bit PCM: the audio format Amazon Connect accepts as a chat attachment
// (audio/wav). Pure, so it is tested on its own; the Web Audio side lives in audioConversion.ts.

const HEADER_BYTES = 44;
const BITS_PER_SAMPLE = 16;
const CHANNELS = 1;
const PCM_FORMAT = 1;

function writeAscii(view: DataView, offset: number, text: string): void {
  for (let i = 0; i < text.length; i += 1) view.setUint8(offset + i, text.charCodeAt(i));
}

/** A float sample in [-1, 1] (clamped) as a signed 16-bit integer. */
export function toPcm16(sample: number): number {
  const clamped = Number.isFinite(sample) ? Math.max(-1, Math.min(1, sample)) : 0;
  // Asymmetric scale so -1 → -32768 and 1 → 32767, the full range of a signed 16-bit sample.
  return clamped < 0 ? Math.round(clamped * 0x8000) : Math.round(clamped * 0x7fff);
}

/** Encodes mono float samples as a 16-bit PCM WAV file at `sampleRate` Hz. */
export function encodeWav(samples: Float32Array, sampleRate: number): Uint8Array<ArrayBuffer> {
  if (!Number.isInteger(sampleRate) || sampleRate <= 0) throw new RangeError(`sampleRate must be a positive integer, got ${sampleRate}`);
  const blockAlign = (CHANNELS * BITS_PER_SAMPLE) / 8;
  const dataBytes = samples.length * blockAlign;
  const bytes = new Uint8Array(HEADER_BYTES + dataBytes);
  const view = new DataView(bytes.buffer);
  writeAscii(view, 0, 'RIFF');
  view.setUint32(4, HEADER_BYTES - 8 + dataBytes, true);
  writeAscii(view, 8, 'WAVE');
  writeAscii(view, 12, 'fmt ');
  view.setUint32(16, 16, true); // size of the PCM fmt chunk
  view.setUint16(20, PCM_FORMAT, true);
  view.setUint16(22, CHANNELS, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * blockAlign, true); // byte rate
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, BITS_PER_SAMPLE, true);
  writeAscii(view, 36, 'data');
  view.setUint32(40, dataBytes, true);
  for (let i = 0; i < samples.length; i += 1) view.setInt16(HEADER_BYTES + i * blockAlign, toPcm16(samples[i] ?? 0), true);
  return bytes;
}
