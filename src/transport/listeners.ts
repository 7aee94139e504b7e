// Callback lists of the manager's on* methods: validated registration, an unsubscribe function, and a
// throwing callback that is logged without stopping the others.
import { ValueError } from '../errors.js';
import type { Logger } from '../log/logger.js';
import type { Unsubscribe } from '../types.js';

export class Listeners<A extends unknown[]> {
  /** Replaced, never mutated, on add and remove: emit iterates it as is, a snapshot without a copy per frame. */
  private entries: ReadonlyArray<{ cb: (...args: A) => void }> = [];

  constructor(
    private readonly name: string,
    private readonly logger: Logger,
  ) {}

  /** Registers `cb`; throws `ValueError` when it is not a function. */
  add(cb: unknown): Unsubscribe {
    if (typeof cb !== 'function') throw new ValueError('cb must be a function');
    // A wrapper object per registration, so the same function added twice is removed one at a time.
    const entry = { cb: cb as (...args: A) => void };
    this.entries = [...this.entries, entry];
    return () => {
      this.entries = this.entries.filter((e) => e !== entry);
    };
  }

  get size(): number {
    return this.entries.length;
  }

  emit(...args: A): void {
    // `entries` is a snapshot (see above): a callback may unsubscribe itself or others meanwhile.
    for (const entry of this.entries) callSafely(entry.cb, args, this.name, this.logger);
  }

  clear(): void {
    this.entries = [];
  }
}

/** Runs `cb(...args)`; a throw is logged, never propagated. */
export function callSafely<A extends unknown[]>(cb: (...args: A) => void, args: A, name: string, logger: Logger): void {
  try {
    cb(...args);
  } catch (error) {
    logger.error(`WebSocketManager: a ${name} callback threw`, error);
  }
}
