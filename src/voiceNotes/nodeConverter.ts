// Voice notes where there is no Web Audio (Node): OGG/Opus and WebM/Opus are read here and decoded by the
// `opus-decoder` package (WebAssembly, no native build), an optional peer dependency loaded on first use.
// Opus decodes natively at 16 kHz, so no resampling is needed; channels are mixed down to mono.
// This file is only ever loaded by a dynamic import, so it stays out of the browser bundle.
import { reasonOf } from '../util/values.js';
import { isOgg, readOggOpus } from './oggOpus.js';
import { VoiceNoteFormatError, type OpusHead, type OpusStream } from './opusStream.js';
import { isWebm, readWebmOpus } from './webmOpus.js';

/** The package that decodes Opus; install it next to the SDK to convert voice notes in Node. */
export const OPUS_DECODER_PACKAGE = 'opus-decoder';

interface OpusDecoderInstance {
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

/** Averages the channels into one. */
function mixDown(channels: Float32Array[], length: number): Float32Array {
  if (channels.length === 1 && channels[0]) return channels[0].subarray(0, length);
  const mono = new Float32Array(length);
  for (const channel of channels) for (let i = 0; i < length; i += 1) mono[i] = (mono[i] ?? 0) + (channel[i] ?? 0) / channels.length;
  return mono;
}

/** Decodes an OGG/Opus or WebM/Opus file to mono float samples at `sampleRate` (8, 12, 16, 24 or 48 kHz). */
export async function decodeOpusFile(bytes: Uint8Array, sampleRate: number): Promise<Float32Array> {
  const stream = readOpusStream(bytes);
  if (stream.packets.length === 0) throw new VoiceNoteFormatError('it holds no audio');
  const { OpusDecoder } = await loadDecoder();
  const decoder = new OpusDecoder({ ...stream.head, sampleRate });
  try {
    await decoder.ready;
    const decoded = decoder.decodeFrames(stream.packets);
    return mixDown(decoded.channelData, decoded.samplesDecoded);
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
    if (error instanceof DecoderUnavailableError) throw error;
    throw new Error(`this runtime could not decode it without Web Audio (OGG/Opus and WebM/Opus only: ${reasonOf(error)})`);
  }
}
