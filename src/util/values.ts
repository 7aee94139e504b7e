// Small value checks shared by the argument and config parsers, so each rule is written once.

/** A plain object (not null, not an array): something whose fields can be read. */
export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The string when it has visible content, else undefined. Whitespace-only counts as empty (a region,
 * stage, endpoint or widget type of "  " is a mistake, never a value); the string itself is returned
 * untrimmed, as it was given.
 */
export function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** An error's message, or the thrown value as text. */
export const reasonOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Hosts where plain http:// and ws:// are allowed (a local emulator): the rest must be https:// or wss://. */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** True for a URL hostname of this machine (as `URL.hostname` spells it). */
export const isLoopbackHost = (hostname: string): boolean => LOOPBACK_HOSTS.has(hostname);
