// A voice note recorded in the browser (MediaRecorder, ogg or webm opus) is converted by the bundle to a
// 16 kHz mono 16-bit WAV before upload: the emulator stores audio/wav whose bytes are RIFF/WAVE.
import { css, type TestPage } from '../support/browser/engine';
import type { TestEmulator } from '../support/emulator/testEmulator';
import { openBundlePage, type BundlePage } from '../support/browser/bundlePage';
import { oggOpusBomb } from '../support/opusBomb';

jest.setTimeout(60_000);


// Records ~0.5 s of a 440 Hz tone; started from a click so the AudioContext may run.
const RECORDER_JS = `
window.__record = function () {
  var types = ['audio/ogg;codecs=opus', 'audio/webm;codecs=opus', 'audio/webm'];
  var type = types.filter(function (t) { return MediaRecorder.isTypeSupported(t); })[0];
  if (!type) return Promise.reject(new Error('no supported MediaRecorder audio type'));
  var context = new AudioContext();
  var oscillator = context.createOscillator();
  var destination = context.createMediaStreamDestination();
  oscillator.frequency.value = 440;
  oscillator.connect(destination);
  var recorder = new MediaRecorder(destination.stream, { mimeType: type });
  var chunks = [];
  recorder.ondataavailable = function (e) { if (e.data.size > 0) chunks.push(e.data); };
  return context.resume().then(function () {
    return new Promise(function (resolve) {
      recorder.onstop = function () {
        context.close();
        resolve(new Blob(chunks, { type: type }));
      };
      oscillator.start();
      recorder.start();
      setTimeout(function () { recorder.stop(); oscillator.stop(); }, 500);
    });
  });
};
document.addEventListener('DOMContentLoaded', function () {
  document.getElementById('rec').addEventListener('click', function () { window.__recording = window.__record(); });
});
`;
const PAGE = `<!doctype html><html><head><meta charset="utf-8">
<script src="/recorder.js"></script>
<script src="/amazon-connect-chat.js"></script>
</head><body><button id="rec">record</button></body></html>`;

let emulator: TestEmulator;
let page: TestPage;
let opened: BundlePage;

beforeAll(async () => {
  opened = await openBundlePage(PAGE, { '/recorder.js': RECORDER_JS });
  ({ emulator, page } = opened);
});

afterAll(async () => {
  await opened?.close();
});

interface Sent {
  recordedType: string;
  attachmentId: string;
  item: { ContentType?: string; Attachments?: Array<{ AttachmentName: string; ContentType: string; Status: string }> } | null;
  bytes: number[];
  size: number;
}

it('an ogg/webm voice note is uploaded as a 16 kHz mono 16-bit WAV', async () => {
  const started = await emulator.startChat();
  const chatDetails = { contactId: started.ContactId, participantId: started.ParticipantId, participantToken: started.ParticipantToken };
  await page.click(css('#rec'));
  const sent = (await page.evaluate(
    async ({ endpoint, details }) => {
      const w = window as unknown as { connect: Record<string, any>; __recording: Promise<Blob> };
      const recorded = await w.__recording;
      w.connect.ChatSession.setGlobalConfig({ region: 'us-east-1', endpoint });
      const session = w.connect.ChatSession.create({ type: 'CUSTOMER', chatDetails: details, disableCSM: true });
      const attachmentItem = new Promise((resolve) => {
        session.onMessage((e: { data: { Type: string } }) => {
          if (e.data.Type === 'ATTACHMENT') resolve(e.data);
        });
      });
      await session.connect();
      const extension = recorded.type.startsWith('audio/ogg') ? 'ogg' : 'webm';
      const file = new File([recorded], `voice-note.${extension}`, { type: recorded.type });
      const uploaded = await session.sendAttachment({ attachment: file });
      const attachmentId = uploaded.data.AttachmentId as string;
      const item = await Promise.race([attachmentItem, new Promise((resolve) => setTimeout(() => resolve(null), 5000))]);
      const blob: Blob = await session.downloadAttachment({ attachmentId });
      const bytes = Array.from(new Uint8Array(await blob.arrayBuffer()).slice(0, 44));
      return { recordedType: recorded.type, attachmentId, item, bytes, size: blob.size };
    },
    { endpoint: emulator.url, details: chatDetails },
  )) as Sent;

  expect(sent.recordedType).toMatch(/^audio\/(ogg|webm)/);
  expect(sent.item?.Attachments?.[0]).toMatchObject({ AttachmentName: 'voice-note.wav', ContentType: 'audio/wav', Status: 'APPROVED' });

  const header = Buffer.from(sent.bytes);
  expect(header.toString('ascii', 0, 4)).toBe('RIFF');
  expect(header.toString('ascii', 8, 12)).toBe('WAVE');
  expect(header.toString('ascii', 12, 16)).toBe('fmt ');
  expect(header.readUInt16LE(20)).toBe(1); // PCM
  expect(header.readUInt16LE(22)).toBe(1); // mono
  expect(header.readUInt32LE(24)).toBe(16_000);
  expect(header.readUInt16LE(34)).toBe(16);
  // About half a second at 16 kHz × 2 bytes, allowing for the recorder's start-up and tail.
  const dataBytes = header.readUInt32LE(40);
  expect(dataBytes).toBe(sent.size - 44);
  expect(dataBytes).toBeGreaterThan(0.2 * 32_000);
  expect(dataBytes).toBeLessThan(3 * 32_000);

  const log = await emulator.control('GET', `/emulator/requests?contactId=${encodeURIComponent(started.ContactId)}`);
  const start = (log.body.requests as Array<{ operation: string; contentType?: string }>).find((r) => r.operation === 'StartAttachmentUpload');
  expect(start?.contentType).toBe('audio/wav');
  expect(page.problems).toEqual([]);
  await emulator.control('POST', `/emulator/contacts/${started.ContactId}/end`);
});

it('an OGG/Opus decompression bomb (2 hours in 190 KB) is refused before the browser decodes it', async () => {
  const started = await emulator.startChat();
  const chatDetails = { contactId: started.ContactId, participantId: started.ParticipantId, participantToken: started.ParticipantToken };
  const bomb = Buffer.from(oggOpusBomb(60_000)).toString('base64');
  const refusal = (await page.evaluate(
    async ({ endpoint, details, base64 }) => {
      const w = window as unknown as { connect: Record<string, any> };
      w.connect.ChatSession.setGlobalConfig({ region: 'us-east-1', endpoint });
      const session = w.connect.ChatSession.create({ type: 'CUSTOMER', chatDetails: details, disableCSM: true });
      await session.connect();
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const file = new File([bytes], 'bomb.ogg', { type: 'audio/ogg; codecs=opus' });
      return session.sendAttachment({ attachment: file }).then(
        () => 'uploaded',
        (error: Error) => `${error.name}: ${error.message}`,
      );
    },
    { endpoint: emulator.url, details: chatDetails, base64: bomb },
  )) as string;
  expect(refusal).toMatch(/^IllegalArgument: Voice note "bomb\.ogg" is audio\/ogg, .* it would decode to 120\.0 minutes of audio/);
  const log = await emulator.control('GET', `/emulator/requests?contactId=${encodeURIComponent(started.ContactId)}`);
  expect((log.body.requests as Array<{ operation: string }>).map((r) => r.operation)).not.toContain('StartAttachmentUpload');
  await emulator.control('POST', `/emulator/contacts/${started.ContactId}/end`);
});
