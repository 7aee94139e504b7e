// onTranscriptUpdated's model of the chat (chatjs-behavior §3.6, with its rough edges fixed): messages being
// sent, items received, receipts and fetched pages go into one TranscriptStore, and each change is
// published as a fresh copy together with the token for the next older page.
import { MESSAGE_STATUS } from '../../constants.js';
import type { ChatTranscriptItem, GetTranscriptResult } from '../../types.js';
import { uuidV4 } from '../../util/uuid.js';
import { isReceiptItem } from '../incoming/itemRouter.js';
import type { GetTranscriptInput as TranscriptRequest } from '../../client/participantClient.js';
import { statusOfFetchedItem, statusOfReceipt, withStatus } from './messageStatus.js';
import { TranscriptStore } from './transcriptStore.js';

export interface TranscriptOwner {
  /** The session's own role: CUSTOMER or AGENT. */
  role: string;
  participantId: string;
}

export type TranscriptPublisher = (transcript: ChatTranscriptItem[], previousTranscriptNextToken: string | null) => void;

/** A message being sent, as onTranscriptUpdated shows it. */
export interface PendingMessage {
  sent(result: { Id?: string; AbsoluteTime?: string }): void;
  failed(error: unknown): void;
}

export class TranscriptTracker {
  private readonly store = new TranscriptStore();
  /** The NextToken of the last BACKWARD page: where the app fetches older history from. */
  private previousTranscriptNextToken: string | null = null;

  constructor(
    private readonly owner: TranscriptOwner,
    private readonly publish: TranscriptPublisher,
  ) {}

  /** Shows `message` at once as SENDING; the returned handle settles it as SENT or FAILED. */
  sending(message: { content: string; contentType: string }): PendingMessage {
    const tempId = uuidV4();
    this.store.upsert({
      Id: tempId,
      Type: 'MESSAGE',
      ContentType: message.contentType,
      Content: message.content,
      ParticipantRole: this.owner.role,
      ParticipantId: this.owner.participantId,
      AbsoluteTime: '',
      MessageMetadata: { MessageId: tempId, Status: MESSAGE_STATUS.SENDING },
    });
    this.emit();
    return {
      sent: (result) => this.settleSent(tempId, result),
      failed: () => this.settleFailed(tempId),
    };
  }

  /** An item the session delivered (after Lex stitching): receipts update statuses, the rest is stored. */
  incoming(item: ChatTranscriptItem): void {
    if (isReceiptItem(item)) {
      this.applyReceiptItem(item);
    } else if (item.Id) {
      this.store.upsert(serialized(item));
    } else {
      return;
    }
    this.emit();
  }

  /** A GetTranscript page: its items join the transcript; a BACKWARD page moves the older-history token. */
  page(request: TranscriptRequest, result: Partial<GetTranscriptResult>): void {
    for (const item of result.Transcript ?? []) {
      if (isReceiptItem(item)) {
        this.applyReceiptItem(item);
      } else if (item.Id) {
        this.storeFetched(item);
      }
    }
    if (request.scanDirection === 'BACKWARD') this.previousTranscriptNextToken = result.NextToken ?? null;
    this.emit();
  }

  private storeFetched(item: ChatTranscriptItem): void {
    this.store.upsert(serialized(item));
    const status = item.ParticipantId === this.owner.participantId ? statusOfFetchedItem(item, this.owner.participantId) : null;
    if (status !== null) this.store.applyReceipt(item.Id, status);
  }

  private applyReceiptItem(item: ChatTranscriptItem): void {
    const { MessageId: target, Receipts: receipts } = item.MessageMetadata ?? {};
    const status = statusOfReceipt(receipts?.[0]);
    if (target && status !== null) this.store.applyReceipt(target, status);
  }

  private settleSent(tempId: string, result: { Id?: string; AbsoluteTime?: string }): void {
    const pending = this.store.get(tempId);
    if (!pending) return;
    const realId = result.Id;
    const arrived = realId ? this.store.get(realId) : undefined;
    if (arrived) {
      // The websocket echo beat the SendMessage answer: keep the real item, drop the placeholder.
      this.store.remove(tempId);
      if (arrived.MessageMetadata?.Status === undefined) this.store.upsert(withStatus(arrived, MESSAGE_STATUS.SENT));
    } else if (realId) {
      const metadata = { ...pending.MessageMetadata, MessageId: realId, Status: MESSAGE_STATUS.SENT };
      this.store.replace(tempId, { ...pending, Id: realId, AbsoluteTime: result.AbsoluteTime ?? '', MessageMetadata: metadata });
    } else {
      this.store.upsert(withStatus(pending, MESSAGE_STATUS.SENT));
    }
    this.emit();
  }

  private settleFailed(tempId: string): void {
    const pending = this.store.get(tempId);
    if (!pending) return;
    this.store.upsert(withStatus({ ...pending, AbsoluteTime: new Date().toISOString() }, MESSAGE_STATUS.FAILED));
    this.emit();
  }

  private emit(): void {
    this.publish(this.store.snapshot(), this.previousTranscriptNextToken);
  }
}

/** The item as kept: its own JSON alongside (without a serializedContent it may already carry). */
function serialized(item: ChatTranscriptItem): ChatTranscriptItem {
  const { serializedContent: _previous, ...raw } = item;
  return { ...raw, serializedContent: JSON.stringify(raw) };
}
