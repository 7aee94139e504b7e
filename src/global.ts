// Installs the global names a page expects from amazon-connect-chatjs. It adds to an existing `connect`
// (Amazon Connect Streams puts ~200 names there) and overwrites nothing but `connect.ChatJS`.
import { ChatSession } from './chatSession.js';
import { LOG_LEVELS } from './constants.js';
import { logManager } from './log/index.js';
import { csmService } from './metrics/csmService.js';
import { WebSocketManager } from './transport/index.js';
import { VERSION } from './version.js';

type ConnectNamespace = Record<string, unknown>;

/** `self` in pages and workers, else `window`, else the Node global (tests). */
function globalRoot(): { connect?: ConnectNamespace } {
  if (typeof self !== 'undefined') return self as unknown as { connect?: ConnectNamespace };
  if (typeof window !== 'undefined') return window as unknown as { connect?: ConnectNamespace };
  return globalThis as unknown as { connect?: ConnectNamespace };
}

export const CHATJS_METADATA = {
  version: VERSION,
  name: 'amazon-connect-chatjs',
  source: 'npm',
  /** 5.0.0 names its git repository here; this package has none published yet. */
  repository: '',
  build: { timestamp: new Date().toISOString(), environment: 'production' },
} as const;

/** Puts the SDK on `connect`; safe to run twice, and after Streams. Returns the namespace. */
export function installGlobal(): ConnectNamespace {
  const root = globalRoot();
  const namespace: ConnectNamespace = root.connect ?? {};
  root.connect = namespace;
  const addIfAbsent = (name: string, value: unknown): void => {
    if (namespace[name] === undefined) namespace[name] = value;
  };
  addIfAbsent('ChatSession', ChatSession);
  addIfAbsent('LogManager', logManager);
  addIfAbsent('LogLevel', LOG_LEVELS);
  addIfAbsent('csmService', csmService);
  addIfAbsent('WebSocketManager', WebSocketManager);
  namespace.ChatJS = CHATJS_METADATA;
  return namespace;
}

installGlobal();
