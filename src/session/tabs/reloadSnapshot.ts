// A reload that paints at once: the transcript items this tab delivered are kept in sessionStorage (which
// belongs to this tab and origin, survives a reload and goes when the tab closes). A session created for
// the same chat by a later page load of the tab replays them before connecting, then resumes after the
// newest one, so items that arrived meanwhile are fetched once (missed-message recovery).
// Only transcript items are kept (messages, attachments' metadata, events other than typing), at most
// SNAPSHOT_ITEMS of them; no token or connection detail is written. The entry is removed when the chat ends.
import type { Logger } from '../../log/logger.js';
import type { ChatTranscriptItem } from '../../types.js';
import { uuidV4 } from '../../util/uuid.js';
import { isTranscriptItem } from '../incoming/deliveryLog.js';
import type { TabStorage } from './tabEnvironment.js';

/** The newest items kept for a reload. */
export const SNAPSHOT_ITEMS = 200;
export const SNAPSHOT_KEY_PREFIX = 'amazon-connect-chat.transcript:';

/**
 * Set once per page load (per module instance): a snapshot written by this page load is not replayed in
 * it again (the app already shows those items); one written before the reload is.
 */
const PAGE_LOAD = uuidV4();

interface StoredSnapshot {
  page: string;
  items: ChatTranscriptItem[];
}

export class ReloadSnapshot {
  private items: ChatTranscriptItem[] = [];
  private broken = false;
  /** A write is queued for the end of this task: a burst of items (a recovered page, a flood) is written once. */
  private writeQueued = false;

  constructor(
    private readonly storage: TabStorage,
    private readonly key: string,
    private readonly logger: Logger,
    private readonly pageLoad: string = PAGE_LOAD,
  ) {}

  /** The items an earlier page load of this tab showed, oldest first (empty when none). */
  restore(): ChatTranscriptItem[] {
    const stored = this.read();
    if (!stored) return [];
    this.items = stored.items.slice(-SNAPSHOT_ITEMS);
    if (stored.page === this.pageLoad) return [];
    this.write();
    return [...this.items];
  }

  /** A delivered item: kept when it belongs to the transcript. */
  record(item: ChatTranscriptItem): void {
    if (this.broken || !item.Id || !isTranscriptItem(item)) return;
    const index = this.items.findIndex((kept) => kept.Id === item.Id);
    // A Lex streaming message grows under one Id: keep its latest form.
    if (index >= 0) this.items[index] = item;
    else if (this.items.push(item) > SNAPSHOT_ITEMS) this.items.shift();
    this.queueWrite();
  }

  /** One synchronous JSON write per task, not per item (it serializes the whole snapshot). */
  private queueWrite(): void {
    if (this.writeQueued) return;
    this.writeQueued = true;
    void Promise.resolve().then(() => {
      this.writeQueued = false;
      if (!this.broken && this.items.length > 0) this.write();
    });
  }

  /** The chat ended: nothing of it stays in the tab. */
  clear(): void {
    this.items = [];
    try {
      this.storage.removeItem(this.key);
    } catch (error) {
      this.logger.warn('Removing the transcript snapshot from sessionStorage failed', error);
    }
  }

  private read(): StoredSnapshot | null {
    try {
      const text = this.storage.getItem(this.key);
      if (text === null) return null;
      const parsed = JSON.parse(text) as Partial<StoredSnapshot>;
      if (typeof parsed.page !== 'string' || !Array.isArray(parsed.items)) return null;
      return { page: parsed.page, items: parsed.items.filter((item) => typeof item?.Id === 'string') };
    } catch (error) {
      this.logger.warn('The transcript snapshot in sessionStorage is unreadable; ignoring it', error);
      return null;
    }
  }

  private write(): void {
    try {
      this.storage.setItem(this.key, JSON.stringify({ page: this.pageLoad, items: this.items } satisfies StoredSnapshot));
    } catch (error) {
      // Storage full (QuotaExceededError) or blocked: a reload then connects without painting first.
      this.broken = true;
      this.logger.warn('Cannot keep the transcript for a reload (sessionStorage refused the write); reloads will not paint at once', error);
      this.clear();
    }
  }
}
