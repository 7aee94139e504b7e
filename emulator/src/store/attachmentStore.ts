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
  /** Until when the upload URL works; an attachment still awaiting its bytes is forgotten after it. */
  uploadExpiresAtMs: number;
}

/** The least an attachment is charged against the byte budget, so tiny declared sizes cannot pile up. */
const MIN_ATTACHMENT_CHARGE = 4096;

function chargeOf(attachment: StoredAttachment): number {
  return AttachmentStore.chargeFor(attachment.declaredSize);
}

export type UrlMethod = 'PUT' | 'GET';

export class AttachmentStore {
  private readonly secret = randomBytes(32);
  private readonly byId = new Map<string, StoredAttachment>();
  /** Declared sizes of every attachment held, uploaded or still awaited (see chargeOf). */
  private chargedBytes = 0;

  get reservedBytes(): number {
    return this.chargedBytes;
  }

  /** The charge a new attachment of `declaredSize` bytes would add. */
  static chargeFor(declaredSize: number): number {
    return Math.max(declaredSize, MIN_ATTACHMENT_CHARGE);
  }

  get(attachmentId: string): StoredAttachment | undefined {
    return this.byId.get(attachmentId);
  }

  add(attachment: StoredAttachment): void {
    this.byId.set(attachment.attachmentId, attachment);
    this.chargedBytes += chargeOf(attachment);
  }

  private remove(attachment: StoredAttachment): void {
    if (this.byId.delete(attachment.attachmentId)) this.chargedBytes -= chargeOf(attachment);
  }

  /** Forgets the attachments of a contact that is being forgotten. */
  removeContact(contactId: string): void {
    this.byId.forEach((attachment) => {
      if (attachment.contactId === contactId) this.remove(attachment);
    });
  }

  /** Forgets attachments whose upload URL expired before any bytes came. */
  sweepAbandoned(nowMs: number): void {
    this.byId.forEach((attachment) => {
      if (attachment.state === 'AWAITING_UPLOAD' && attachment.uploadExpiresAtMs <= nowMs) this.remove(attachment);
    });
  }

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
