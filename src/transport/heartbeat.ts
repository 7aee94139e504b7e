// Heartbeat of one socket: `aws/ping` then `aws/heartbeat` at open and every tick. A heartbeat still
// unanswered at the next tick means the link is half-open; a ping still unanswered is only reported.
import { TOPICS } from '../constants.js';
import type { WebSocketFrame } from '../types.js';
import { encodeFrame } from './frames.js';
import { TimerGroup } from '../timing/timers.js';
import type { DeepHeartbeatFailureInfo, DeepHeartbeatSuccessInfo, HeartbeatLateInfo } from './types.js';

export interface HeartbeatEvents {
  onMissed(): void;
  /** The reply came before the next tick but after `lateMs`: frames were held up somewhere. */
  onLate(info: HeartbeatLateInfo): void;
  onDeepSuccess(info: DeepHeartbeatSuccessInfo): void;
  onDeepFailure(info: DeepHeartbeatFailureInfo): void;
}

export class Heartbeat {
  private readonly timers = new TimerGroup();
  /** When the unanswered heartbeat went out; null while none is pending. */
  private heartbeatSentAt: number | null = null;
  private pingPending = false;

  constructor(
    private readonly send: (data: string) => void,
    private readonly intervalMs: number,
    private readonly events: HeartbeatEvents,
    private readonly lateMs = Number.POSITIVE_INFINITY,
  ) {}

  /** Sends the first beat now and arms the tick. */
  start(): void {
    this.heartbeatSentAt = null;
    this.pingPending = false;
    this.beat();
  }

  stop(): void {
    this.timers.clearAll();
  }

  handleHeartbeat(): void {
    if (this.heartbeatSentAt === null) return;
    const timestamp = Date.now();
    const roundTripMs = timestamp - this.heartbeatSentAt;
    this.heartbeatSentAt = null;
    if (roundTripMs > this.lateMs) this.events.onLate({ timestamp, roundTripMs });
  }

  handlePing(frame: WebSocketFrame): void {
    this.pingPending = false;
    const timestamp = Date.now();
    if (frame.statusCode === 200) this.events.onDeepSuccess({ timestamp });
    else this.events.onDeepFailure({ timestamp, statusCode: frame.statusCode, statusContent: frame.statusContent });
  }

  private beat(): void {
    if (this.pingPending) {
      this.events.onDeepFailure({ timestamp: Date.now(), error: new Error('deep heartbeat (aws/ping) got no reply') });
    }
    if (this.heartbeatSentAt !== null) {
      // The owner drops this socket; stop first so no further tick runs.
      this.stop();
      this.events.onMissed();
      return;
    }
    this.pingPending = true;
    this.send(encodeFrame(TOPICS.ping));
    this.heartbeatSentAt = Date.now();
    this.send(encodeFrame(TOPICS.heartbeat));
    this.timers.set('tick', this.intervalMs, () => this.beat());
  }
}
