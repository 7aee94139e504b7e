// Where pending messages live between page loads. Only what a resend needs is kept (id = ClientToken,
// content, content type, when it was sent, failed or not): never a connection or participant token.
import type { OutboxSettings, OutboxStore, StoredOutboxEntry } from './outboxTypes.js';

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const KEY_PREFIX = 'amazon-connect-chat.outbox:';

/**
 * A store over a Storage (the tab's sessionStorage: kept across reloads of the tab, gone when it closes,
 * never shared with other tabs). A storage that throws (privacy mode, quota) only costs the reload guarantee.
 */
export class StorageOutboxStore implements OutboxStore {
  constructor(private readonly storage: StorageLike) {}

  load(key: string): StoredOutboxEntry[] {
    try {
      const entries: unknown = JSON.parse(this.storage.getItem(KEY_PREFIX + key) ?? '[]');
      return Array.isArray(entries) ? entries.filter((e: StoredOutboxEntry) => typeof e?.id === 'string' && typeof e.content === 'string') : [];
    } catch {
      return [];
    }
  }

  save(key: string, entries: StoredOutboxEntry[]): void {
    try {
      if (entries.length) this.storage.setItem(KEY_PREFIX + key, JSON.stringify(entries));
      else this.storage.removeItem(KEY_PREFIX + key);
    } catch {
      // Full or forbidden: the messages still go out from memory.
    }
  }
}

/** A Storage in this process's memory. */
function memoryStorage(): StorageLike {
  const items = new Map<string, string>();
  return { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), removeItem: (k) => void items.delete(k) };
}

/** A store in memory: survives a new session for the same chat, not a restart. */
export const createMemoryOutboxStore = (): OutboxStore => new StorageOutboxStore(memoryStorage());

/** Node's default: one memory store per process, so a session created again for a chat finds its messages. */
const processMemory = createMemoryOutboxStore();

/** The store a session uses: the app's, else the page's sessionStorage, else memory. */
export function resolveOutboxStore(setting: OutboxSettings['store']): OutboxStore {
  if (typeof setting === 'object') return setting;
  let storage: Storage | undefined;
  try {
    // Reading sessionStorage throws where the page may not use storage.
    if (setting !== 'memory') storage = (globalThis as { sessionStorage?: Storage }).sessionStorage;
  } catch {
    // memory then
  }
  return storage ? new StorageOutboxStore(storage) : processMemory;
}
