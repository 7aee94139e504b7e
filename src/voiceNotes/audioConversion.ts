// Voice notes: browsers record audio as ogg/opus, webm or mp4 (MediaRecorder), which Amazon Connect refuses
// as an attachment; it accepts WAV. Such audio becomes 16 kHz mono 16-bit PCM WAV before upload, by the first
// of: the app's own converter (setGlobalConfig({ voiceNoteConverter })); the Web Audio API (browsers: no
// worker, no script, nothing fetched); in Node, the optional `opus-decoder` package for OGG/Opus and
// WebM/Opus (voiceNotes/, loaded only then). When none can, the upload is refused with an AttachmentError
// before any API call.

import { AttachmentError } from '../errors.js';
import type { VoiceNoteConverter } from '../types.js';
import { ALLOWED_ATTACHMENT_MIME_TYPES } from '../constants.js';
import { baseMimeType, copyBytes, extensionOf, GENERIC_MIME_TYPES, type AttachmentFile } from '../util/files.js';
import { reasonOf } from '../util/values.js';
import { startsWith } from './opusStream.js';
import { encodeWav } from './wavEncoder.js';
import { declaredSamples, MAX_VOICE_NOTE_SAMPLES, tooLongReason } from './outputBound.js';

/** The sample rate voice notes are converted to: speech-quality, and 20 MB hold about 10 minutes. */
export const VOICE_NOTE_SAMPLE_RATE = 16_000;

/** Extensions of recorded audio, for files the browser gave no useful type. */
const AUDIO_EXTENSIONS = new Set(['ogg', 'oga', 'opus', 'weba', 'm4a', 'mp3', 'aac']);

/** The parts of `OfflineAudioContext` the conversion uses (so tests can pass a fake). */
export interface OfflineContextLike {
  decodeAudioData(data: ArrayBuffer): Promise<AudioBufferLike>;
  createBufferSource(): { buffer: AudioBufferLike | null; connect(destination: unknown): unknown; start(when?: number): void };
  readonly destination: unknown;
  startRendering(): Promise<AudioBufferLike>;
}
export interface AudioBufferLike {
  readonly duration: number;
  getChannelData(channel: number): Float32Array;
}
export type OfflineContextConstructor = new (channels: number, length: number, sampleRate: number) => OfflineContextLike;

type VoiceNoteFile = Blob & AttachmentFile;


/** True for audio Amazon Connect would refuse but a browser may decode (ogg, opus, webm, mp4, mp3 …). */
export function isConvertibleAudio(file: AttachmentFile): boolean {
  const type = baseMimeType(String(file.type ?? ''));
  if (type.startsWith('audio/')) return !ALLOWED_ATTACHMENT_MIME_TYPES.has(type);
  return GENERIC_MIME_TYPES.has(type) && AUDIO_EXTENSIONS.has(extensionOf(String(file.name ?? '')));
}

/** `note.ogg` → `note.wav`; `voice` → `voice.wav`. */
export function wavName(name: string): string {
  const dot = name.lastIndexOf('.');
  return `${dot > 0 ? name.slice(0, dot) : name || 'voice-note'}.wav`;
}

function defaultOfflineContext(): OfflineContextConstructor | undefined {
  const scope = globalThis as { OfflineAudioContext?: unknown; webkitOfflineAudioContext?: unknown };
  return (scope.OfflineAudioContext ?? scope.webkitOfflineAudioContext) as OfflineContextConstructor | undefined;
}

function refuse(file: VoiceNoteFile, why: string): AttachmentError {
  const type = baseMimeType(String(file.type ?? '')) || 'audio';
  return new AttachmentError(
    `Voice note "${file.name}" is ${type}, which Amazon Connect does not accept, and ${why}; send it as WAV (audio/wav).`,
    file.name,
  );
}

/**
 * Decodes a voice note to mono samples at a sample rate without Web Audio (Node). It rejects with an Error
 * whose message says why, in words that follow "and" in the refusal.
 */
export type DecodeWithoutWebAudio = (bytes: Uint8Array, sampleRate: number) => Promise<Float32Array>;

export interface VoiceNoteOptions {
  /** The app's converter; used before anything else. */
  converter?: VoiceNoteConverter | null;
  /** Default: the `opus-decoder` path when running in Node, else none. */
  decodeWithoutWebAudio?: DecodeWithoutWebAudio | null;
}

const runsInNode = (): boolean =>
  typeof (globalThis as { process?: { versions?: { node?: unknown } } }).process?.versions?.node === 'string';

