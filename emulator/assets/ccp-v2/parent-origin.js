// @ts-check
// Which page embeds this CCP. The emulator serves the page with a CSP `frame-ancestors` naming only the
// origins it trusts (loopback, its own, --allow-origin), so the browser has already refused any other
// embedder; this finds the embedder's exact origin, to post to it alone and hear it alone.

/**
 * The embedding page's origin, or undefined when there is none to trust: the page is not framed (opened
 * directly or as a popup), or the embedder cannot be told (no ancestor origin, no referrer, an opaque origin).
 * @returns {string | undefined}
 */
export function parentOrigin() {
  if (window.parent === window) return undefined;
  const ancestors = location.ancestorOrigins; // Chromium and WebKit; Firefox has none
  const candidate = ancestors && ancestors.length > 0 ? ancestors[0] : referrerOrigin();
  return candidate && candidate !== 'null' ? candidate : undefined;
}

/** Without ancestorOrigins: the page that loaded this frame, i.e. the embedder (the default referrer policy keeps its origin). */
function referrerOrigin() {
  try {
    return document.referrer ? new URL(document.referrer).origin : undefined;
  } catch {
    return undefined;
  }
}
