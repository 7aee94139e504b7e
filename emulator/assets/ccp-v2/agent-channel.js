// @ts-check
// The CCP page's channel to the emulator (a websocket to /ccp-v2/agent): the agent's data as it changes,
// and answers to the API requests Streams makes. It plays the part of the real CCP's shared worker and
// CTI backend. Reconnects after a loss; requests made while it is down fail at once, never hang.

const RECONNECT_MS = [250, 1000, 2000, 5000];

/** Timestamps arrive as ISO strings; Streams calls getTime() on them, so they become Dates again. */
function revive(/** @type {string} */ key, /** @type {unknown} */ value) {
  return typeof value === 'string' && /timestamp$/i.test(key) ? new Date(value) : value;
}

export class AgentChannel {
  /**
   * @param {string} url the channel's ws(s) URL, with the agent's login
   * @param {{ onWelcome(welcome: any): void, onAgent(data: any): void, onStatus(open: boolean, reason?: string): void }} listener
   */
  constructor(url, listener) {
    this.url = url;
    this.listener = listener;
    /** @type {Map<string, {resolve(data: unknown): void, reject(err: unknown): void}>} */
    this.pending = new Map();
    this.attempt = 0;
    /** @type {WebSocket | undefined} */
    this.ws = undefined;
    this.connect();
  }

  connect() {
    const ws = new WebSocket(this.url);
    this.ws = ws;
    ws.onopen = () => {
      this.attempt = 0;
      this.listener.onStatus(true);
    };
    ws.onmessage = (event) => this.onMessage(String(event.data));
    ws.onclose = (event) => {
      this.failPending('The emulated CCP lost its connection to the emulator');
      this.listener.onStatus(false, event.reason);
      const delay = RECONNECT_MS[Math.min(this.attempt, RECONNECT_MS.length - 1)];
      this.attempt += 1;
      setTimeout(() => this.connect(), delay);
    };
  }

  /** @param {string} text */
  onMessage(text) {
    const message = JSON.parse(text, revive);
    if (message.type === 'welcome') this.listener.onWelcome(message);
    else if (message.type === 'agent') this.listener.onAgent(message.data);
    else if (message.type === 'response') this.settle(message);
  }

  /** @param {{requestId: string, data?: unknown, err?: unknown}} response */
  settle(response) {
    const waiter = this.pending.get(response.requestId);
    if (!waiter) return;
    this.pending.delete(response.requestId);
    if (response.err) waiter.reject(response.err);
    else waiter.resolve(response.data ?? {});
  }

  /** @param {string} reason */
  failPending(reason) {
    this.pending.forEach((waiter) => waiter.reject({ type: 'ServiceUnavailableException', message: reason }));
    this.pending.clear();
  }

  /** @param {string} requestId @param {string} method @param {unknown} params @returns {Promise<unknown>} */
  request(requestId, method, params) {
    return new Promise((resolve, reject) => {
      const ws = this.ws;
      if (!ws || ws.readyState !== WebSocket.OPEN) {
        reject({ type: 'ServiceUnavailableException', message: 'The emulated CCP is not connected to the emulator' });
        return;
      }
      this.pending.set(requestId, { resolve, reject });
      ws.send(JSON.stringify({ type: 'request', requestId, method, params: params ?? {} }));
    });
  }
}
