// The attachment bytes and their signed URLs: an HMAC over method, id and expiry stands in for the
// presigned URLs of the service's object store.
import { createHmac, randomBytes, timingSafeEqual } from 'crypto';
import { accessDenied, ServiceError } from '../core/errors';

export const ATTACHMENTS_PATH = '/attachments/';

export interface StoredAttachment {
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

export type UrlMethod = 'PUT' | 'GET';

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
