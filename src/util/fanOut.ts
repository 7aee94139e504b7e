// The one fan-out of the SDK: the websocket manager's callback lists, the manager hub's sessions and the
// session bus's handlers all go through it. Each member is visited in the order it was added; one that
// throws is reported and the others still run.
import type { Unsubscribe } from '../types.js';

export class FanOut<T> {
  /** Replaced, never mutated, on add and remove: a pass iterates a snapshot without copying it. */
  private entries: ReadonlyArray<{ member: T }> = [];

  constructor(private readonly onError: (error: unknown) => void) {}

  /** Adds `member` (the same one twice counts twice); the returned function removes this addition, once. */
  add(member: T): Unsubscribe {
    // A wrapper per addition, so the same function added twice is removed one at a time.
    const entry = { member };
    this.entries = [...this.entries, entry];
    return () => {
      this.entries = this.entries.filter((e) => e !== entry);
    };
  }

  get size(): number {
    return this.entries.length;
  }

  /** Visits every member; a throw goes to `onError` (this fan-out's own unless one is given). */
  each(visit: (member: T) => void, onError: (error: unknown) => void = this.onError): void {
    for (const { member } of this.entries) {
      try {
        visit(member);
      } catch (error) {
        onError(error);
      }
    }
  }
}
