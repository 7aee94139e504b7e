// What a websocket may cost the emulator when its reader stops reading: every frame sent on any socket
// (chat items, control answers, the CCP's agent data) goes through sendBounded, which cuts a socket whose
// unsent bytes passed the cap; control answers (subscribe, heartbeat, ping acks) also wait for the previous
// one of their topic to leave, so a client that sends them without reading gets one answer, not a backlog.
import { WebSocket } from 'ws';

/**
 * Sends `text` unless the socket's unsent bytes already passed `maxBufferedBytes`: then the socket is cut
 * (no close frame, as a lost network looks), so the client reconnects and catches up from the transcript,
 * and the emulator does not hold its backlog. Returns whether the frame was queued.
 */
export function sendBounded(ws: WebSocket, text: string, maxBufferedBytes: number, onWritten?: () => void): boolean {
  if (ws.readyState !== WebSocket.OPEN) return false;
  if (ws.bufferedAmount > maxBufferedBytes) {
    ws.terminate();
    return false;
  }
  // A send error means the socket is going away; its close handler cleans up.
  ws.send(text, () => onWritten?.());
  return true;
}

/** Control answers per socket: at most one outstanding (queued, not yet written to the network) per topic. */
export class ControlAnswers {
  private readonly outstanding = new WeakMap<WebSocket, Set<string>>();

  constructor(private readonly maxBufferedBytes: number) {}

  /** Sends the answer unless one of the same topic is still waiting to leave; says whether it was sent. */
  send(ws: WebSocket, topic: string, text: string): boolean {
    const pending = this.outstanding.get(ws) ?? new Set<string>();
    if (pending.has(topic)) return false;
    pending.add(topic);
    this.outstanding.set(ws, pending);
    const sent = sendBounded(ws, text, this.maxBufferedBytes, () => pending.delete(topic));
    if (!sent) pending.delete(topic);
    return sent;
  }
}
