// The signed attachment URLs: PUT receives the bytes (checked against what was declared and scanned:
// EICAR → REJECTED), GET serves them back.
import { createHash } from 'crypto';
import type { IncomingMessage, ServerResponse } from 'http';
import type { EmulatorContext } from '../context';
import { conflictError, ServiceError, validationError } from '../core/errors';
import { headerValue, readBody, sendError, UPLOAD_BODY_LIMIT } from '../http/common';
import { ATTACHMENTS_PATH } from '../store/attachmentStore';

// Built from two halves so this source file is not itself flagged by a virus scanner.
const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-' + 'ANTIVIRUS-TEST-FILE!$H+H*';

/** PUT (upload) and GET (download) of `/attachments/<id>?method=…&expires=…&signature=…`. */
export async function handleAttachmentRequest(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): Promise<void> {
  const attachmentId = decodeURIComponent(path.slice(ATTACHMENTS_PATH.length));
  try {
    if (req.method === 'PUT') await receiveUpload(ctx, req, res, attachmentId, query);
    else if (req.method === 'GET' || req.method === 'HEAD') serveDownload(ctx, req, res, attachmentId, query);
    else throw new ServiceError(405, 'MethodNotAllowed', 'Attachment URLs accept PUT and GET only');
  } catch (err) {
    sendError(res, err instanceof ServiceError ? err : new ServiceError(500, 'InternalServerException', 'Internal server error'));
  }
}

async function receiveUpload(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse, attachmentId: string, query: URLSearchParams): Promise<void> {
  const body = await readBody(req, UPLOAD_BODY_LIMIT);
  const attachment = ctx.attachments.verify('PUT', attachmentId, query, ctx.clock.nowMs());
  if (attachment.state === 'COMPLETED') throw conflictError('Attachment was already completed');
  if (mediaType(headerValue(req, 'content-type')) !== attachment.contentType) {
    throw validationError(`Content-Type must be ${attachment.contentType}, as declared in StartAttachmentUpload`);
  }
  if (body.length !== attachment.declaredSize) {
    throw validationError(`Body has ${body.length} bytes but AttachmentSizeInBytes declared ${attachment.declaredSize}`);
  }
  attachment.bytes = body;
  attachment.status = body.includes(EICAR) ? 'REJECTED' : 'APPROVED';
  attachment.state = 'UPLOADED';
  res.writeHead(200, { ETag: `"${createHash('md5').update(body).digest('hex')}"`, 'Content-Length': '0' });
  res.end();
}

function serveDownload(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse, attachmentId: string, query: URLSearchParams): void {
  const attachment = ctx.attachments.verify('GET', attachmentId, query, ctx.clock.nowMs());
  const bytes = attachment.bytes ?? Buffer.alloc(0);
  res.writeHead(200, {
    'Content-Type': attachment.contentType,
    'Content-Length': bytes.length,
    'Content-Disposition': `inline; filename="${attachment.name.replace(/["\\\r\n]/g, '_')}"`,
  });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

/** `text/plain; charset=utf-8` → `text/plain`. */
function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0].trim().toLowerCase();
}
