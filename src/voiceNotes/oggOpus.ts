// Reads the Opus packets out of an Ogg file (RFC 3533 pages, RFC 7845 mapping): the first packet is the
// OpusHead, the second OpusTags, the rest audio. Only the first logical stream is read; a voice note has one.
import { MAX_OPUS_PACKETS, OpusStreamTooLongError, parseOpusHead, startsWith, VoiceNoteFormatError, type OpusStream } from './opusStream.js';

const PAGE_HEADER_BYTES = 27;

export const isOgg = (bytes: Uint8Array): boolean => startsWith(bytes, 'OggS');

/** Every packet of the first logical stream, in order (packets continued across pages are joined). */
function oggPackets(bytes: Uint8Array): Uint8Array[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const packets: Uint8Array[] = [];
  let pending: Uint8Array[] = [];
  let serial: number | null = null;
  let offset = 0;
  while (offset + PAGE_HEADER_BYTES <= bytes.length) {
    if (!startsWith(bytes, 'OggS', offset)) throw new VoiceNoteFormatError(`no Ogg page at byte ${offset}`);
    const pageSerial = view.getUint32(offset + 14, true);
    const segments = view.getUint8(offset + 26);
    const table = bytes.subarray(offset + PAGE_HEADER_BYTES, offset + PAGE_HEADER_BYTES + segments);
    let body = offset + PAGE_HEADER_BYTES + segments;
    serial ??= pageSerial;
    for (const lace of table) {
      if (body + lace > bytes.length) throw new VoiceNoteFormatError('the Ogg file is cut short');
      if (pageSerial === serial) pending.push(bytes.subarray(body, body + lace));
      body += lace;
      // A lacing value below 255 ends a packet.
      if (lace < 255 && pageSerial === serial) {
        packets.push(join(pending));
        pending = [];
        if (packets.length > MAX_OPUS_PACKETS + 2) throw new OpusStreamTooLongError(); // + OpusHead, OpusTags
      }
    }
    offset = body;
  }
  return packets;
}

function join(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export function readOggOpus(bytes: Uint8Array): OpusStream {
  const [head, , ...audio] = oggPackets(bytes);
  if (!head) throw new VoiceNoteFormatError('the Ogg file has no packets');
  return { head: parseOpusHead(head), packets: audio.filter((packet) => packet.length > 0) };
}
