// The 20 MB rule, applied to what a voice note decodes to rather than to what arrives: a few hundred KB of
// Opus can declare hours of audio (120 ms per 2-byte packet), so the decoded size is known from the packets'
// headers (RFC 6716 §3.1, the TOC byte) before anything is decoded, and the Node decoder also counts as it
// goes. Pure and small: the browser path uses it too, before Web Audio decodes a file whole (there, OGG is
// scanned in place, without the full readers, to keep the bundle small).
import { ATTACHMENT_LIMITS } from '../constants.js';
import { MAX_OPUS_PACKETS, startsWith, type OpusStream } from './opusStream.js';

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
 * For an OGG/Opus file: the mono samples at `sampleRate` it decodes to, read from its pages in place (no
 * packet is copied); Infinity past MAX_OPUS_PACKETS packets. Null for anything else, or a file cut short (the
 * decoder then says what is wrong, and the check after decoding applies).
 */
export function declaredSamples(bytes: Uint8Array, sampleRate: number): number | null {
  if (!startsWith(bytes, 'OggS')) return null;
  let serial: number | null = null;
  let packets = 0;
  let preSkip = 0;
  let total48k = 0;
  /** The first two bytes of the packet being read (the TOC and the frame count byte), as they arrive. */
  let head: number[] = [];
  for (let offset = 0; offset + 27 <= bytes.length; ) {
    if (!startsWith(bytes, 'OggS', offset)) return null;
    const pageSerial = (bytes[offset + 14] ?? 0) | ((bytes[offset + 15] ?? 0) << 8) | ((bytes[offset + 16] ?? 0) << 16) | ((bytes[offset + 17] ?? 0) << 24);
    const segments = bytes[offset + 26] ?? 0;
    let body = offset + 27 + segments;
    serial ??= pageSerial;
    for (let i = 0; i < segments; i += 1) {
      const lace = bytes[offset + 27 + i] ?? 0;
      if (pageSerial === serial) {
        for (let b = body; b < body + lace && head.length < 12; b += 1) head.push(bytes[b] ?? 0);
        if (lace < 255) {
          packets += 1;
          if (packets === 1) preSkip = (head[10] ?? 0) | ((head[11] ?? 0) << 8); // OpusHead
          else if (packets > 2 && head.length > 0) total48k += opusPacketSamples48k(Uint8Array.from(head));
          if (packets > MAX_OPUS_PACKETS + 2) return Number.POSITIVE_INFINITY;
          head = [];
        }
      }
      body += lace;
    }
    if (body > bytes.length) return null;
    offset = body;
  }
  return Math.max(0, Math.ceil(((total48k - preSkip) * sampleRate) / 48_000));
}
