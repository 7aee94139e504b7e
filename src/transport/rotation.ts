// Make-before-break URL rotation, a sub-phase of the `open` state: fetch a new URL, open a second socket and
// subscribe it while the current one keeps serving. The manager swaps sockets when the new one is acked.
// A failed try is retried with backoff; the rotation lives until it succeeds or the manager stops it.
import { reconnectDelayMs, type ResolvedEnvironment } from './environment.js';
import { toError } from './errors.js';
import type { ValidTransport } from './frames.js';
import type { Link } from './link.js';
import { TimerGroup } from '../timing/timers.js';
import { callTransport, type TransportFn, type TransportOutcome } from './transportCall.js';
import type { DisconnectReason } from './types.js';

export interface RotationHost {
  transportFn: TransportFn;
  /** Remembers a freshly fetched URL (for re-connect reuse). */
  rememberTransport(transport: ValidTransport): void;
  /** Opens the next socket; throws when the WebSocket constructor does. */
  openNextLink(transport: ValidTransport): Link;
  /** Drops a link this rotation no longer needs (the host fires its close event). */
  dropLink(link: Link, reason: string): void;
  /** The fetch failed for good, or returned an invalid transport. */
  onTerminal(reason: DisconnectReason, message: string, error: Error | undefined): void;
}

export class Rotation {
  /** The next socket, once created. */
  link: Link | null = null;
  private readonly timers = new TimerGroup();
  private attempt = 0;
  /** The retry pace follows how long this rotation has been failing. */
  private readonly startedAt = Date.now();
  /** Bumped per try, so a late answer of an abandoned fetch does nothing. */
  private tryNumber = 0;
  private stopped = false;

  constructor(
    private readonly env: ResolvedEnvironment,
    private readonly host: RotationHost,
  ) {}

  start(): void {
    if (this.stopped) return;
    const tryNumber = ++this.tryNumber;
    this.timers.set('transportTimeout', this.env.timings.transportTimeoutMs, () => this.failTry(tryNumber, 'transport function timed out'));
    void callTransport(this.host.transportFn).then((outcome) => this.onFetched(tryNumber, outcome));
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

  private onFetched(tryNumber: number, outcome: TransportOutcome): void {
    if (this.stopped || tryNumber !== this.tryNumber) return;
    this.timers.clear('transportTimeout');
    if (outcome.kind === 'terminal') return this.host.onTerminal(outcome.reason, outcome.message, outcome.error);
    if (outcome.kind === 'retry') return this.failTry(tryNumber, `transport function rejected: ${outcome.error.message}`);
    this.host.rememberTransport(outcome.transport);
    try {
      this.link = this.host.openNextLink(outcome.transport);
    } catch (error) {
      this.failTry(tryNumber, `could not create the next socket: ${toError(error, 'WebSocket constructor threw').message}`);
    }
  }

  private failTry(tryNumber: number, reason: string): void {
    if (this.stopped || tryNumber !== this.tryNumber) return;
    this.tryNumber += 1; // abandon whatever this try still waits for
    this.timers.clear('transportTimeout');
    const link = this.link;
    this.link = null;
    if (link) this.host.dropLink(link, reason);
    this.attempt += 1;
    const delay = reconnectDelayMs(this.env, this.attempt, Date.now() - this.startedAt);
    this.env.logger.warn(`WebSocketManager: rotation try failed (${reason}); next try in ${delay} ms`);
    this.timers.set('retry', delay, () => this.start());
  }
}
