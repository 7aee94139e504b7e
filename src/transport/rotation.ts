// Make-before-break URL rotation, a sub-phase of the `open` state: fetch a new URL, open a second socket and
// subscribe it while the current one keeps serving. The manager swaps sockets when the new one is acked.
// A failed try is retried with backoff; the rotation lives until it succeeds or the manager stops it.
import type { Logger } from '../log/logger.js';
import { isTerminalTransportError, toError } from './errors.js';
import { validateTransportResult, type ValidTransport } from './frames.js';
import type { Link } from './link.js';
import { TimerGroup } from './timers.js';

export interface RotationHost {
  /** Calls the transport function (never throws synchronously). */
  callTransport(): Promise<unknown>;
  /** Remembers a freshly fetched URL (for re-connect reuse). */
  rememberTransport(transport: ValidTransport): void;
  /** Opens the next socket; throws when the WebSocket constructor does. */
  openNextLink(transport: ValidTransport): Link;
  /** Drops a link this rotation no longer needs (the host fires its close event). */
  dropLink(link: Link, reason: string): void;
  /** The fetch failed for good, or returned an invalid transport. */
  onTerminal(message: string, error: Error | undefined, invalid: boolean): void;
  retryDelayMs(attempt: number): number;
  transportTimeoutMs: number;
  logger: Logger;
}

export class Rotation {
  /** The next socket, once created. */
  link: Link | null = null;
  private readonly timers = new TimerGroup();
  private attempt = 0;
  /** Bumped per try, so a late answer of an abandoned fetch does nothing. */
  private tryNumber = 0;
  private stopped = false;

  constructor(private readonly host: RotationHost) {}

  start(): void {
    if (this.stopped) return;
    const tryNumber = ++this.tryNumber;
    this.timers.set('transportTimeout', this.host.transportTimeoutMs, () => this.failTry(tryNumber, 'transport function timed out'));
    this.host.callTransport().then(
      (result) => this.onFetched(tryNumber, result),
      (error: unknown) => this.onFetchRejected(tryNumber, error),
    );
  }

  /** The next socket failed (error, close, refused subscription): drop it and try again later. */
  linkFailed(reason: string): void {
    this.failTry(this.tryNumber, reason);
  }

  /** Hands the acked link to the manager and ends the rotation without closing it. */
  release(): Link | null {
    const link = this.link;
    this.link = null;
    this.stop();
    return link;
  }

  /** Ends the rotation; a next socket still held is dropped. */
  stop(): void {
    this.stopped = true;
    this.timers.clearAll();
    const link = this.link;
    this.link = null;
    if (link) this.host.dropLink(link, 'rotation cancelled');
  }

  private onFetched(tryNumber: number, result: unknown): void {
    if (this.stopped || tryNumber !== this.tryNumber) return;
    this.timers.clear('transportTimeout');
    const transport = validateTransportResult(result);
    if (typeof transport === 'string') {
      this.host.onTerminal(`invalid transport: ${transport}`, undefined, true);
      return;
    }
    this.host.rememberTransport(transport);
    try {
      this.link = this.host.openNextLink(transport);
    } catch (error) {
      this.failTry(tryNumber, `could not create the next socket: ${toError(error, 'WebSocket constructor threw').message}`);
    }
  }

  private onFetchRejected(tryNumber: number, error: unknown): void {
    if (this.stopped || tryNumber !== this.tryNumber) return;
    this.timers.clear('transportTimeout');
    const err = toError(error, 'transport function rejected');
    if (isTerminalTransportError(error)) {
      this.host.onTerminal(`transport function failed terminally: ${err.message}`, err, false);
      return;
    }
    this.failTry(tryNumber, `transport function rejected: ${err.message}`);
  }

  private failTry(tryNumber: number, reason: string): void {
    if (this.stopped || tryNumber !== this.tryNumber) return;
    this.tryNumber += 1; // abandon whatever this try still waits for
    this.timers.clear('transportTimeout');
    const link = this.link;
    this.link = null;
    if (link) this.host.dropLink(link, reason);
    this.attempt += 1;
    const delay = this.host.retryDelayMs(this.attempt);
    this.host.logger.warn(`WebSocketManager: rotation try failed (${reason}); next try in ${delay} ms`);
    this.timers.set('retry', delay, () => this.start());
  }
}
