// Attachments: signed upload URL, checked PUT, scanning, CompleteAttachmentUpload rules, signed download.
import {
  CompleteAttachmentUploadCommand,
  GetAttachmentCommand,
  StartAttachmentUploadCommand,
  StartAttachmentUploadCommandOutput,
} from '@aws-sdk/client-connectparticipant';
import { ChatParticipant, serviceError, startTestEmulator, TestEmulator } from '../../support/emulator/testEmulator';

const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-' + 'ANTIVIRUS-TEST-FILE!$H+H*';
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
let emu: TestEmulator;
let customer: ChatParticipant;

beforeAll(async () => {
  emu = await startTestEmulator();
  customer = await emu.customer();
});
afterAll(async () => {
  await emu.close();
});

function startUpload(bytes: Buffer, contentType = 'image/png', name = 'pic.png', token = customer.connectionToken): Promise<StartAttachmentUploadCommandOutput> {
  return emu.participantClient().send(new StartAttachmentUploadCommand({ ConnectionToken: token, ContentType: contentType, AttachmentName: name, AttachmentSizeInBytes: bytes.length }));
}

function put(upload: StartAttachmentUploadCommandOutput, body: Buffer, headers = upload.UploadMetadata?.HeadersToInclude ?? {}): Promise<Response> {
  return fetch(upload.UploadMetadata?.Url ?? '', { method: 'PUT', headers, body: new Uint8Array(body) });
}

function complete(attachmentId: string, token = customer.connectionToken) {
  return emu.participantClient().send(new CompleteAttachmentUploadCommand({ ConnectionToken: token, AttachmentIds: [attachmentId] }));
}

