// Topic bookkeeping of one socket: which topics still wait for an ack, which are subscribed, and the two
// retry loops of §1.4 (unanswered subscribe re-sent every 1 s; refused subscribe re-sent after 500 ms).
import { TOPICS } from '../constants.js';
import type { WebSocketFrame } from '../types.js';
import { readSubscribeAck, subscribeFrame } from './frames.js';
import { TimerGroup } from '../timing/timers.js';

export interface SubscriptionEvents {
  /** A success ack arrived (the frame as received). */
  onUpdate(frame: WebSocketFrame): void;
  /** Too many unanswered subscribes (synthetic frame), or every N-th refusal (the refusal frame). */
  onFailure(frame: WebSocketFrame): void;
}

export interface SubscriptionTimings {
  subscribeRetryMs: number;
  subscribeMaxUnanswered: number;
  subscribeFailureRetryMs: number;
  subscribeMaxFailures: number;
}

export class SubscriptionTracker {
  private readonly pending = new Set<string>();
  private readonly subscribed = new Set<string>();
  private readonly timers = new TimerGroup();
  private unanswered = 0;
  private refusals = 0;

  constructor(
    private readonly send: (data: string) => void,
    private readonly events: SubscriptionEvents,
    private readonly timings: SubscriptionTimings,
  ) {}

  /** Queues the topics not yet subscribed and sends one subscribe frame with everything pending. */
  add(topics: Iterable<string>): void {
    for (const topic of topics) if (!this.subscribed.has(topic)) this.pending.add(topic);
    this.unanswered = 0;
    this.sendPending();
  }

  handleAck(frame: WebSocketFrame): void {
    this.timers.clear('unanswered');
    this.unanswered = 0;
    const ack = readSubscribeAck(frame);
    if (ack.success) {
      this.refusals = 0;
      for (const topic of ack.topics ?? [...this.pending]) {
        this.pending.delete(topic);
        this.subscribed.add(topic);
      }
      this.events.onUpdate(frame);
      // Topics added while this subscribe was in flight are not in the ack: ask for them too.
      if (this.pending.size > 0) this.sendPending();
      return;
    }
    this.refusals += 1;
    if (this.refusals >= this.timings.subscribeMaxFailures) {
      this.refusals = 0;
      this.events.onFailure(frame);
    }
    this.timers.set('refused', this.timings.subscribeFailureRetryMs, () => this.sendPending());
  }

  dispose(): void {
    this.timers.clearAll();
  }

  private sendPending(): void {
    if (this.pending.size === 0) return;
    this.send(subscribeFrame([...this.pending]));
    this.timers.set('unanswered', this.timings.subscribeRetryMs, () => this.onUnanswered());
  }

  private onUnanswered(): void {
    this.unanswered += 1;
    if (this.unanswered > this.timings.subscribeMaxUnanswered) {
      this.events.onFailure({ topic: TOPICS.subscribe, content: { status: 'failure', topics: [...this.pending] } });
    }
    this.sendPending();
  }
}
