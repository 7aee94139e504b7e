// Keeps the emulator's memory bounded: ended contacts (with their items, tokens and attachments) are
// forgotten after a TTL, and when a budget is full the oldest ended contacts go first; only if that is
// not enough is the request refused, with the error the service gives for that quota.
import { ServiceError } from '../core/errors';
import type { Clock, Scheduler } from '../core/scheduler';
import type { AttachmentStore } from '../store/attachmentStore';
import type { Contact, Store } from '../store/store';
import type { ChatService } from './chatService';

export interface RetentionLimits {
  endedContactTtlMs: number;
  maxActiveContacts: number;
  maxTranscriptBytes: number;
  maxAttachmentStoreBytes: number;
}

/** The longest pause between two sweeps; a short TTL sweeps more often. */
const MAX_SWEEP_INTERVAL_MS = 30_000;
const MIN_SWEEP_INTERVAL_MS = 50;
/** What a new contact is expected to take in the transcript budget (its first events). */
const NEW_CONTACT_BYTES = 4096;

export class Retention {
  constructor(
    private readonly limits: RetentionLimits,
    private readonly parts: { store: Store; attachments: AttachmentStore; chat: ChatService; clock: Clock; scheduler: Scheduler },
  ) {}

  /** Starts the periodic sweep; it stops when the scheduler closes. */
  start(): void {
    const interval = Math.min(MAX_SWEEP_INTERVAL_MS, Math.max(MIN_SWEEP_INTERVAL_MS, this.limits.endedContactTtlMs));
    const tick = (): void => {
      this.sweep();
      this.parts.scheduler.after(interval, tick);
    };
    this.parts.scheduler.after(interval, tick);
  }

  sweep(): void {
    const now = this.parts.clock.nowMs();
    this.endedContacts()
      .filter((contact) => (contact.endedAtMs ?? 0) + this.limits.endedContactTtlMs <= now)
      .forEach((contact) => this.forget(contact));
    this.parts.store.sweepExpiredGrants(now);
    this.parts.attachments.sweepAbandoned(now);
  }

  /** StartChatContact: 429 LimitExceededException past the active-contact cap or a full transcript store. */
  admitContact(): void {
    if (this.parts.store.activeContactCount() >= this.limits.maxActiveContacts) {
      throw new ServiceError(429, 'LimitExceededException', `The emulator holds ${this.limits.maxActiveContacts} active contacts (maxActiveContacts); end some first`);
    }
    if (!this.makeRoom(() => this.parts.store.storedTranscriptBytes + NEW_CONTACT_BYTES <= this.limits.maxTranscriptBytes)) {
      throw new ServiceError(429, 'LimitExceededException', `The transcript store is full (maxTranscriptBytes ${this.limits.maxTranscriptBytes})`);
    }
  }

  /** A message or event of about `bytes`: 429 ThrottlingException when the transcript store is full. */
  admitItems(bytes: number): void {
    if (!this.makeRoom(() => this.parts.store.storedTranscriptBytes + bytes <= this.limits.maxTranscriptBytes)) {
      throw new ServiceError(429, 'ThrottlingException', `The transcript store is full (maxTranscriptBytes ${this.limits.maxTranscriptBytes})`);
    }
  }

  /** StartAttachmentUpload: 402 ServiceQuotaExceededException when the attachment budget is spent. */
  admitAttachment(bytes: number): void {
    if (!this.makeRoom(() => this.parts.attachments.reservedBytes + bytes <= this.limits.maxAttachmentStoreBytes)) {
      throw new ServiceError(402, 'ServiceQuotaExceededException', `The attachment store is full (maxAttachmentStoreBytes ${this.limits.maxAttachmentStoreBytes})`);
    }
  }

  /** Forgets ended contacts, oldest first, until `fits()`; says whether it does. */
  private makeRoom(fits: () => boolean): boolean {
    if (fits()) return true;
    this.parts.store.sweepExpiredGrants(this.parts.clock.nowMs());
    this.parts.attachments.sweepAbandoned(this.parts.clock.nowMs());
    for (const contact of this.endedContacts()) {
      if (fits()) return true;
      this.forget(contact);
    }
    return fits();
  }

  private endedContacts(): Contact[] {
    return [...this.parts.store.contacts.values()].filter((contact) => contact.state === 'ENDED').sort((a, b) => (a.endedAtMs ?? 0) - (b.endedAtMs ?? 0));
  }

  private forget(contact: Contact): void {
    this.parts.store.removeContact(contact);
    this.parts.attachments.removeContact(contact.contactId);
    this.parts.chat.forget(contact);
  }
}
