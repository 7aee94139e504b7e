// Fakes of what several browser tabs of one origin share: BroadcastChannel (a hub delivering each post to
// every other port of the name, in order, as a cloned message on a later microtask), the Web Locks API
// (exclusive locks with ifAvailable, steal and signal, released when a tab closes) and sessionStorage. A tab
// can be frozen: it neither hears nor is heard, and keeps its locks.
import type { TabChannelPort, TabLocks, TabStorage } from '../../../src/session/tabs/tabEnvironment';

class FakePort implements TabChannelPort {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  closed = false;

  constructor(
    private readonly hub: FakeBroadcastHub,
    readonly name: string,
    readonly tab: string,
  ) {}

  postMessage(message: unknown): void {
    if (this.closed) throw new Error('InvalidStateError: the channel is closed');
    // As structured clone: a function cannot cross (DataCloneError).
    const text = JSON.stringify(message, (_key, value: unknown) => {
      if (typeof value === 'function') throw Object.assign(new Error('could not be cloned'), { name: 'DataCloneError' });
      return value;
    });
    this.hub.deliver(this, JSON.parse(text) as unknown);
  }

  close(): void {
    this.closed = true;
  }
}

export class FakeBroadcastHub {
  private readonly ports = new Set<FakePort>();
  private readonly frozenTabs = new Map<string, (() => void)[]>();
  /** Every message posted, for assertions. */
  readonly posted: { tab: string; data: unknown }[] = [];

  open(name: string, tab: string): TabChannelPort {
    const port = new FakePort(this, name, tab);
    this.ports.add(port);
    return port;
  }

  /** A frozen tab runs nothing: what it would post or hear waits until it thaws. */
  freeze(tab: string): void {
    this.frozenTabs.set(tab, []);
  }

  thaw(tab: string): void {
    const waiting = this.frozenTabs.get(tab) ?? [];
    this.frozenTabs.delete(tab);
    waiting.forEach((run) => run());
  }

  deliver(from: FakePort, data: unknown): void {
    const held = this.frozenTabs.get(from.tab);
    if (held) {
      held.push(() => this.deliver(from, data));
      return;
    }
    this.posted.push({ tab: from.tab, data });
    for (const port of [...this.ports]) {
      if (port === from || port.name !== from.name) continue;
      void Promise.resolve().then(() => this.hand(port, data));
    }
  }

  private hand(port: FakePort, data: unknown): void {
    const held = this.frozenTabs.get(port.tab);
    if (held) held.push(() => this.hand(port, data));
    else if (!port.closed) port.onmessage?.({ data });
  }

  /** The tab's page went away: its ports stop. */
  closeTab(tab: string): void {
    this.frozenTabs.delete(tab);
    for (const port of this.ports) if (port.tab === tab) port.closed = true;
  }
}

interface LockRequest {
  tab: string;
  callback: (lock: unknown) => unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

const abortError = (): Error => Object.assign(new Error('The lock request was aborted'), { name: 'AbortError' });

export class FakeLockManager {
  private readonly held = new Map<string, LockRequest>();
  private readonly queues = new Map<string, LockRequest[]>();

  /** The locks API one tab sees. */
  for(tab: string): TabLocks {
    return { request: (name, options, callback) => this.request(tab, name, options, callback) };
  }

  holderOf(name: string): string | null {
    return this.held.get(name)?.tab ?? null;
  }

  /** The tab's page went away: its lock is released and its queued requests dropped. */
  closeTab(tab: string): void {
    for (const [name, queue] of this.queues) this.queues.set(name, queue.filter((request) => request.tab !== tab));
    for (const [name, holder] of [...this.held]) {
      if (holder.tab !== tab) continue;
      this.held.delete(name);
      this.grantNext(name);
    }
  }

