// The 20 MB rule on what a voice note decodes to: the length is read from the Opus packets' headers before
// anything is decoded (Node and browsers), the readers stop indexing past what the rule allows, and the Node
// decoder stops as soon as its output would pass the limit.
import { readFileSync } from 'fs';
import { join } from 'path';
import { prepareVoiceNote, type AudioBufferLike, type OfflineContextConstructor } from '../../../src/voiceNotes/audioConversion';
import { decodeBounded, type OpusDecoderInstance } from '../../../src/voiceNotes/nodeConverter';
import { readOggOpus } from '../../../src/voiceNotes/oggOpus';
import { OpusStreamTooLongError } from '../../../src/voiceNotes/opusStream';
import { declaredSamples, decodedSamples, MAX_VOICE_NOTE_SAMPLES, opusPacketSamples48k } from '../../../src/voiceNotes/outputBound';
import { AttachmentError } from '../../../src/errors';
import { oggOpusBomb } from '../../support/opusBomb';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(__dirname, '../../fixtures/voice-notes', name)));
const file = (bytes: Uint8Array, name = 'note.ogg'): Blob & { name: string; size: number; type: string } =>
  Object.assign(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'audio/ogg' }), { name });

describe('opusPacketSamples48k', () => {
  it.each([
    ['CELT 20 ms, code 3, six frames', [0xfb, 0x06], 5760],
    ['SILK 60 ms, one frame', [3 << 3], 2880],
    ['SILK 10 ms, two frames (code 1)', [(0 << 3) | 1], 960],
    ['hybrid 20 ms, one frame', [(13 << 3) | 0], 960],
    ['CELT 2.5 ms, one frame', [16 << 3], 120],
    ['code 3 declaring 63 frames of 20 ms: capped at 120 ms', [(31 << 3) | 3, 63], 5760],
    ['empty', [], 0],
  ])('%s', (_label, bytes, samples) => {
    expect(opusPacketSamples48k(new Uint8Array(bytes))).toBe(samples);
  });
});

describe('declaredSamples', () => {
  it('reads the length of a real voice note from its packets (about 3.06 s at 16 kHz)', () => {
    const samples = declaredSamples(fixture('voice-note.ogg'), 16_000) as number;
    expect(samples).toBeGreaterThan(3.0 * 16_000);
    expect(samples).toBeLessThan(3.12 * 16_000);
    // WebM is left to the check after decoding in browsers (the Node path reads it with the full reader).
    expect(declaredSamples(fixture('voice-note.webm'), 16_000)).toBeNull();
  });

  it('agrees with the full reader on every packet of a real file', () => {
    const stream = readOggOpus(fixture('voice-note.ogg'));
    expect(declaredSamples(fixture('voice-note.ogg'), 16_000)).toBe(decodedSamples(stream, 16_000));
  });

  it('says nothing about an OGG file cut short', () => {
    const bytes = fixture('voice-note.ogg');
    expect(declaredSamples(bytes.subarray(0, bytes.length - 7), 16_000)).toBeNull();
  });

  it('sees a 410 KB bomb declaring 4.4 hours as over the limit without decoding it', () => {
    const bomb = oggOpusBomb(132_000);
    expect(bomb.length).toBeLessThan(420_000);
    expect(declaredSamples(bomb, 16_000)).toBeGreaterThan(20 * MAX_VOICE_NOTE_SAMPLES);
  });

  it('stops a reader past the packets the rule allows (infinite length)', () => {
    const bomb = oggOpusBomb(270_000);
    expect(() => readOggOpus(bomb)).toThrow(OpusStreamTooLongError);
    expect(declaredSamples(bomb, 16_000)).toBe(Number.POSITIVE_INFINITY);
  });

  it('says nothing about audio that is not Opus in OGG or WebM', () => {
    expect(declaredSamples(new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0]), 16_000)).toBeNull();
  });
});

describe('prepareVoiceNote with Web Audio (browsers)', () => {
  function fakeContext(duration: number): { Context: OfflineContextConstructor; decodes: number; lengths: number[] } {
    const seen = { decodes: 0, lengths: [] as number[] };
    class Context {
      destination = {};
      constructor(_channels: number, length: number) {
        seen.lengths.push(length);
      }
      async decodeAudioData(): Promise<AudioBufferLike> {
        seen.decodes += 1;
        return { duration, getChannelData: () => new Float32Array(1) };
      }
      createBufferSource() {
        return { buffer: null, connect: () => undefined, start: () => undefined };
      }
      async startRendering(): Promise<AudioBufferLike> {
        return { duration, getChannelData: () => new Float32Array(16) };
      }
    }
    return Object.assign(seen, { Context: Context as unknown as OfflineContextConstructor });
  }

  it('refuses an Opus bomb before Web Audio decodes anything', async () => {
    const fake = fakeContext(1);
    const refusal = prepareVoiceNote(file(oggOpusBomb(132_000)), fake.Context, { decodeWithoutWebAudio: null });
    await expect(refusal).rejects.toBeInstanceOf(AttachmentError);
    await expect(refusal).rejects.toThrow(/would decode to 2[0-9]{2}\.\d minutes of audio, a WAV over the 20 MB attachment limit \(at most 10\.9 minutes\)/);
    expect(fake.decodes).toBe(0);
  });

  it('refuses audio the browser decoded to 3 hours before making a render buffer for it', async () => {
    const fake = fakeContext(3 * 3600);
    await expect(prepareVoiceNote(file(new Uint8Array([0x49, 0x44, 0x33]), 'note.mp3'), fake.Context)).rejects.toThrow('180.0 minutes of audio');
    expect(fake.lengths).toEqual([1]); // only the decoding context, never the 3-hour render
  });
});

describe('decodeBounded (Node)', () => {
  it('stops a decoder that returns more than the packets declared, at the limit', () => {
    const stream = readOggOpus(fixture('voice-note.ogg'));
    let calls = 0;
    const greedy: OpusDecoderInstance = {
      ready: Promise.resolve(),
      decodeFrames: () => {
        calls += 1;
        return { channelData: [new Float32Array(200_000)], samplesDecoded: 200_000 };
      },
      free: () => undefined,
    };
    expect(() => decodeBounded(greedy, stream, 16_000, MAX_VOICE_NOTE_SAMPLES)).toThrow(/minutes of audio/);
    expect(calls).toBe(1);
  });
});
