// Node 20 has no global WebSocket; the SDK uses the browser API, which `ws` implements.
import WebSocket from 'ws';

if (typeof (globalThis as { WebSocket?: unknown }).WebSocket === 'undefined') {
  (globalThis as { WebSocket?: unknown }).WebSocket = WebSocket;
}
