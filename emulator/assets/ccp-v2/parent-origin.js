// @ts-check
// Which page embeds this CCP. The emulator serves the page with a CSP `frame-ancestors` naming only the
// origins it trusts (loopback, its own, --allow-origin), so the browser has already refused any other
// embedder; this finds the embedder's exact origin, to post to it alone and hear it alone.

/**
 * Calls `onFound` with the embedding page's origin once it is known: at once from the ancestor origins
 * (Chromium, WebKit) or the referrer; else (Firefox under a no-referrer policy) from the first message
 * the embedding window sends (Streams keeps sending `synchronize` until it is acknowledged). Returns
 * false when the page is not framed at all (opened directly or as a popup): there is no one to serve.
 * @param {(origin: string) => void} onFound
 * @returns {boolean}
 */
export function findEmbedder(onFound) {
  if (window.parent === window) return false;
  const known = ancestorOrigin() ?? referrerOrigin();
  if (known) {
    onFound(known);
    return true;
  }
  const learn = (/** @type {MessageEvent} */ event) => {
    // Only the embedding window can be the source of this event; its origin is the one to trust.
    if (event.source !== window.parent || !isOrigin(event.origin)) return;
    window.removeEventListener('message', learn);
    onFound(event.origin);
  };
  window.addEventListener('message', learn);
  return true;
}

function ancestorOrigin() {
  const ancestors = location.ancestorOrigins;
  const origin = ancestors && ancestors.length > 0 ? ancestors[0] : undefined;
  return isOrigin(origin) ? origin : undefined;
}

/** The page that loaded this frame, i.e. the embedder (the default referrer policy keeps its origin). */
function referrerOrigin() {
  try {
    const origin = document.referrer ? new URL(document.referrer).origin : undefined;
    return isOrigin(origin) ? origin : undefined;
  } catch {
    return undefined;
  }
}

/** An origin a message can be posted to: not empty, not opaque (`null`). @param {string | undefined} origin */
function isOrigin(origin) {
  return typeof origin === 'string' && origin !== '' && origin !== 'null';
}
