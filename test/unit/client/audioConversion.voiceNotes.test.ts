// Voice-note conversion: which files are converted, the refusal paths (no API call), and the conversion
// through a fake OfflineAudioContext.
import { uploadAttachment, type AttachmentApi } from '../../../src/client/attachments';
import {
  isConvertibleAudio,
  prepareVoiceNote,
  wavName,
  type AudioBufferLike,
  type OfflineContextConstructor,
} from '../../../src/voiceNotes/audioConversion';
import { DecoderUnavailableError, decodeVoiceNote } from '../../../src/voiceNotes/nodeConverter';
import { AttachmentError } from '../../../src/errors';

function recordingApi(): AttachmentApi & { calls: jest.Mock[] } {
  const startAttachmentUpload = jest.fn();
  const completeAttachmentUpload = jest.fn();
  const getAttachment = jest.fn();
  return {
    startAttachmentUpload,
    completeAttachmentUpload,
    getAttachment,
    calls: [startAttachmentUpload, completeAttachmentUpload, getAttachment],
  } as unknown as AttachmentApi & { calls: jest.Mock[] };
}

const buffer = (duration: number, samples: Float32Array): AudioBufferLike => ({ duration, getChannelData: () => samples });

/** An OfflineAudioContext double: decodes to a 0.25 s buffer and renders `rendered`. */
function fakeContext(rendered: Float32Array, decodeError?: Error): { Context: OfflineContextConstructor; created: number[][] } {
  const created: number[][] = [];
  class FakeOfflineContext {
    readonly destination = {};
    constructor(channels: number, length: number, sampleRate: number) {
      created.push([channels, length, sampleRate]);
    }
    decodeAudioData(): Promise<AudioBufferLike> {
      return decodeError ? Promise.reject(decodeError) : Promise.resolve(buffer(0.25, new Float32Array(12_000)));
    }
    createBufferSource() {
      return { buffer: null, connect: () => undefined, start: () => undefined };
    }
    startRendering(): Promise<AudioBufferLike> {
      return Promise.resolve(buffer(0.25, rendered));
    }
  }
  return { Context: FakeOfflineContext, created };
}

describe('isConvertibleAudio / wavName', () => {
  it.each([
    ['audio/ogg', 'note.ogg', true],
    ['audio/ogg;codecs=opus', 'note.ogg', true],
    ['audio/webm', 'note.webm', true],
    ['audio/mp4', 'note.m4a', true],
    ['', 'note.opus', true],
    ['audio/wav', 'note.wav', false],
    ['image/png', 'a.png', false],
    ['', 'a.webm', false],
  ])('%p %p → %p', (type, name, expected) => {
    expect(isConvertibleAudio({ type, name, size: 1 })).toBe(expected);
  });

  it('keeps the name with a .wav extension', () => {
    expect(wavName('voice note.ogg')).toBe('voice note.wav');
    expect(wavName('memo')).toBe('memo.wav');
  });
});

describe('prepareVoiceNote', () => {
  const ogg = (): File => new File([new Uint8Array([79, 103, 103, 83])], 'memo.ogg', { type: 'audio/ogg;codecs=opus' });

  it('passes other files through unchanged', async () => {
    const png = new File(['x'], 'a.png', { type: 'image/png' });
    await expect(prepareVoiceNote(png, undefined)).resolves.toBe(png);
  });

  it('converts to a 16 kHz mono WAV named .wav', async () => {
    const { Context, created } = fakeContext(new Float32Array([0.5, -0.5, 0]));
    const wav = await prepareVoiceNote(ogg(), Context);
    expect(wav.name).toBe('memo.wav');
    expect(wav.type).toBe('audio/wav');
    expect(wav.size).toBe(44 + 3 * 2);
    expect(created[1]).toEqual([1, 4000, 16_000]); // 0.25 s at 16 kHz, one channel
  });

  it('refuses with an AttachmentError naming the file when there is no Web Audio API', async () => {
    const error = await prepareVoiceNote(ogg(), undefined, { decodeWithoutWebAudio: null }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AttachmentError);
    expect((error as AttachmentError).fileName).toBe('memo.ogg');
    expect((error as Error).message).toMatch(/memo\.ogg.*audio\/ogg.*no Web Audio API/);
  });

  it('refuses with an AttachmentError saying why when the audio cannot be decoded', async () => {
    const { Context } = fakeContext(new Float32Array(0), new Error('Unable to decode audio data'));
    await expect(prepareVoiceNote(ogg(), Context)).rejects.toThrow(/could not decode it \(Unable to decode audio data\)/);
  });
});

