// Voice notes: browsers record audio as ogg/opus, webm or mp4 (MediaRecorder), which Amazon Connect refuses
// as an attachment; it accepts WAV. Such audio is decoded and resampled with the Web Audio API (no worker,
// no script, nothing fetched) to 16 kHz mono 16-bit PCM WAV before upload. When the page cannot decode it,
// the upload is refused with an AttachmentError before any API call.

import { AttachmentError } from '../errors.js';
import { ALLOWED_ATTACHMENT_MIME_TYPES, type AttachmentFile } from './attachmentRules.js';
import { encodeWav } from './wavEncoder.js';

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

const baseType = (type: string): string => (type.split(';')[0] ?? '').trim().toLowerCase();
const extensionOf = (name: string): string => (name.includes('.') ? (name.split('.').pop() ?? '').toLowerCase() : '');

/** True for audio Amazon Connect would refuse but a browser may decode (ogg, opus, webm, mp4, mp3 …). */
export function isConvertibleAudio(file: AttachmentFile): boolean {
  const type = baseType(String(file.type ?? ''));
  if (type.startsWith('audio/')) return !ALLOWED_ATTACHMENT_MIME_TYPES.has(type);
  return (type === '' || type === 'application/octet-stream') && AUDIO_EXTENSIONS.has(extensionOf(String(file.name ?? '')));
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
  const type = baseType(String(file.type ?? '')) || 'audio';
  return new AttachmentError(
    `Voice note "${file.name}" is ${type}, which Amazon Connect does not accept, and ${why}; send it as WAV (audio/wav).`,
    file.name,
  );
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

/** Decodes, then renders at 16 kHz in one channel (the context mixes the source's channels down). */
async function resample(Context: OfflineContextConstructor, encoded: ArrayBuffer): Promise<Float32Array> {
  const decoded = await new Context(1, 1, VOICE_NOTE_SAMPLE_RATE).decodeAudioData(encoded);
  const frames = Math.max(1, Math.ceil(decoded.duration * VOICE_NOTE_SAMPLE_RATE));
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
 * 16-bit WAV with the same name and a `.wav` extension. Rejects `AttachmentError` when it cannot be decoded.
 */
export async function prepareVoiceNote(
  file: VoiceNoteFile,
  Context: OfflineContextConstructor | undefined = defaultOfflineContext(),
): Promise<VoiceNoteFile> {
  if (!file || !isConvertibleAudio(file)) return file;
  if (typeof Context !== 'function') throw refuse(file, 'this browser has no Web Audio API to convert it to WAV');
  let samples: Float32Array;
  try {
    samples = await resample(Context, await readBytes(file));
  } catch (e) {
    throw refuse(file, `this browser could not decode it (${e instanceof Error ? e.message : String(e)})`);
  }
  return wavFile(encodeWav(samples, VOICE_NOTE_SAMPLE_RATE), wavName(String(file.name)));
}