describe('upload and download', () => {
  it('uploads, publishes an APPROVED ATTACHMENT item and serves the bytes from a signed URL', async () => {
    const upload = await startUpload(PNG);
    expect(upload.UploadMetadata?.Url).toContain(`${emu.url}/attachments/`);
    expect(upload.UploadMetadata?.HeadersToInclude).toEqual({ 'Content-Type': 'image/png' });
    expect(Date.parse(upload.UploadMetadata?.UrlExpiry ?? '')).toBeGreaterThan(Date.now());
    expect((await put(upload, PNG)).status).toBe(200);
    await complete(upload.AttachmentId ?? '');
    const item = await customer.socket.waitForItem((candidate) => candidate.Type === 'ATTACHMENT');
    expect(item).toMatchObject({
      ParticipantId: customer.participantId,
      ParticipantRole: 'CUSTOMER',
      Attachments: [{ AttachmentId: upload.AttachmentId, AttachmentName: 'pic.png', ContentType: 'image/png', Status: 'APPROVED' }],
    });
    const download = await emu.participantClient().send(new GetAttachmentCommand({ ConnectionToken: customer.connectionToken, AttachmentId: upload.AttachmentId, UrlExpiryInSeconds: 60 }));
    expect(download.AttachmentSizeInBytes).toBe(PNG.length);
    const response = await fetch(download.Url ?? '', { headers: { origin: 'http://localhost:5173' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PNG);
  });

  it('marks a file containing the EICAR test string REJECTED', async () => {
    const bytes = Buffer.from(`${EICAR}\n`);
    const upload = await startUpload(bytes, 'text/plain', 'eicar.txt');
    expect((await put(upload, bytes)).status).toBe(200);
    await complete(upload.AttachmentId ?? '');
    const item = await customer.socket.waitForItem((candidate) => candidate.Type === 'ATTACHMENT' && candidate.Attachments?.[0].AttachmentId === upload.AttachmentId);
    expect(item.Attachments?.[0].Status).toBe('REJECTED');
  });

  it('answers the upload preflight for PUT with the Content-Type header', async () => {
    const upload = await startUpload(PNG);
    const response = await fetch(upload.UploadMetadata?.Url ?? '', {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type');
  });
});

describe('StartAttachmentUpload validation', () => {
  it.each([
    ['a type outside the allowed list', Buffer.from('x'), 'application/x-msdownload', 'ContentType'],
  ])('rejects %s', async (_label, bytes, contentType, field) => {
    const error = await serviceError(startUpload(bytes, contentType, 'file.exe'));
    expect(error.name).toBe('ValidationException');
    expect(error.message).toContain(field);
  });

  it('rejects files over 20 MB and a zero size', async () => {
    const client = emu.participantClient();
    const tooBig = await serviceError(client.send(new StartAttachmentUploadCommand({ ConnectionToken: customer.connectionToken, ContentType: 'application/pdf', AttachmentName: 'big.pdf', AttachmentSizeInBytes: 20 * 1024 * 1024 + 1 })));
    expect(tooBig.message).toContain('AttachmentSizeInBytes');
    const empty = await serviceError(client.send(new StartAttachmentUploadCommand({ ConnectionToken: customer.connectionToken, ContentType: 'application/pdf', AttachmentName: 'e.pdf', AttachmentSizeInBytes: 0 })));
    expect(empty.message).toContain('AttachmentSizeInBytes');
  });
});

describe('the PUT is checked', () => {
  it('rejects a different content type or size than declared with 400', async () => {
    const upload = await startUpload(PNG);
    const wrongType = await put(upload, PNG, { 'Content-Type': 'image/jpeg' });
    expect(wrongType.status).toBe(400);
    expect(((await wrongType.json()) as { __type: string }).__type).toBe('ValidationException');
    expect((await put(upload, Buffer.concat([PNG, PNG]))).status).toBe(400);
  });

  it('rejects a tampered signature and a download URL used for upload with 403', async () => {
    const upload = await startUpload(PNG);
    const url = new URL(upload.UploadMetadata?.Url ?? '');
    url.searchParams.set('signature', 'forged');
    expect((await fetch(url, { method: 'PUT', headers: { 'Content-Type': 'image/png' }, body: new Uint8Array(PNG) })).status).toBe(403);
    url.searchParams.set('method', 'GET');
    expect((await fetch(url)).status).toBe(403);
  });

  it('rejects an expired upload URL with 403', async () => {
    const shortLived = await startTestEmulator({ attachmentUploadTtlMs: 1 });
    try {
      const chat = await shortLived.customer();
      const upload = await shortLived.participantClient().send(new StartAttachmentUploadCommand({ ConnectionToken: chat.connectionToken, ContentType: 'image/png', AttachmentName: 'a.png', AttachmentSizeInBytes: PNG.length }));
      const response = await fetch(upload.UploadMetadata?.Url ?? '', { method: 'PUT', headers: { 'Content-Type': 'image/png' }, body: new Uint8Array(PNG) });
      expect(response.status).toBe(403);
      expect(((await response.json()) as { message: string }).message).toContain('expired');
    } finally {
      await shortLived.close();
    }
  });
});

describe('CompleteAttachmentUpload and GetAttachment rules', () => {
  it('409s before the bytes arrived and after a first completion', async () => {
    const upload = await startUpload(PNG);
    const early = await serviceError(complete(upload.AttachmentId ?? ''));
    expect(early.name).toBe('ConflictException');
    expect(early.$metadata.httpStatusCode).toBe(409);
    await put(upload, PNG);
    await complete(upload.AttachmentId ?? '');
    const twice = await serviceError(complete(upload.AttachmentId ?? ''));
    expect(twice.name).toBe('ConflictException');
  });

  it('needs exactly one attachment id of this participant', async () => {
    const client = emu.participantClient();
    const none = await serviceError(client.send(new CompleteAttachmentUploadCommand({ ConnectionToken: customer.connectionToken, AttachmentIds: [] })));
    expect(none.message).toContain('AttachmentIds');
    const two = await serviceError(client.send(new CompleteAttachmentUploadCommand({ ConnectionToken: customer.connectionToken, AttachmentIds: ['a', 'b'] })));
    expect(two.message).toContain('AttachmentIds');
    const other = await emu.customer();
    const upload = await startUpload(PNG, 'image/png', 'mine.png', other.connectionToken);
    const foreign = await serviceError(complete(upload.AttachmentId ?? ''));
    expect(foreign.name).toBe('ValidationException');
  });

  it('validates UrlExpiryInSeconds 5..300 and refuses CUSTOM_BOT participants', async () => {
    const upload = await startUpload(PNG);
    await put(upload, PNG);
    await complete(upload.AttachmentId ?? '');
    const client = emu.participantClient();
    const tooShort = await serviceError(client.send(new GetAttachmentCommand({ ConnectionToken: customer.connectionToken, AttachmentId: upload.AttachmentId, UrlExpiryInSeconds: 4 })));
    expect(tooShort.message).toContain('UrlExpiryInSeconds');
    const { body } = await emu.control('POST', `/emulator/contacts/${customer.contactId}/participants`, { role: 'CUSTOM_BOT', displayName: 'Bot' });
    const bot = await emu.connect(customer.contactId, body.ParticipantId, body.ParticipantToken);
    const denied = await serviceError(client.send(new GetAttachmentCommand({ ConnectionToken: bot.connectionToken, AttachmentId: upload.AttachmentId })));
    expect(denied.name).toBe('AccessDeniedException');
  });
});

describe('names, headers and URLs', () => {
  async function uploadAndDownload(name: string): Promise<Response> {
    const bytes = Buffer.from('hello');
    const upload = await startUpload(bytes, 'text/plain', name);
    expect((await put(upload, bytes)).status).toBe(200);
    await complete(upload.AttachmentId ?? '');
    const download = await emu.participantClient().send(new GetAttachmentCommand({ ConnectionToken: customer.connectionToken, AttachmentId: upload.AttachmentId }));
    return fetch(download.Url ?? '');
  }

  it.each(['报告.txt', 'résumé.txt', 'emoji 🎉 "quoted".txt'])('round-trips the name %s with filename*=UTF-8', async (name) => {
    const response = await uploadAndDownload(name);
    expect(response.status).toBe(200);
    const disposition = response.headers.get('content-disposition') ?? '';
    const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? '';
    expect(decodeURIComponent(encoded)).toBe(name);
    expect(disposition).toMatch(/^inline; filename="[\x20-\x7e]+";/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers a malformed % escape in the attachment path with 400, not 500', async () => {
    const response = await fetch(`${emu.url}/attachments/%E0%A4%A?method=GET&expires=1&signature=x`);
    expect(response.status).toBe(400);
  });

  it('signs URLs for the bound address, whatever Host the request named', async () => {
    const viaLocalhost = emu.participantClient({ endpoint: emu.url.replace('127.0.0.1', 'localhost') });
    const upload = await viaLocalhost.send(new StartAttachmentUploadCommand({ ConnectionToken: customer.connectionToken, ContentType: 'image/png', AttachmentName: 'a.png', AttachmentSizeInBytes: PNG.length }));
    expect(upload.UploadMetadata?.Url?.startsWith(`${emu.url}/attachments/`)).toBe(true);
  });
});
