// A voice-note decompression bomb sent from Node (the opus-decoder path): a 500 KB OGG/Opus file that
// declares 5.5 hours of audio (a 604 MiB WAV) is refused before anything is decoded, with no service call and
// bounded memory; a 10-minute file just under the rule decodes in chunks.
import { AttachmentError } from '../../../src/errors';
import { decodeVoiceNote } from '../../../src/voiceNotes/nodeConverter';
import { MAX_VOICE_NOTE_SAMPLES } from '../../../src/voiceNotes/outputBound';
import { oggOpusBomb } from '../../support/opusBomb';
import { sdkWorld, type SdkWorld } from '../../support/sdk/sdkWorld';

jest.setTimeout(60_000);

let world: SdkWorld;
beforeAll(async () => {
  world = await sdkWorld();
});
afterAll(async () => {
  await world.close();
});

const MB = 1024 * 1024;

it('refuses a 500 KB bomb declaring 5.5 hours before decoding it: AttachmentError, no upload, memory bounded', async () => {
  const { session, contactId } = await world.customer();
  const bomb = oggOpusBomb(165_000); // 165,000 x 120 ms = 5.5 h
  expect(bomb.length).toBeLessThan(520_000);
  const before = process.memoryUsage();
  const failure = await session
    .sendAttachment({ attachment: { name: 'bomb.ogg', type: 'audio/ogg; codecs=opus', data: bomb } })
    .catch((error: unknown) => error);
  const after = process.memoryUsage();
  expect(failure).toBeInstanceOf(AttachmentError);
  expect((failure as Error).message).toMatch(/Voice note "bomb\.ogg" .* it would decode to 330\.0 minutes of audio, a WAV over the 20 MB attachment limit/);
  // Decoded whole, it would have needed 1.2 GB of samples and a 604 MiB WAV.
  expect(after.rss - before.rss).toBeLessThan(64 * MB);
  expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(16 * MB);
  const uploads = (await world.emulator.control('GET', `/emulator/requests?contactId=${contactId}&operation=StartAttachmentUpload`)).body.requests;
  expect(uploads).toEqual([]);
  await expect(session.sendMessage({ message: 'still usable' })).resolves.toMatchObject({ data: { Id: expect.any(String) } });
});

it('decodes a 10-minute voice note (just under the rule) in chunks with the real decoder', async () => {
  const samples = await decodeVoiceNote(oggOpusBomb(5_000), 16_000); // 600 s of concealed silence
  expect(samples.length).toBeGreaterThan(599 * 16_000);
  expect(samples.length).toBeLessThanOrEqual(MAX_VOICE_NOTE_SAMPLES);
});
