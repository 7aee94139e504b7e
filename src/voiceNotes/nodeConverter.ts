// Voice notes where there is no Web Audio (Node): OGG/Opus and WebM/Opus are read here and decoded by the
// `opus-decoder` package (WebAssembly, no native build), an optional peer dependency loaded on first use.
// Opus decodes natively at 16 kHz, so no resampling is needed; channels are mixed down to mono.
// This file is only ever loaded by a dynamic import, so it stays out of the browser bundle.
import { reasonOf } from '../util/values.js';
import { isOgg, readOggOpus } from './oggOpus.js';
import { OpusStreamTooLongError, VoiceNoteFormatError, type OpusHead, type OpusStream } from './opusStream.js';
import { decodedSamples, MAX_VOICE_NOTE_SAMPLES, tooLongReason } from './outputBound.js';
import { isWebm, readWebmOpus } from './webmOpus.js';

/** The package that decodes Opus; install it next to the SDK to convert voice notes in Node. */
export const OPUS_DECODER_PACKAGE = 'opus-decoder';

export interface OpusDecoderInstance {
  ready: Promise<void>;
  decodeFrames(frames: Uint8Array[]): { channelData: Float32Array[]; samplesDecoded: number };
  free(): void;
}
interface OpusDecoderModule {
  OpusDecoder: new (options: OpusHead & { sampleRate: number }) => OpusDecoderInstance;
}

/** The decoder package could not be loaded (not installed, or a runtime that cannot run it). */
export class DecoderUnavailableError extends Error {
  constructor(cause: unknown) {
    super(
      `this runtime has no Web Audio API and the optional package "${OPUS_DECODER_PACKAGE}" could not be loaded ` +
        `(${reasonOf(cause).split('\n')[0]}): install it (npm install ${OPUS_DECODER_PACKAGE}) or pass setGlobalConfig({ voiceNoteConverter })`,
    );
    this.name = 'DecoderUnavailableError';
  }
}

/** A native import() that neither tsc (CommonJS build) nor bundlers rewrite. */
const nativeImport = (specifier: string): Promise<unknown> =>
  (new Function('specifier', 'return import(specifier)') as (s: string) => Promise<unknown>)(specifier);

let loading: Promise<OpusDecoderModule> | null = null;

/** Loads the decoder once: require/import as the build does it, else a native import (ESM-only package). */
function loadDecoder(): Promise<OpusDecoderModule> {
  loading ??= (import(/* webpackIgnore: true */ /* @vite-ignore */ OPUS_DECODER_PACKAGE) as Promise<OpusDecoderModule>)
    .catch((firstError: unknown) => nativeImport(OPUS_DECODER_PACKAGE).catch(() => Promise.reject(firstError)) as Promise<OpusDecoderModule>)
    .catch((error: unknown) => {
      loading = null; // the app may install it and try again
      throw new DecoderUnavailableError(error);
    });
  return loading;
}

/** The Opus stream of an OGG or WebM file; throws VoiceNoteFormatError for anything else. */
export function readOpusStream(bytes: Uint8Array): OpusStream {
  if (isOgg(bytes)) return readOggOpus(bytes);
  if (isWebm(bytes)) return readWebmOpus(bytes);
  throw new VoiceNoteFormatError('it is neither an OGG nor a WebM file');
}

/** A voice note that would decode past the attachment limit; refused before (or as soon as) it gets there. */
export class VoiceNoteTooLongError extends Error {
  constructor(samples: number, sampleRate: number) {
    super(tooLongReason(samples, sampleRate));
    this.name = 'VoiceNoteTooLongError';
  }
}

/** Decoded samples per channel held at once while decoding (1 MB of floats per channel). */
const CHUNK_SAMPLES = 262_144;

/** Averages `length` samples of the channels into `mono` from `at`. */
function mixInto(mono: Float32Array, at: number, channels: Float32Array[], length: number): void {
  if (channels.length === 1 && channels[0]) {
    mono.set(channels[0].subarray(0, length), at);
    return;
  }
  for (const channel of channels) for (let i = 0; i < length; i += 1) mono[at + i] = (mono[at + i] ?? 0) + (channel[i] ?? 0) / channels.length;
}

/**
 * Decodes in chunks of packets into one mono buffer sized from the packets' headers (at most the limit), so
 * memory stays bounded by the limit whatever the file declares; a decoder that returns more than declared
 * is stopped at the limit too.
 */
export function decodeBounded(decoder: OpusDecoderInstance, stream: OpusStream, sampleRate: number, limit: number): Float32Array {
  const declared = decodedSamples(stream, sampleRate);
  if (declared > limit) throw new VoiceNoteTooLongError(declared, sampleRate);
  // A packet decodes to at most 120 ms per channel; take as many as keep a chunk within CHUNK_SAMPLES.
  const perPacket = Math.ceil((5760 * sampleRate) / 48_000);
  const packetsPerChunk = Math.max(1, Math.floor(CHUNK_SAMPLES / perPacket));
  // The pre-skip is dropped by the decoder, so the output is within `declared` plus one packet of rounding.
  const mono = new Float32Array(Math.min(limit, declared + perPacket));
  let length = 0;
  for (let first = 0; first < stream.packets.length; first += packetsPerChunk) {
    const { channelData, samplesDecoded } = decoder.decodeFrames(stream.packets.slice(first, first + packetsPerChunk));
    if (length + samplesDecoded > mono.length) throw new VoiceNoteTooLongError(length + samplesDecoded, sampleRate);
    mixInto(mono, length, channelData, samplesDecoded);
    length += samplesDecoded;
  }
  return mono.subarray(0, length);
}

/**
 * Decodes an OGG/Opus or WebM/Opus file to mono float samples at `sampleRate` (8, 12, 16, 24 or 48 kHz), at
 * most `limit` of them (default: what a 20 MB WAV holds); a longer file is refused with VoiceNoteTooLongError.
 */
export async function decodeOpusFile(bytes: Uint8Array, sampleRate: number, limit = MAX_VOICE_NOTE_SAMPLES): Promise<Float32Array> {
  const stream = readOpusStream(bytes);
  if (stream.packets.length === 0) throw new VoiceNoteFormatError('it holds no audio');
  const declared = decodedSamples(stream, sampleRate);
  if (declared > limit) throw new VoiceNoteTooLongError(declared, sampleRate);
  const { OpusDecoder } = await loadDecoder();
  const decoder = new OpusDecoder({ ...stream.head, sampleRate });
  try {
    await decoder.ready;
    return decodeBounded(decoder, stream, sampleRate, limit);
  } finally {
    decoder.free();
  }
}

/**
 * The Node conversion of audioConversion.ts: OGG/Opus or WebM/Opus to mono samples. Rejects with a message
 * that says why in the words of the refusal ("this runtime …").
 */
export async function decodeVoiceNote(bytes: Uint8Array, sampleRate: number): Promise<Float32Array> {
  try {
    return await decodeOpusFile(bytes, sampleRate);
  } catch (error) {
    if (error instanceof DecoderUnavailableError || error instanceof VoiceNoteTooLongError) throw error;
    if (error instanceof OpusStreamTooLongError) throw new VoiceNoteTooLongError(Number.POSITIVE_INFINITY, sampleRate);
    throw new Error(`this runtime could not decode it without Web Audio (OGG/Opus and WebM/Opus only: ${reasonOf(error)})`);
  }
}
