// Typing events are sent at most once per window (leading edge); calls inside the window get the
// leading call's promise. Each session has its own throttle (upstream shared one per region).
import { TIMINGS } from '../../constants.js';

export class TypingThrottle<T> {
  private leading: { at: number; result: Promise<T> } | null = null;

  constructor(private readonly windowMs: number = TIMINGS.typingThrottleMs) {}

  run(send: () => Promise<T>): Promise<T> {
    const now = Date.now();
    if (this.leading && now - this.leading.at < this.windowMs) return this.leading.result;
    const result = send();
    this.leading = { at: now, result };
    // A failed typing event should not block the next one.
    result.catch(() => {
      if (this.leading?.result === result) this.leading = null;
    });
    return result;
  }
}
