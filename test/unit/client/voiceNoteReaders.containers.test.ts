// The Ogg and WebM readers of the Node voice-note path, on real files made by ffmpeg (mono OGG/Opus, mono
// WebM/Opus written as a stream with unknown-size elements as MediaRecorder does, stereo WebM/Opus).
import { readFileSync } from 'fs';
import { join } from 'path';
import { readOggOpus } from '../../../src/voiceNotes/oggOpus';
import { parseOpusHead, VoiceNoteFormatError } from '../../../src/voiceNotes/opusStream';
import { readWebmOpus } from '../../../src/voiceNotes/webmOpus';
import { readOpusStream } from '../../../src/voiceNotes/nodeConverter';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(__dirname, '../../fixtures/voice-notes', name)));
/** 20 ms Opus frames in ~3.06 s of speech. */
const SPEECH_PACKETS = Math.ceil(3.06 / 0.02);

describe('readOggOpus', () => {
  it('reads the head and every audio packet of a mono file', () => {
    const stream = readOggOpus(fixture('voice-note.ogg'));
    expect(stream.head).toMatchObject({ channels: 1, streamCount: 1, coupledStreamCount: 0, channelMappingTable: [0] });
    expect(stream.head.preSkip).toBeGreaterThan(0);
    expect(stream.packets.length).toBeGreaterThanOrEqual(SPEECH_PACKETS);
    expect(stream.packets.length).toBeLessThanOrEqual(SPEECH_PACKETS + 2);
  });

  it('refuses a file cut in the middle of a page', () => {
    const bytes = fixture('voice-note.ogg');
    expect(() => readOggOpus(bytes.subarray(0, bytes.length - 7))).toThrow(VoiceNoteFormatError);
  });
});

describe('readWebmOpus', () => {
  it('reads a streamed mono file (unknown-size segment and clusters)', () => {
    const stream = readWebmOpus(fixture('voice-note.webm'));
    expect(stream.head.channels).toBe(1);
    expect(stream.packets.length).toBeGreaterThanOrEqual(SPEECH_PACKETS);
    expect(stream.packets.length).toBeLessThanOrEqual(SPEECH_PACKETS + 2);
  });

  it('reads the channel layout of a stereo file', () => {
    const stream = readWebmOpus(fixture('stereo.webm'));
    expect(stream.head).toMatchObject({ channels: 2, coupledStreamCount: 1, channelMappingTable: [0, 1] });
    expect(stream.packets.length).toBeGreaterThanOrEqual(75); // 1.5 s of 20 ms frames
  });
});

describe('readOpusStream', () => {
  it('picks the reader by the file signature', () => {
    expect(readOpusStream(fixture('voice-note.ogg')).head.channels).toBe(1);
    expect(readOpusStream(fixture('stereo.webm')).head.channels).toBe(2);
  });

  it('refuses anything else with a VoiceNoteFormatError saying what it expected', () => {
    expect(() => readOpusStream(new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0]))).toThrow(/neither an OGG nor a WebM file/);
  });
});

describe('parseOpusHead', () => {
  it('refuses a packet that is not an OpusHead', () => {
    expect(() => parseOpusHead(new Uint8Array(19))).toThrow(/OpusHead/);
  });
});
