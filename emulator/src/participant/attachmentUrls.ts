// The signed attachment URLs: PUT receives the bytes (checked against what was declared and scanned:
// EICAR → REJECTED), GET serves them back.
import { createHash } from 'crypto';
import type { IncomingMessage, ServerResponse } from 'http';
import type { EmulatorContext } from '../context';
import { conflictError, ServiceError, validationError } from '../core/errors';
import { headerValue, sendError } from '../http/common';
import { ATTACHMENTS_PATH, StoredAttachment } from '../store/attachmentStore';

// Built from two halves so this source file is not itself flagged by a virus scanner.
const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-' + 'ANTIVIRUS-TEST-FILE!$H+H*';

/** PUT (upload) and GET (download) of `/attachments/<id>?method=…&expires=…&signature=…`. */
export async function handleAttachmentRequest(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): Promise<void> {
  try {
    const attachmentId = decodePathLabel(path.slice(ATTACHMENTS_PATH.length));
    const method = req.method === 'PUT' ? 'PUT' : req.method === 'GET' || req.method === 'HEAD' ? 'GET' : undefined;
    if (!method) throw new ServiceError(405, 'MethodNotAllowed', 'Attachment URLs accept PUT and GET only');
    // The signature is checked before a byte of the body is read: a bogus upload costs nothing.
    const attachment = ctx.attachments.verify(method, attachmentId, query, ctx.clock.nowMs());
    if (ctx.faults.isInOutage({ contactId: attachment.contactId, participantId: attachment.participantId })) {
      req.socket.destroy(); // an outage: the network is down for this contact's object-store traffic too
      return;
    }
    if (method === 'PUT') await receiveUpload(req, res, attachment);
    else serveDownload(req, res, attachment);
  } catch (err) {
    sendError(res, err instanceof ServiceError ? err : new ServiceError(500, 'InternalServerException', 'Internal server error'));
  }
}

function decodePathLabel(label: string): string {
  try {
    return decodeURIComponent(label);
  } catch {
    throw new ServiceError(400, 'InvalidURI', 'The attachment path has a malformed % escape');
  }
}

async function receiveUpload(req: IncomingMessage, res: ServerResponse, attachment: StoredAttachment): Promise<void> {
  if (attachment.state === 'COMPLETED') throw conflictError('Attachment was already completed');
  if (mediaType(headerValue(req, 'content-type')) !== attachment.contentType) {
    throw validationError(`Content-Type must be ${attachment.contentType}, as declared in StartAttachmentUpload`);
  }
  const declaredLength = headerValue(req, 'content-length');
  if (declaredLength !== undefined && Number(declaredLength) !== attachment.declaredSize) {
    throw sizeMismatch(Number(declaredLength), attachment.declaredSize);
  }
  const body = await readExactly(req, attachment.declaredSize);
  if (body.length !== attachment.declaredSize) throw sizeMismatch(body.length, attachment.declaredSize);
  attachment.bytes = body;
  attachment.status = body.includes(EICAR) ? 'REJECTED' : 'APPROVED';
  attachment.state = 'UPLOADED';
  res.writeHead(200, { ETag: `"${createHash('md5').update(body).digest('hex')}"`, 'Content-Length': '0' });
  res.end();
}

/** Past this many times the declared size, an oversized upload is cut instead of drained. */
const OVERSIZE_DRAIN_FACTOR = 4;

/**
 * The body, read into one buffer of the declared size allocated up front: an upload costs its size once,
 * not a list of chunks plus their concatenation. A shorter body resolves with what came; a longer one rejects.
 */
function readExactly(req: IncomingMessage, size: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const body = Buffer.allocUnsafe(size);
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      if (received + chunk.length <= size) chunk.copy(body, received);
      received += chunk.length;
      if (received > size * OVERSIZE_DRAIN_FACTOR) req.destroy();
    });
    req.on('end', () => (received > size ? reject(sizeMismatch(undefined, size)) : resolve(body.subarray(0, received))));
    req.on('error', () => reject(sizeMismatch(undefined, size)));
    req.on('close', () => {
      if (!req.complete) reject(sizeMismatch(undefined, size));
    });
  });
}

function sizeMismatch(received: number | undefined, declared: number): ServiceError {
  const got = received === undefined ? 'more bytes' : `${received} bytes`;
  return validationError(`Body has ${got} but AttachmentSizeInBytes declared ${declared}`);
}

function serveDownload(req: IncomingMessage, res: ServerResponse, attachment: StoredAttachment): void {
  const bytes = attachment.bytes ?? Buffer.alloc(0);
  res.writeHead(200, {
    'Content-Type': attachment.contentType,
    'Content-Length': bytes.length,
    'Content-Disposition': contentDisposition(attachment.name),
  });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

/** An ASCII `filename` for old clients and the exact name as RFC 5987 `filename*` (names outside Latin-1 included). */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `inline; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** `text/plain; charset=utf-8` → `text/plain`. */
function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0].trim().toLowerCase();
}
