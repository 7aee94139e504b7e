// Every timer of one emulator instance goes through here, so close() can clear them all and a
// test process exits on its own.

export type Cancel = () => void;

/** setTimeout fires at once for delays above 2^31-1 ms (about 24.8 days); longer waits are chained. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export class Scheduler {
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  /** Runs `fn` once after `ms`; a throwing callback is swallowed so a timer never crashes the process. */
  after(ms: number, fn: () => void): Cancel {
    if (this.closed) return () => undefined;
    let timer: NodeJS.Timeout;
    const arm = (remainingMs: number): void => {
      timer = setTimeout(() => {
        this.timers.delete(timer);
        if (remainingMs > MAX_TIMER_MS) return arm(remainingMs - MAX_TIMER_MS);
        try {
          fn();
        } catch {
          // A failed scheduled step (bot, expiry) must not take the server down.
        }
      }, Math.min(Math.max(0, remainingMs), MAX_TIMER_MS));
      this.timers.add(timer);
    };
    arm(ms);
    return () => {
      clearTimeout(timer);
      this.timers.delete(timer);
    };
  }

  /** Resolves after `ms`, or never when the scheduler closes first (callers are then abandoned). */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.after(ms, resolve);
    });
  }

  get isClosed(): boolean {
    return this.closed;
  }

  clearAll(): void {
    this.closed = true;
    this.timers.forEach((timer) => clearTimeout(timer));
    this.timers.clear();
  }
}

/** Hands out ISO timestamps with milliseconds that never go backwards or repeat, so item order is total. */
export class Clock {
  private last = 0;

  nowMs(): number {
    const now = Math.max(Date.now(), this.last + 1);
    this.last = now;
    return now;
  }

  nowIso(): string {
    return new Date(this.nowMs()).toISOString();
  }
}
