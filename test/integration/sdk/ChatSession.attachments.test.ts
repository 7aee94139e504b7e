// Attachments through this SDK against the emulator: scanner rejection, checks before any call, progress.
import { AttachmentError, ChatServiceError } from '../../../src/errors';
import { sdkWorld, type SdkWorld } from '../../support/sdk/sdkWorld';

const MB = 1024 * 1024;
// The EICAR test string, built from two halves so this file is not itself flagged by a scanner.
const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-' + 'ANTIVIRUS-TEST-FILE!$H+H*';

let world: SdkWorld;

beforeAll(async () => {
  world = await sdkWorld();
});
afterAll(async () => {
  await world.close();
});

async function operations(contactId: string): Promise<string[]> {
  const answer = await world.emulator.control('GET', `/emulator/requests?contactId=${encodeURIComponent(contactId)}`);
  return (answer.body.requests as Array<{ operation: string }>).map((r) => r.operation);
}

describe('attachments', () => {
  it('a file the scanner rejects arrives with Status REJECTED, and fetching it rejects as AttachmentRejected', async () => {
    const { session, log } = await world.customer();
    const file = new File([EICAR], 'eicar.txt', { type: 'text/plain' });
    const uploaded = await session.sendAttachment({ attachment: file });
    const attachmentId = uploaded.data.AttachmentId as string;
    await log.until((items) => items.some((i) => i.Type === 'ATTACHMENT'), 5000, 'attachment item');
    const item = log.items.find((i) => i.Type === 'ATTACHMENT');
    expect(item?.Attachments?.[0]).toMatchObject({ AttachmentId: attachmentId, AttachmentName: 'eicar.txt', Status: 'REJECTED' });

    const download = await session.downloadAttachment({ attachmentId, metadata: { m: 1 } }).catch((e: unknown) => e);
    expect(download).toBeInstanceOf(ChatServiceError);
    expect(download).toMatchObject({ type: 'AttachmentRejected', statusCode: 400, metadata: { m: 1 } });
    expect((download as Error).message).toContain('"eicar.txt"');
    await expect(session.getAttachmentURL({ attachmentId })).rejects.toMatchObject({ type: 'AttachmentRejected' });
  });

  it.each([
    ['a 25 MB file', () => new File([new Uint8Array(25 * MB)], 'big.pdf', { type: 'application/pdf' }), /25\.0 MB; the limit is 20\.0 MB/],
    ['a .exe', () => new File([new Uint8Array([77, 90])], 'setup.exe', { type: 'application/x-msdownload' }), /setup\.exe.*application\/x-msdownload/],
  ])('%s is refused with an AttachmentError and no API call', async (_label, makeFile, message) => {
    const { session, contactId } = await world.customer();
    const before = await operations(contactId);
    const error = await session.sendAttachment({ attachment: makeFile() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AttachmentError);
    expect((error as Error).message).toMatch(message);
    const after = await operations(contactId);
    expect(after).toEqual(before);
    expect(after).not.toContain('StartAttachmentUpload');
  });

  it('progress reaches onProgress and ends at the file size', async () => {
    const { session, contactId } = await world.customer();
    const file = new File([new Uint8Array(64 * 1024).fill(65)], 'report.txt', { type: 'text/plain' });
    const progress: Array<{ loaded: number; total: number }> = [];
    await session.sendAttachment({ attachment: file, onProgress: (p) => progress.push({ loaded: p.loaded, total: p.total }) });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[progress.length - 1]).toEqual({ loaded: file.size, total: file.size });
    expect(await operations(contactId)).toEqual(expect.arrayContaining(['StartAttachmentUpload', 'CompleteAttachmentUpload']));
  });
});
