// A plain-http endpoint that is not this machine: every call would carry the participant or connection
// token (x-amz-bearer) in clear over the network. Warned about, once per endpoint, rather than refused:
// a LAN test setup (the emulator on another machine, a phone on the same network) is a fair use, and
// upstream accepts any endpoint. Loopback http (the emulator, the default) is not warned about.

import { LOG_LEVELS } from '../constants.js';
import { logManager } from '../log/logManager.js';
import type { Logger } from '../log/logger.js';

const warned = new Set<string>();

/**
 * Warns about a cleartext endpoint once: through the SDK's logger when it writes warnings, else on the
 * console (the SDK logs nowhere by default, and this must not go unseen).
 */
export function warnIfCleartext(endpoint: string | undefined, log: Pick<Logger, 'warn'>): void {
  const warning = cleartextEndpointWarning(endpoint);
  if (warning === undefined) return;
  if (logManager.isLevelEnabled(LOG_LEVELS.WARN)) log.warn(warning);
  else console.warn(`[ChatJS] ${warning}`);
}

/** The warning for `endpoint` the first time it is seen, or undefined (https, loopback, already warned, not a URL). */
export function cleartextEndpointWarning(endpoint: string | undefined): string | undefined {
  if (endpoint === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' || isLoopbackHost(url.hostname) || warned.has(url.origin)) return undefined;
  warned.add(url.origin);
  return (
    `endpoint ${url.origin} is plain http and not this machine: participant and connection tokens would travel ` +
    'unencrypted (anyone on the network path can read them and act as the participant). Use https, or a loopback address for a local emulator.'
  );
}

function isLoopbackHost(hostname: string): boolean {
  const bare = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare.endsWith('.localhost') || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}
