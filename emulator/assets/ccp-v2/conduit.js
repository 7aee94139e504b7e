// @ts-check
// The Streams side of the CCP: `{event, data}` messages with the page that embeds this CCP
// (spec/streams-ccp-emulation.md §1.2). Only the embedding window, at the origin the page was framed by,
// is heard, and messages go to that origin only: another site's page that gets hold of this window (a
// popup, a sibling frame) can neither drive the agent nor read its contacts and tokens.

/** @typedef {(data: any) => void} Handler */

export class Conduit {
  /** @param {string} parentOrigin the embedding page's origin (see parent-origin.js) */
  constructor(parentOrigin) {
    this.parentOrigin = parentOrigin;
    /** @type {Map<string, Handler>} */
    this.handlers = new Map();
    /** Origins already reported as refused: one console line each, not one per message. */
    this.refused = new Set();
    window.addEventListener('message', (event) => {
      if (event.source !== window.parent || event.origin !== this.parentOrigin) {
        this.reportRefused(event.origin);
        return;
      }
      if (!event.data || typeof event.data.event !== 'string') return;
      const handler = this.handlers.get(event.data.event) ?? this.handlers.get('*');
      handler?.(event.data);
    });
  }

  /** @param {string} origin */
  reportRefused(origin) {
    if (this.refused.has(origin)) return;
    this.refused.add(origin);
    console.warn(`Emulated CCP: ignored a message from ${origin || 'an unknown origin'}; only the embedding page (${this.parentOrigin}) may drive it`);
  }

  /** @param {string} event @param {Handler} handler — `*` receives every unhandled message whole. */
  on(event, handler) {
    this.handlers.set(event, event === '*' ? handler : (message) => handler(message.data));
  }

  /** @param {string} event @param {unknown} [data] */
  send(event, data) {
    window.parent.postMessage({ event, data }, this.parentOrigin);
  }
}
