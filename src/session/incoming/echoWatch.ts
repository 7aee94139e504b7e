// The Ids of messages this session sent, each with the time by which its echo should have come over
// the socket. Whether it came is asked of the delivery log when the time is up.
import { ECHO_WAIT_MS } from './gapSignals.js';

/** More pending echoes than this means the socket is gone anyway; the oldest are forgotten. */
const MAX_PENDING = 200;

export class EchoWatch {
  /** Item Id → when its echo is due (ms), in the order the answers came. */
  private readonly due = new Map<string, number>();

  expect(itemId: string, now: number): void {
    if (this.due.size >= MAX_PENDING) this.due.delete(this.due.keys().next().value as string);
    this.due.set(itemId, now + ECHO_WAIT_MS);
  }

  /** The earliest time an echo is due, or null when none is pending. */
  nextDue(): number | null {
    const first = this.due.values().next();
    return first.done ? null : first.value;
  }

  /** Removes the echoes due by `now`; returns the Ids among them that `arrived` says never came. */
  takeOverdue(now: number, arrived: (itemId: string) => boolean): string[] {
    const missing: string[] = [];
    for (const [itemId, dueAt] of this.due) {
      if (dueAt > now) break;
      this.due.delete(itemId);
      if (!arrived(itemId)) missing.push(itemId);
    }
    return missing;
  }

  clear(): void {
    this.due.clear();
  }
}
