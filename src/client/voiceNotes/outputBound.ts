// The 20 MB rule, applied to what a voice note decodes to rather than to what arrives: a few hundred KB of
// Opus can declare hours of audio (120 ms per 2-byte packet), so the decoded size is known from the packets'
// headers (RFC 6716 §3.1, the TOC byte) before anything is decoded, and the Node decoder also counts as it
// goes. Pure and small: the browser path uses it too, before Web Audio decodes a file whole.
import { ATTACHMENT_LIMITS } from '../../constants.js';
import { isOgg, readOggOpus } from './oggOpus.js';
import { OpusStreamTooLongError, type OpusStream } from './opusStream.js';
import { isWebm, readWebmOpus } from './webmOpus.js';

const WAV_HEADER_BYTES = 44;
const BYTES_PER_SAMPLE = 2; // mono 16-bit
/** The longest an Opus packet may last: 120 ms at 48 kHz. */
const MAX_PACKET_SAMPLES_48K = 5760;

/** How many mono samples a voice note's WAV may hold and stay within the attachment limit. */
export const MAX_VOICE_NOTE_SAMPLES = Math.floor((ATTACHMENT_LIMITS.maxBytes - WAV_HEADER_BYTES) / BYTES_PER_SAMPLE);

/** The words of the refusal when a voice note would decode past the limit ("… and <this>"). */
export function tooLongReason(samples: number, sampleRate: number): string {
  const minutes = (n: number): string => (n / sampleRate / 60).toFixed(1);
  return (
    `it would decode to ${Number.isFinite(samples) ? minutes(samples) : 'more than ' + minutes(MAX_VOICE_NOTE_SAMPLES)} minutes of audio, a WAV over the ${ATTACHMENT_LIMITS.maxBytes / (1024 * 1024)} MB ` +
    `attachment limit (at most ${minutes(MAX_VOICE_NOTE_SAMPLES)} minutes)`
  );
}

/** Samples at 48 kHz one Opus packet stands for, from its TOC byte (and frame count byte); 0 when empty. */
export function opusPacketSamples48k(packet: Uint8Array): number {
  const toc = packet[0];
  if (toc === undefined) return 0;
  const config = toc >> 3;
  let frameSamples: number;
  if (config < 12) frameSamples = [480, 960, 1920, 2880][config % 4] as number; // SILK: 10, 20, 40, 60 ms
  else if (config < 16) frameSamples = [480, 960][config % 2] as number; // hybrid: 10, 20 ms
  else frameSamples = [120, 240, 480, 960][config % 4] as number; // CELT: 2.5, 5, 10, 20 ms
  const code = toc & 0x3;
  const frames = code === 0 ? 1 : code < 3 ? 2 : (packet[1] ?? 0) & 0x3f;
  return Math.min(frames * frameSamples, MAX_PACKET_SAMPLES_48K);
}

/** The mono samples at `sampleRate` a stream decodes to (pre-skip taken off). */
export function decodedSamples(stream: OpusStream, sampleRate: number): number {
  let total48k = 0;
  for (const packet of stream.packets) total48k += opusPacketSamples48k(packet);
  return Math.max(0, Math.ceil(((total48k - stream.head.preSkip) * sampleRate) / 48_000));
}

/**
 * For an OGG or WebM Opus file: the samples it decodes to at `sampleRate`; null for other audio or a file
 * these readers cannot parse (the decoder then says what is wrong, and the count after decoding applies).
 */
export function declaredSamples(bytes: Uint8Array, sampleRate: number): number | null {
  try {
    if (isOgg(bytes)) return decodedSamples(readOggOpus(bytes), sampleRate);
    if (isWebm(bytes)) return decodedSamples(readWebmOpus(bytes), sampleRate);
  } catch (error) {
    return error instanceof OpusStreamTooLongError ? Number.POSITIVE_INFINITY : null;
  }
  return null;
}
