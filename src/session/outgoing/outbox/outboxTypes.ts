// The outbox's public shapes live in src/types.ts with the rest of the public API; re-exported here for the outbox's files.
export type {
  OutboxAnswer,
  OutboxRequest,
  OutboxSettings,
  OutboxStore,
  PendingMessage,
  PendingMessageError,
  PendingMessagesChangedEvent,
  PendingMessageState,
  StoredOutboxEntry,
} from '../../../types.js';
