// Where pending messages live between page loads. Only what a resend needs is kept (id = ClientToken,
// content, content type, when it was sent, failed or not): never a connection or participant token.
import { isObject } from '../../../util/values.js';
import type { OutboxSettings, OutboxStore, StoredOutboxEntry } from './outboxTypes.js';

const KEY_PREFIX = 'amazon-connect-chat.outbox:';

/** A store in this process's memory: survives a new session for the same chat, not a restart. */
export class MemoryOutboxStore implements OutboxStore {
  private readonly lists = new Map<string, StoredOutboxEntry[]>();

  load(key: string): StoredOutboxEntry[] {
    return (this.lists.get(key) ?? []).map((entry) => ({ ...entry }));
  }

  save(key: string, entries: StoredOutboxEntry[]): void {
    if (entries.length === 0) this.lists.delete(key);
    else this.lists.set(key, entries.map((entry) => ({ ...entry })));
  }
}

function isStoredEntry(value: unknown): value is StoredOutboxEntry {
  if (!isObject(value)) return false;
  return (
    typeof value.id === 'string' &&
    typeof value.content === 'string' &&
    typeof value.contentType === 'string' &&
    typeof value.enqueuedAt === 'number' &&
    typeof value.failed === 'boolean'
  );
}

/**
 * The tab's sessionStorage: kept across reloads of the tab, gone when the tab closes, never shared with
 * other tabs. A storage that throws (privacy mode, quota) only costs the reload guarantee.
 */
export class SessionStorageOutboxStore implements OutboxStore {
  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>) {}

  load(key: string): StoredOutboxEntry[] {
    try {
      const parsed: unknown = JSON.parse(this.storage.getItem(KEY_PREFIX + key) ?? '[]');
      return Array.isArray(parsed) ? parsed.filter(isStoredEntry) : [];
    } catch {
      return [];
    }
  }

  save(key: string, entries: StoredOutboxEntry[]): void {
    try {
      if (entries.length === 0) this.storage.removeItem(KEY_PREFIX + key);
      else this.storage.setItem(KEY_PREFIX + key, JSON.stringify(entries));
    } catch {
      // Full or forbidden: the messages still go out from memory.
    }
  }
}

/** Node's default: one memory store per process, so a session created again for a chat finds its messages. */
const processMemory = new MemoryOutboxStore();

function pageSessionStorage(): Storage | null {
  try {
    const storage = (globalThis as { sessionStorage?: Storage }).sessionStorage;
    return storage ?? null;
  } catch {
    // Reading sessionStorage throws where the page may not use storage.
    return null;
  }
}

/** The store a session uses: the app's, else the page's sessionStorage, else memory. */
export function resolveOutboxStore(setting: OutboxSettings['store']): OutboxStore {
  if (typeof setting === 'object' && setting !== null) return setting;
  if (setting === 'memory') return processMemory;
  const storage = pageSessionStorage();
  return storage ? new SessionStorageOutboxStore(storage) : processMemory;
}