describe('uploadAttachment of a voice note', () => {
  it('without a Web Audio API (jsdom) refuses it before any API call', async () => {
    const api = recordingApi();
    const file = new File([new Uint8Array([1, 2, 3])], 'clip.webm', { type: 'audio/webm' });
    await expect(uploadAttachment(api, 'ct', file)).rejects.toBeInstanceOf(AttachmentError);
    for (const call of api.calls) expect(call).not.toHaveBeenCalled();
  });
});

describe('prepareVoiceNote without Web Audio (Node)', () => {
  const ogg = (): File => new File([new Uint8Array([79, 103, 103, 83])], 'memo.ogg', { type: 'audio/ogg' });
  const wavBytes = (): Uint8Array => new Uint8Array([...'RIFF'].map((c) => c.charCodeAt(0)).concat([0, 0, 0, 0], [...'WAVE'].map((c) => c.charCodeAt(0)), [0]));

  it('uses the decoder it is given and writes a 16 kHz WAV', async () => {
    const decode = jest.fn(async () => new Float32Array([0.25, -0.25]));
    const wav = await prepareVoiceNote(ogg(), undefined, { decodeWithoutWebAudio: decode });
    expect(decode).toHaveBeenCalledWith(expect.any(Uint8Array), 16_000);
    expect([wav.name, wav.type, wav.size]).toEqual(['memo.wav', 'audio/wav', 44 + 2 * 2]);
  });

  it('says "this runtime" and how to install the decoder when it cannot be loaded', async () => {
    const unavailable = new DecoderUnavailableError(new Error("Cannot find module 'opus-decoder'\nRequire stack:\n- /app/index.js"));
    const error = await prepareVoiceNote(ogg(), undefined, { decodeWithoutWebAudio: () => Promise.reject(unavailable) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AttachmentError);
    expect((error as Error).message).toMatch(/this runtime has no Web Audio API.*npm install opus-decoder.*voiceNoteConverter/);
    expect((error as Error).message).not.toMatch(/browser|Require stack/);
    expect((error as Error).message).toContain("(Cannot find module 'opus-decoder')");
  });

  it('an app converter wins over Web Audio and its WAV bytes are uploaded as is', async () => {
    const { Context } = fakeContext(new Float32Array([0.5]));
    const converter = jest.fn(async () => wavBytes());
    const wav = await prepareVoiceNote(ogg(), Context, { converter });
    expect(converter).toHaveBeenCalledWith({ name: 'memo.ogg', type: 'audio/ogg', data: new Uint8Array([79, 103, 103, 83]) });
    expect([wav.name, wav.type, wav.size]).toEqual(['memo.wav', 'audio/wav', 13]);
  });

  it('refuses what an app converter resolves when it is not WAV', async () => {
    await expect(prepareVoiceNote(ogg(), undefined, { converter: () => new Uint8Array([1, 2, 3]) })).rejects.toThrow(/did not resolve WAV bytes/);
  });
});

describe('decodeVoiceNote (the Node path)', () => {
  it('says which containers it reads when given something else, before loading any decoder', async () => {
    await expect(decodeVoiceNote(new Uint8Array([0x49, 0x44, 0x33, 4]), 16_000)).rejects.toThrow(
      /this runtime could not decode it without Web Audio \(OGG\/Opus and WebM\/Opus only: it is neither an OGG nor a WebM file\)/,
    );
  });
});
