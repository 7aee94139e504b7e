// The Opus stream inside a voice-note file: its identification header (RFC 7845 §5.1, "OpusHead") and its
// audio packets in order. The Ogg and WebM readers beside this file produce one; the Node converter decodes it.

/** The decoder settings of an Opus stream. */
export interface OpusHead {
  channels: number;
  /** Samples (at 48 kHz) the decoder must drop at the start. */
  preSkip: number;
  streamCount: number;
  coupledStreamCount: number;
  channelMappingTable: number[];
}

export interface OpusStream {
  head: OpusHead;
  packets: Uint8Array[];
}

/** A file that is not the container, or not Opus inside it, or cut short. */
export class VoiceNoteFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VoiceNoteFormatError';
  }
}

/**
 * More packets than a voice note within the 20 MB rule can have: each packet lasts at least 2.5 ms, and the
 * rule allows about 10.9 minutes, so a reader stops here instead of indexing millions of tiny packets.
 */
export const MAX_OPUS_PACKETS = 262_144;

/** The file has more than MAX_OPUS_PACKETS packets: it decodes past the 20 MB rule, whatever they hold. */
export class OpusStreamTooLongError extends VoiceNoteFormatError {
  constructor() {
    super(`it holds more than ${MAX_OPUS_PACKETS} Opus packets, more audio than a 20 MB WAV holds`);
    this.name = 'OpusStreamTooLongError';
  }
}

const MAGIC = 'OpusHead';

export function startsWith(bytes: Uint8Array, text: string, offset = 0): boolean {
  if (bytes.length < offset + text.length) return false;
  for (let i = 0; i < text.length; i += 1) if (bytes[offset + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** Parses an OpusHead packet (Ogg's first packet, WebM's CodecPrivate). */
export function parseOpusHead(packet: Uint8Array): OpusHead {
  if (!startsWith(packet, MAGIC) || packet.length < 19) throw new VoiceNoteFormatError('the Opus header (OpusHead) is missing');
  const view = new DataView(packet.buffer, packet.byteOffset, packet.byteLength);
  const channels = view.getUint8(9);
  const preSkip = view.getUint16(10, true);
  const family = view.getUint8(18);
  if (channels < 1) throw new VoiceNoteFormatError('the Opus header declares no channels');
  if (family === 0) {
    if (channels > 2) throw new VoiceNoteFormatError('the Opus header declares more than 2 channels for mapping family 0');
    return { channels, preSkip, streamCount: 1, coupledStreamCount: channels - 1, channelMappingTable: channels === 2 ? [0, 1] : [0] };
  }
  if (packet.length < 21 + channels) throw new VoiceNoteFormatError('the Opus header is cut short');
  const mapping = Array.from(packet.subarray(21, 21 + channels));
  return { channels, preSkip, streamCount: view.getUint8(19), coupledStreamCount: view.getUint8(20), channelMappingTable: mapping };
}
