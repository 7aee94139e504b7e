// @ts-check
// The Streams side of the CCP: `{event, data}` messages with the page that embeds this CCP
// (spec/streams-ccp-emulation.md §1.2). Streams accepts only messages whose source is this window.

/** @typedef {(data: any) => void} Handler */

export class Conduit {
  constructor() {
    /** @type {Map<string, Handler>} */
    this.handlers = new Map();
    window.addEventListener('message', (event) => {
      if (event.source !== window.parent || !event.data || typeof event.data.event !== 'string') return;
      const handler = this.handlers.get(event.data.event) ?? this.handlers.get('*');
      handler?.(event.data);
    });
  }

  /** @param {string} event @param {Handler} handler — `*` receives every unhandled message whole. */
  on(event, handler) {
    this.handlers.set(event, event === '*' ? handler : (message) => handler(message.data));
  }

  /** @param {string} event @param {unknown} [data] */
  send(event, data) {
    window.parent.postMessage({ event, data }, '*');
  }
}
