// A cap on open connections, so that a client holding sockets open (idle or not) cannot use up the
// process's file descriptors and cut every other client off. Past the cap a new connection gets a clear
// answer at once: 503 ServiceUnavailableException naming the cap, then the socket closes. (Over TLS
// nothing can be answered before a handshake: such a connection is closed at once.) A plain-http
// connection that starts no request within FIRST_REQUEST_TIMEOUT_MS is closed, freeing its slot.
import { readFileSync } from 'fs';
import type { Socket } from 'net';

/** File descriptors kept for everything else (files, the listening socket, stdio). */
const RESERVED_DESCRIPTORS = 128;
const FALLBACK_DESCRIPTOR_LIMIT = 10_240;
const MIN_CONNECTIONS = 64;
/** How long a refused socket may stay for the client to read the answer before it is destroyed. */
const REFUSED_LINGER_MS = 2000;
/**
 * How long a new connection may stay silent before its first request: Node closes a connection that never
 * starts a request only when the server's socket timeout (none by default) says so, so idle sockets would
 * hold their slots (and file descriptors) for good.
 */
export const FIRST_REQUEST_TIMEOUT_MS = 10_000;

/** The default cap: what the open-file limit leaves after RESERVED_DESCRIPTORS (Node raises the soft limit to the hard one). */
export function defaultMaxConnections(limitsFile = '/proc/self/limits'): number {
  let limit = FALLBACK_DESCRIPTOR_LIMIT;
  try {
    const line = readFileSync(limitsFile, 'utf8').split('\n').find((entry) => entry.startsWith('Max open files'));
    const soft = Number(line?.split(/\s{2,}/)[1]);
    if (Number.isInteger(soft) && soft > 0) limit = soft;
  } catch {
    // not Linux: the fallback stands
  }
  return Math.max(MIN_CONNECTIONS, limit - RESERVED_DESCRIPTORS);
}

export class ConnectionCap {
  private open = 0;
  /** Sockets answered 503 by the cap: requests parsed on them are not answered again. */
  private readonly refused = new WeakSet<Socket>();
  private lastLogMs = 0;

  constructor(
    private readonly max: number,
    private readonly tls: boolean,
    private readonly log: (line: string) => void,
  ) {}

  /** The server's raw `connection` event (listened to before Node's own HTTP handling). */
  admit(socket: Socket): void {
    if (this.open < this.max) {
      this.open += 1;
      socket.once('close', () => {
        this.open -= 1;
      });
      // Over TLS this is the raw socket under the one requests arrive on, which requestStarted cannot reach.
      if (!this.tls) socket.setTimeout(FIRST_REQUEST_TIMEOUT_MS, () => socket.destroy());
      return;
    }
    this.refused.add(socket);
    socket.on('error', () => undefined);
    if (this.tls) {
      socket.destroy();
      return;
    }
    socket.end(refusal(this.max));
    socket.setTimeout(REFUSED_LINGER_MS, () => socket.destroy());
    this.logOnce();
  }

  /** A request (or upgrade) began on `socket`: from now on Node's own timeouts (keep-alive, request) apply. */
  requestStarted(socket: Socket): void {
    socket.setTimeout(0);
  }

  isRefused(socket: Socket): boolean {
    return this.refused.has(socket);
  }

  /** One log line per burst of refusals, not one per socket. */
  private logOnce(): void {
    const now = Date.now();
    if (now - this.lastLogMs < 10_000) return;
    this.lastLogMs = now;
    this.log(`connection refused: ${this.max} connections are open (maxConnections)`);
  }
}

function refusal(max: number): string {
  const body = JSON.stringify({
    message: `The emulator has ${max} connections open (maxConnections); close some, or start it with a higher maxConnections (CLI: --max-connections N)`,
  });
  return [
    'HTTP/1.1 503 Service Unavailable',
    'Content-Type: application/json',
    'x-amzn-ErrorType: ServiceUnavailableException',
    'Retry-After: 1',
    // The same answer for everyone, with nothing private in it: a page of any origin may read why.
    'Access-Control-Allow-Origin: *',
    'Connection: close',
    `Content-Length: ${Buffer.byteLength(body)}`,
    '',
    body,
  ].join('\r\n');
}