/** Node only: imported on first use, out of sight of bundlers, so none of it is in the browser bundle. */
const decodeInNode: DecodeWithoutWebAudio = async (bytes, sampleRate) =>
  ((await import(/* webpackIgnore: true */ './nodeConverter.js')) as typeof import('./nodeConverter.js')).decodeVoiceNote(bytes, sampleRate);

/** The app's converter: its answer must be a WAV file (RIFF…WAVE). */
async function convertWithApp(converter: VoiceNoteConverter, file: VoiceNoteFile): Promise<Uint8Array<ArrayBuffer>> {
  const output = await Promise.resolve(file)
    .then(readBytes)
    .then((data) => converter({ name: String(file.name), type: String(file.type ?? ''), data: new Uint8Array(data) }))
    .catch((e: unknown) => {
      throw refuse(file, `the voiceNoteConverter failed (${reasonOf(e)})`);
    });
  const bytes = copyBytes(output) ?? new Uint8Array(0);
  if (!startsWith(bytes, 'RIFF') || !startsWith(bytes, 'WAVE', 8)) {
    throw refuse(file, 'the voiceNoteConverter did not resolve WAV bytes');
  }
  return bytes;
}

/** Blob.arrayBuffer(), or FileReader where it is missing (older Safari, jsdom). */
function readBytes(file: Blob): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsArrayBuffer(file);
  });
}

/** A voice note whose WAV would break the 20 MB rule (its message follows "and" in the refusal). */
class TooLong extends Error {}

/**
 * Decodes, then renders at 16 kHz in one channel (the context mixes the source's channels down). The render
 * buffer is never made bigger than the 20 MB rule allows.
 */
async function resample(Context: OfflineContextConstructor, encoded: ArrayBuffer): Promise<Float32Array> {
  const decoded = await new Context(1, 1, VOICE_NOTE_SAMPLE_RATE).decodeAudioData(encoded);
  const frames = Math.max(1, Math.ceil(decoded.duration * VOICE_NOTE_SAMPLE_RATE));
  if (frames > MAX_VOICE_NOTE_SAMPLES) throw new TooLong(tooLongReason(frames, VOICE_NOTE_SAMPLE_RATE));
  const context = new Context(1, frames, VOICE_NOTE_SAMPLE_RATE);
  const source = context.createBufferSource();
  source.buffer = decoded;
  source.connect(context.destination);
  source.start(0);
  return (await context.startRendering()).getChannelData(0);
}

function wavFile(bytes: Uint8Array<ArrayBuffer>, name: string): VoiceNoteFile {
  if (typeof File === 'function') return new File([bytes], name, { type: 'audio/wav' });
  return Object.assign(new Blob([bytes], { type: 'audio/wav' }), { name });
}

/**
 * The file to upload: `file` itself unless it is audio Amazon Connect refuses, in which case a 16 kHz mono
 * 16-bit WAV with the same name and a `.wav` extension. Rejects `AttachmentError` when it cannot be converted.
 */
export async function prepareVoiceNote(
  file: VoiceNoteFile,
  Context: OfflineContextConstructor | undefined = defaultOfflineContext(),
  options: VoiceNoteOptions = {},
): Promise<VoiceNoteFile> {
  if (!file || !isConvertibleAudio(file)) return file;
  const name = wavName(String(file.name));
  if (options.converter) return wavFile(await convertWithApp(options.converter, file), name);
  const withoutWebAudio = options.decodeWithoutWebAudio === undefined ? (runsInNode() ? decodeInNode : null) : options.decodeWithoutWebAudio;
  let samples: Float32Array;
  if (typeof Context === 'function') {
    const bytes = await readBytes(file);
    // An Opus file says how long it is in its packet headers: one that would break the 20 MB rule is refused
    // before Web Audio decodes it whole (a few hundred KB can declare hours).
    const declared = declaredSamples(new Uint8Array(bytes), VOICE_NOTE_SAMPLE_RATE);
    if (declared !== null && declared > MAX_VOICE_NOTE_SAMPLES) throw refuse(file, tooLongReason(declared, VOICE_NOTE_SAMPLE_RATE));
    try {
      samples = await resample(Context, bytes);
    } catch (e) {
      throw refuse(file, e instanceof TooLong ? e.message : `this runtime could not decode it (${reasonOf(e)})`);
    }
  } else if (withoutWebAudio) {
    samples = await withoutWebAudio(new Uint8Array(await readBytes(file)), VOICE_NOTE_SAMPLE_RATE).catch((e: unknown) => {
      throw refuse(file, reasonOf(e));
    });
  } else {
    throw refuse(file, 'this runtime has no Web Audio API to convert it to WAV (pass setGlobalConfig({ voiceNoteConverter }))');
  }
  return wavFile(encodeWav(samples, VOICE_NOTE_SAMPLE_RATE), name);
}
