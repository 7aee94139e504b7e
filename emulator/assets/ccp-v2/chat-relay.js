// @ts-check
// The agent's chat websocket, relayed to Streams (spec/streams-ccp-emulation.md §4.2, §4.5): Streams'
// websocket manager in the embedding page has no socket of its own; this page opens the emulator's agent
// chat socket, subscribes aws/chat for every contact the agent will have, keeps it alive with heartbeats,
// and hands every frame down as `webSocket::all_message`.

const HEARTBEAT_MS = 10_000;
const RECONNECT_MS = 1000;

export class ChatRelay {
  /** @param {import('./conduit.js').Conduit} conduit */
  constructor(conduit) {
    this.conduit = conduit;
    /** @type {WebSocket | undefined} */
    this.ws = undefined;
    /** @type {string | undefined} */
    this.url = undefined;
    this.topics = new Set(['aws/chat']);
    this.heartbeatAnswered = true;
    /** @type {ReturnType<typeof setInterval> | undefined} */
    this.heartbeatTimer = undefined;
  }

  /** Opens (or moves to) the socket at `url`; a later loss reconnects to it. @param {string} url */
  open(url) {
    this.url = url;
    const previous = this.ws;
    this.ws = undefined;
    previous?.close(1000, 'replaced');
    this.connect();
  }

  connect() {
    if (!this.url) return;
    const ws = new WebSocket(this.url);
    this.ws = ws;
    ws.onopen = () => {
      this.sendFrame({ topic: 'aws/subscribe', content: { topics: [...this.topics] } });
      this.conduit.send('webSocket::connection_gain');
      this.conduit.send('agent::websocket_connection_gained');
      this.startHeartbeat();
    };
    ws.onmessage = (event) => this.onFrame(String(event.data));
    ws.onclose = () => {
      if (this.ws !== ws) return; // replaced on purpose
      this.stopHeartbeat();
      this.conduit.send('webSocket::connection_lost');
      this.conduit.send('agent::websocket_connection_lost');
      this.ws = undefined;
      setTimeout(() => {
        if (!this.ws) this.connect();
      }, RECONNECT_MS);
    };
  }

  /** @param {string} text */
  onFrame(text) {
    let frame;
    try {
      frame = JSON.parse(text);
    } catch {
      return;
    }
    if (frame.topic === 'aws/heartbeat') this.heartbeatAnswered = true;
    else if (frame.topic === 'aws/subscribe') this.conduit.send('webSocket::subscription_update', frame);
    else this.conduit.send('webSocket::all_message', frame);
  }

  /** Streams' `webSocket::subscribe`: topics are remembered, so a reconnect subscribes them again. @param {unknown} topics */
  subscribe(topics) {
    if (!Array.isArray(topics)) return;
    topics.filter((topic) => typeof topic === 'string').forEach((topic) => this.topics.add(topic));
    this.sendFrame({ topic: 'aws/subscribe', content: { topics: [...this.topics] } });
  }

  /** Streams' `webSocket::send`. @param {unknown} payload */
  sendFrame(payload) {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(payload));
  }

  startHeartbeat() {
    this.stopHeartbeat();
    this.heartbeatAnswered = true;
    this.heartbeatTimer = setInterval(() => {
      if (!this.heartbeatAnswered) {
        this.ws?.close(4000, 'heartbeat missed');
        return;
      }
      this.heartbeatAnswered = false;
      this.sendFrame({ topic: 'aws/heartbeat' });
    }, HEARTBEAT_MS);
  }

  stopHeartbeat() {
    if (this.heartbeatTimer !== undefined) clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = undefined;
  }
}
