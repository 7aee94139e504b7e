// Attachment operations: StartAttachmentUpload hands out a signed, expiring PUT URL on the emulator,
// CompleteAttachmentUpload publishes the ATTACHMENT item, GetAttachment hands out a signed GET URL.
// The URLs themselves are served by attachmentUrls.ts.
import { randomUUID } from 'crypto';
import { senderOf } from '../chat/chatService';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from '../core/contentTypes';
import { accessDenied, conflictError, participantValidationError, validationError } from '../core/errors';
import { AttachmentStore, StoredAttachment } from '../store/attachmentStore';
import { attachmentItem } from '../store/items';
import type { Contact } from '../store/store';
import type { OperationCall } from './operation';

export function startAttachmentUpload({ ctx, ref, fields }: OperationCall): unknown {
  const contentType = fields.string('ContentType', 1, 255);
  if (!ATTACHMENT_TYPES.includes(contentType)) throw participantValidationError('ContentType', `Attachment type ${contentType} is not supported`);
  const size = fields.integer('AttachmentSizeInBytes', 1, Number.MAX_SAFE_INTEGER);
  if (size > MAX_ATTACHMENT_BYTES) throw participantValidationError('AttachmentSizeInBytes', `Attachment must not exceed ${MAX_ATTACHMENT_BYTES} bytes`);
  const name = fields.string('AttachmentName', 1, 256);
  fields.string('ClientToken', 1, 500);
  ctx.retention.admitAttachment(AttachmentStore.chargeFor(size));
  const expiresAtMs = ctx.clock.nowMs() + ctx.options.attachmentUploadTtlMs;
  const attachment: StoredAttachment = {
    attachmentId: randomUUID(),
    contactId: ref.contact.contactId,
    participantId: ref.participant.participantId,
    name,
    contentType,
    declaredSize: size,
    state: 'AWAITING_UPLOAD',
    uploadExpiresAtMs: expiresAtMs,
  };
  ctx.attachments.add(attachment);
  return {
    AttachmentId: attachment.attachmentId,
    UploadMetadata: {
      Url: ctx.attachments.signedUrl(ctx.address.url('http'), 'PUT', attachment.attachmentId, expiresAtMs),
      UrlExpiry: new Date(expiresAtMs).toISOString(),
      HeadersToInclude: { 'Content-Type': contentType },
    },
  };
}

export function completeAttachmentUpload({ ctx, ref, fields }: OperationCall): unknown {
  const [attachmentId] = fields.stringList('AttachmentIds', 1, 1, 1, 256);
  fields.string('ClientToken', 1, 500);
  const attachment = ctx.attachments.get(attachmentId);
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

export function getAttachment({ ctx, ref, fields }: OperationCall): unknown {
  if (ref.participant.role === 'CUSTOM_BOT') throw accessDenied();
  const attachmentId = fields.string('AttachmentId', 1, 256);
  const expirySeconds = fields.optionalInteger('UrlExpiryInSeconds', 5, 300) ?? 300;
  const attachment = ctx.attachments.get(attachmentId);
  if (!attachment || attachment.state !== 'COMPLETED' || !belongsToChat(ref.contact, attachment)) {
    throw participantValidationError('AttachmentId', `Attachment ${attachmentId} does not exist in this chat`);
  }
  if (attachment.status === 'REJECTED') throw validationError(`Attachment ${attachmentId} was rejected by the attachment scanner`);
  const expiresAtMs = ctx.clock.nowMs() + expirySeconds * 1000;
  return {
    Url: ctx.attachments.signedUrl(ctx.address.url('http'), 'GET', attachmentId, expiresAtMs),
    UrlExpiry: new Date(expiresAtMs).toISOString(),
    AttachmentSizeInBytes: attachment.declaredSize,
  };
}

/** The contact's own attachments and those of past contacts that persistent chat carried over. */
function belongsToChat(contact: Contact, attachment: StoredAttachment): boolean {
  if (attachment.contactId === contact.contactId) return true;
  return contact.items.some((stored) => stored.past && stored.item.Attachments?.some((entry) => entry.AttachmentId === attachment.attachmentId));
}
