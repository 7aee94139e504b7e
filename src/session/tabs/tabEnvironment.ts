// What the tab features use of the browser, behind small interfaces so tests can give fakes: a broadcast
// channel (one per chat), the Web Locks API (optional: without it each tab keeps its own websocket),
// sessionStorage (optional: the reload snapshot) and the page's lifecycle events (optional: leave on close).

import { reasonOf } from '../../util/values.js';
import type { LeaveRequest } from './leaveRequest.js';

/** The part of BroadcastChannel used here. */
export interface TabChannelPort {
  postMessage(message: unknown): void;
  close(): void;
  onmessage: ((event: { data: unknown }) => void) | null;
}

/** The part of the Web Locks API used here (`navigator.locks`). */
export interface TabLocks {
  request(
    name: string,
    options: { ifAvailable?: boolean; steal?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => Promise<unknown> | unknown,
  ): Promise<unknown>;
}

/** The part of Storage used here (`sessionStorage`). */
export interface TabStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** A minimal event target (window, document, navigation). */
export interface TabEventSource {
  addEventListener(type: string, listener: (event: Event) => void, options?: boolean | { capture?: boolean }): void;
  removeEventListener(type: string, listener: (event: Event) => void, options?: boolean | { capture?: boolean }): void;
}

/** The page, for leave-on-close: its lifecycle events, its origin, and a request that outlives it. */
export interface TabPage {
  window: TabEventSource;
  /** The Navigation API object where the browser has it (tells reloads and same-site navigations apart). */
  navigation: TabEventSource | null;
  origin: string;
  /** `fetch(url, init)` of a request that outlives the page (`init` asks for keepalive itself). */
  sendBeacon(url: string, init: LeaveRequest['init']): void;
}

export interface TabEnvironment {
  openChannel(name: string): TabChannelPort;
  locks: TabLocks | null;
  storage: TabStorage | null;
  page: TabPage | null;
}

/** Why tab sharing is off in this environment, or null when it can run. */
export type TabSupport = { environment: TabEnvironment; problem: null } | { environment: null; problem: string };

type BrowserScope = Omit<typeof globalThis, 'BroadcastChannel'> & {
  BroadcastChannel?: unknown;
  navigator?: { locks?: TabLocks };
  sessionStorage?: TabStorage;
  navigation?: TabEventSource;
  location?: { origin: string };
  fetch?: (url: string, init: Record<string, unknown>) => Promise<unknown>;
};

/** The page's sessionStorage (null where there is none); throws where the browser blocks storage for the page. */
function pageStorage(scope: BrowserScope): TabStorage | null {
  const storage = scope.sessionStorage ?? null;
  storage?.getItem('amazon-connect-chat.probe');
  return storage;
}

function browserPage(scope: BrowserScope): TabPage | null {
  const fetchFn = scope.fetch;
  if (typeof scope.addEventListener !== 'function' || !scope.location || typeof fetchFn !== 'function') return null;
  return {
    window: scope as unknown as TabEventSource,
    navigation: scope.navigation ?? null,
    origin: scope.location.origin,
    // No copying here: in a closing page each step may be the last one run (see leaveOnClose.ts).
    sendBeacon: (url, init) => {
      fetchFn.call(scope, url, init).catch(() => undefined);
    },
  };
}

/**
 * The browser's tab environment. A browser that blocks storage for the page (privacy settings, opaque
 * origins, some sandboxed iframes) throws on sessionStorage and refuses BroadcastChannel (Firefox) or every
 * Web Lock request (Chromium) too: the problem says so, and each tab keeps its own websocket.
 */
export function detectTabEnvironment(scope: BrowserScope = globalThis as BrowserScope): TabSupport {
  const Channel = scope.BroadcastChannel as (new (name: string) => TabChannelPort) | undefined;
  if (typeof Channel !== 'function' || typeof scope.document === 'undefined') {
    return { environment: null, problem: 'this environment has no BroadcastChannel' };
  }
  let refused = 'BroadcastChannel';
  try {
    new Channel('amazon-connect-chat.probe').close();
    refused = 'storage';
    const storage = pageStorage(scope);
    const locks = scope.navigator?.locks ?? null;
    return { environment: { openChannel: (name) => new Channel(name), locks, storage, page: browserPage(scope) }, problem: null };
  } catch (error) {
    return { environment: null, problem: `the browser refused ${refused} (${reasonOf(error)})` };
  }
}
