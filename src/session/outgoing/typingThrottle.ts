// Typing events are sent at most once per window (leading edge); calls inside the window get the
// leading call's promise. Each session has its own throttle (upstream shared one per region).
import { TIMINGS } from '../../constants.js';

export class TypingThrottle {
  private leading: { at: number; result: Promise<unknown> } | null = null;

  constructor(private readonly windowMs: number = TIMINGS.typingThrottleMs) {}

  /** The leading call's promise is shared by the calls of its window (hence one result type per throttle user). */
  run<T>(send: () => Promise<T>): Promise<T> {
    const now = Date.now();
    if (this.leading && now - this.leading.at < this.windowMs) return this.leading.result as Promise<T>;
    const result = send();
    this.leading = { at: now, result };
    // A failed typing event should not block the next one.
    result.catch(() => {
      if (this.leading?.result === result) this.leading = null;
    });
    return result;
  }
}
