// Attachments: StartAttachmentUpload hands out an HMAC-signed, expiring PUT URL on the emulator, the
// bytes are checked against what was declared, scanned (EICAR → REJECTED), and CompleteAttachmentUpload
// publishes the ATTACHMENT item. GetAttachment hands out a signed GET URL.
import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'crypto';
import type { IncomingMessage, ServerResponse } from 'http';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from './contentTypes';
import { senderOf } from './chatService';
import { loopbackUrl, EmulatorContext } from './context';
import { accessDenied, conflictError, participantValidationError, ServiceError, validationError } from './errors';
import { headerValue, readBody, sendError, UPLOAD_BODY_LIMIT } from './http';
import { attachmentItem } from './items';
import type { OperationCall } from './operation';
import type { Contact } from './store';

export const ATTACHMENTS_PATH = '/attachments/';
// Built from two halves so this source file is not itself flagged by a virus scanner.
const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-' + 'ANTIVIRUS-TEST-FILE!$H+H*';

interface StoredAttachment {
  attachmentId: string;
  contactId: string;
  participantId: string;
  name: string;
  contentType: string;
  declaredSize: number;
  state: 'AWAITING_UPLOAD' | 'UPLOADED' | 'COMPLETED';
  bytes?: Buffer;
  status?: 'APPROVED' | 'REJECTED';
}

type UrlMethod = 'PUT' | 'GET';

export class AttachmentStore {
  private readonly secret = randomBytes(32);
  readonly byId = new Map<string, StoredAttachment>();

  signature(method: UrlMethod, attachmentId: string, expiresAtMs: number): string {
    return createHmac('sha256', this.secret).update(`${method}\n${attachmentId}\n${expiresAtMs}`).digest('base64url');
  }

  signedUrl(base: string, method: UrlMethod, attachmentId: string, expiresAtMs: number): string {
    const signature = this.signature(method, attachmentId, expiresAtMs);
    return `${base}${ATTACHMENTS_PATH}${attachmentId}?method=${method}&expires=${expiresAtMs}&signature=${signature}`;
  }

  /** Checks a signed URL's query; throws 403 like a presigned-URL store does. */
  verify(method: UrlMethod, attachmentId: string, query: URLSearchParams, nowMs: number): StoredAttachment {
    const expires = Number(query.get('expires'));
    const given = Buffer.from(query.get('signature') ?? '');
    const expected = Buffer.from(this.signature(method, attachmentId, expires));
    if (query.get('method') !== method || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new ServiceError(403, 'AccessDeniedException', 'The request signature does not match');
    }
    if (!Number.isFinite(expires) || expires <= nowMs) throw new ServiceError(403, 'AccessDeniedException', 'Request has expired');
    const attachment = this.byId.get(attachmentId);
    if (!attachment) throw accessDenied();
    return attachment;
  }
}

/** Links go to the host the client used (a page on another interface can reach them), else 127.0.0.1. */
function publicBase(ctx: EmulatorContext, req: IncomingMessage): string {
  const host = headerValue(req, 'host');
  if (host && /^[A-Za-z0-9.\-]+(:\d+)?$|^\[[0-9a-fA-F:.]+\](:\d+)?$/.test(host)) return `${ctx.options.tls ? 'https' : 'http'}://${host}`;
  return loopbackUrl(ctx, 'http');
}

export function startAttachmentUpload({ ctx, req, ref, fields }: OperationCall): unknown {
  const contentType = fields.string('ContentType', 1, 255);
  if (!ATTACHMENT_TYPES.includes(contentType)) throw participantValidationError('ContentType', `Attachment type ${contentType} is not supported`);
  const size = fields.integer('AttachmentSizeInBytes', 1, Number.MAX_SAFE_INTEGER);
  if (size > MAX_ATTACHMENT_BYTES) throw participantValidationError('AttachmentSizeInBytes', `Attachment must not exceed ${MAX_ATTACHMENT_BYTES} bytes`);
  const name = fields.string('AttachmentName', 1, 256);
  fields.string('ClientToken', 1, 500);
  const attachment: StoredAttachment = {
    attachmentId: randomUUID(),
    contactId: ref.contact.contactId,
    participantId: ref.participant.participantId,
    name,
    contentType,
    declaredSize: size,
    state: 'AWAITING_UPLOAD',
  };
  ctx.attachments.byId.set(attachment.attachmentId, attachment);
  const expiresAtMs = ctx.clock.nowMs() + ctx.options.attachmentUploadTtlMs;
  return {
    AttachmentId: attachment.attachmentId,
    UploadMetadata: {
      Url: ctx.attachments.signedUrl(publicBase(ctx, req), 'PUT', attachment.attachmentId, expiresAtMs),
      UrlExpiry: new Date(expiresAtMs).toISOString(),
      HeadersToInclude: { 'Content-Type': contentType },
    },
  };
}

export function completeAttachmentUpload({ ctx, ref, fields }: OperationCall): unknown {
  const [attachmentId] = fields.stringList('AttachmentIds', 1, 1, 1, 256);
  fields.string('ClientToken', 1, 500);
  const attachment = ctx.attachments.byId.get(attachmentId);
  if (!attachment || attachment.contactId !== ref.contact.contactId || attachment.participantId !== ref.participant.participantId) {
    throw participantValidationError('AttachmentIds', `Attachment ${attachmentId} was not started by this participant`);
  }
  if (attachment.state === 'AWAITING_UPLOAD') throw conflictError(`Attachment ${attachmentId} is still being uploaded`);
  if (attachment.state === 'COMPLETED') throw conflictError(`Attachment ${attachmentId} was already completed`);
  attachment.state = 'COMPLETED';
  const item = attachmentItem(ref.contact, ctx.clock.nowIso(), senderOf(ref.participant), {
    ContentType: attachment.contentType,
    AttachmentId: attachment.attachmentId,
    AttachmentName: attachment.name,
    Status: attachment.status ?? 'APPROVED',
  });
  ctx.chat.publish(ref.contact, item);
  return {};
}

export function getAttachment({ ctx, req, ref, fields }: OperationCall): unknown {
  if (ref.participant.role === 'CUSTOM_BOT') throw accessDenied();
  const attachmentId = fields.string('AttachmentId', 1, 256);
  const expirySeconds = fields.optionalInteger('UrlExpiryInSeconds', 5, 300) ?? 300;
  const attachment = ctx.attachments.byId.get(attachmentId);
  if (!attachment || attachment.state !== 'COMPLETED' || !belongsToChat(ref.contact, attachment)) {
    throw participantValidationError('AttachmentId', `Attachment ${attachmentId} does not exist in this chat`);
  }
  if (attachment.status === 'REJECTED') throw validationError(`Attachment ${attachmentId} was rejected by the attachment scanner`);
  const expiresAtMs = ctx.clock.nowMs() + expirySeconds * 1000;
  return {
    Url: ctx.attachments.signedUrl(publicBase(ctx, req), 'GET', attachmentId, expiresAtMs),
    UrlExpiry: new Date(expiresAtMs).toISOString(),
    AttachmentSizeInBytes: attachment.declaredSize,
  };
}

/** The contact's own attachments and those of past contacts that persistent chat carried over. */
function belongsToChat(contact: Contact, attachment: StoredAttachment): boolean {
  if (attachment.contactId === contact.contactId) return true;
  return contact.items.some((stored) => stored.past && stored.item.Attachments?.some((entry) => entry.AttachmentId === attachment.attachmentId));
}

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