  private request(
    tab: string,
    name: string,
    options: { ifAvailable?: boolean; steal?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => unknown,
  ): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const request: LockRequest = { tab, callback, resolve, reject };
      const queue = this.queues.get(name) ?? [];
      this.queues.set(name, queue);
      if (options.steal) {
        const stolen = this.held.get(name);
        this.held.delete(name);
        stolen?.reject(abortError());
        this.grant(name, request);
      } else if (!this.held.has(name) && queue.length === 0) {
        this.grant(name, request);
      } else if (options.ifAvailable) {
        Promise.resolve(callback(null)).then(resolve, reject);
      } else {
        queue.push(request);
        options.signal?.addEventListener('abort', () => {
          const at = queue.indexOf(request);
          if (at < 0) return;
          queue.splice(at, 1);
          reject(abortError());
        });
      }
    });
  }

  private grant(name: string, request: LockRequest): void {
    this.held.set(name, request);
    Promise.resolve(request.callback({ name })).then(
      (value) => this.released(name, request, () => request.resolve(value)),
      (error: unknown) => this.released(name, request, () => request.reject(error)),
    );
  }

  private released(name: string, request: LockRequest, settle: () => void): void {
    if (this.held.get(name) !== request) return; // stolen or closed: settled already
    this.held.delete(name);
    settle();
    this.grantNext(name);
  }

  private grantNext(name: string): void {
    const next = this.queues.get(name)?.shift();
    if (next) this.grant(name, next);
  }
}

export class FakeStorage implements TabStorage {
  readonly entries = new Map<string, string>();
  /** 'full': setItem throws QuotaExceededError; 'blocked': every access throws SecurityError. */
  mode: 'ok' | 'full' | 'blocked' = 'ok';

  getItem(key: string): string | null {
    this.check(false);
    return this.entries.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    this.check(true);
    this.entries.set(key, value);
  }

  removeItem(key: string): void {
    this.check(false);
    this.entries.delete(key);
  }

  private check(writing: boolean): void {
    if (this.mode === 'blocked') throw Object.assign(new Error('The operation is insecure.'), { name: 'SecurityError' });
    if (writing && this.mode === 'full') throw Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
  }
}

/**
 * How a tab's browser treats storage: usable, full (writes throw), blocked in one engine's way, or usable
 * while Web Lock requests are refused all the same (an engine whose refusal detection cannot see).
 */
export type StorageSetting = 'ok' | 'full' | 'blocked-channel' | 'blocked-locks' | 'locks-refused';

const securityError = (what: string): Error => Object.assign(new Error(`${what}: the operation is insecure.`), { name: 'SecurityError' });

/**
 * The globals one tab's page gives `detectTabEnvironment` (BroadcastChannel, navigator.locks, sessionStorage,
 * document), over the shared fakes. Blocked storage throws on `sessionStorage` and refuses what the engine
 * refuses with it: `blocked-channel` the BroadcastChannel constructor (Firefox), `blocked-locks` every lock
 * request (Chromium: "Access to the Locks API is denied in this context").
 */
export function fakeTabScope(tab: string, hub: FakeBroadcastHub, locks: FakeLockManager | null, storage: FakeStorage, setting: StorageSetting = 'ok'): object {
  const blocked = setting.startsWith('blocked');
  if (setting === 'full') storage.mode = 'full';
  if (blocked) storage.mode = 'blocked';
  const tabLocks = locks?.for(tab);
  const refusedLocks: TabLocks = { request: () => Promise.reject(securityError('navigator.locks.request')) };
  return {
    document: {},
    BroadcastChannel: function FakeBroadcastChannel(name: string): TabChannelPort {
      if (setting === 'blocked-channel') throw securityError('BroadcastChannel');
      return hub.open(name, tab);
    },
    navigator: tabLocks ? { locks: setting.endsWith('locks') || setting === 'locks-refused' ? refusedLocks : tabLocks } : {},
    get sessionStorage(): TabStorage {
      if (blocked) throw securityError('sessionStorage');
      return storage;
    },
  };
}
