// Reads the Opus packets out of a WebM (Matroska) file, as browsers' MediaRecorder writes it. The walk is
// flat: the few container elements that matter are entered (their size may be "unknown", as MediaRecorder
// writes while streaming) and every other element is skipped by its size.
import { MAX_OPUS_PACKETS, OpusStreamTooLongError, parseOpusHead, VoiceNoteFormatError, type OpusStream } from './opusStream.js';

const ID = {
  segment: 0x18538067,
  tracks: 0x1654ae6b,
  trackEntry: 0xae,
  trackNumber: 0xd7,
  codecId: 0x86,
  codecPrivate: 0x63a2,
  cluster: 0x1f43b675,
  blockGroup: 0xa0,
  block: 0xa1,
  simpleBlock: 0xa3,
} as const;

/** Elements whose children are read in place. */
const CONTAINERS: ReadonlySet<number> = new Set([ID.segment, ID.tracks, ID.trackEntry, ID.cluster, ID.blockGroup]);

export const isWebm = (bytes: Uint8Array): boolean =>
  bytes.length >= 4 && bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3;

interface VarInt {
  value: number;
  length: number;
  /** All value bits set: the size is not known (streamed containers). */
  unknown: boolean;
}

/** An EBML variable-length integer at `offset`; `keepMarker` for element ids, which keep their length bit. */
function readVarInt(bytes: Uint8Array, offset: number, keepMarker: boolean): VarInt {
  const first = bytes[offset];
  if (first === undefined || first === 0) throw new VoiceNoteFormatError(`bad EBML number at byte ${offset}`);
  const length = Math.clz32(first) - 23; // 1..8
  if (offset + length > bytes.length) throw new VoiceNoteFormatError('the WebM file is cut short');
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i += 1) {
    const byte = bytes[offset + i] as number;
    value = value * 256 + byte;
    allOnes &&= byte === 0xff;
  }
  return { value, length, unknown: !keepMarker && allOnes };
}

interface Track {
  number: number;
  codec: string;
  head: Uint8Array | null;
}

/** The frame of a Block or SimpleBlock body, with its track number. */
function blockFrame(body: Uint8Array): { track: number; frame: Uint8Array } {
  const track = readVarInt(body, 0, false);
  const flags = body[track.length + 2] ?? 0;
  if ((flags & 0x06) !== 0) throw new VoiceNoteFormatError('laced WebM blocks are not supported');
  return { track: track.value, frame: body.subarray(track.length + 3) };
}

export function readWebmOpus(bytes: Uint8Array): OpusStream {
  const tracks: Track[] = [];
  const frames: Array<{ track: number; frame: Uint8Array }> = [];
  let offset = 0;
  while (offset < bytes.length) {
    const id = readVarInt(bytes, offset, true);
    const size = readVarInt(bytes, offset + id.length, false);
    const start = offset + id.length + size.length;
    if (CONTAINERS.has(id.value)) {
      if (id.value === ID.trackEntry) tracks.push({ number: 0, codec: '', head: null });
      offset = start;
      continue;
    }
    if (size.unknown) throw new VoiceNoteFormatError(`WebM element 0x${id.value.toString(16)} has an unknown size`);
    const body = bytes.subarray(start, Math.min(start + size.value, bytes.length));
    const track = tracks[tracks.length - 1];
    if (id.value === ID.trackNumber && track) track.number = body.reduce((n, byte) => n * 256 + byte, 0);
    else if (id.value === ID.codecId && track) track.codec = String.fromCharCode(...body);
    else if (id.value === ID.codecPrivate && track) track.head = body;
    else if (id.value === ID.simpleBlock || id.value === ID.block) {
      frames.push(blockFrame(body));
      if (frames.length > MAX_OPUS_PACKETS) throw new OpusStreamTooLongError();
    }
    offset = start + size.value;
  }
  const opus = tracks.find((t) => t.codec === 'A_OPUS');
  if (!opus?.head) throw new VoiceNoteFormatError('the WebM file has no Opus audio track');
  return { head: parseOpusHead(opus.head), packets: frames.filter((f) => f.track === opus.number).map((f) => f.frame) };
}
