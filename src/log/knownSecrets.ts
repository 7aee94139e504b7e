// Token values the SDK has sent (as x-amz-bearer) or logged under a secret key. A server may echo a token
// in an error message, or an app may log a URL or text holding one under no recognisable name: redaction
// replaces these values wherever they appear. Kept in memory only, the newest few, never written anywhere.

/** The most values kept: a session uses a participant token and a connection token at a time. */
const MAX_KNOWN = 32;
/** Shorter values are not tokens, and replacing them would blank ordinary words. */
const MIN_SECRET_LENGTH = 12;

const known = new Set<string>();

/** Remembers a token value so that any later log line hides it. */
export function rememberSecret(value: string): void {
  if (value.length < MIN_SECRET_LENGTH || value.includes('[redacted]')) return;
  known.delete(value); // re-added as the newest
  known.add(value);
  if (known.size > MAX_KNOWN) known.delete(known.values().next().value as string);
}

export function knownSecrets(): Iterable<string> {
  return known;
}

/** For tests: forgets every value. */
export function forgetSecrets(): void {
  known.clear();
}
