// Named feature switches (any string is accepted, as upstream). A caller can wait for a flag: its callback
// runs now if the flag is on, or once when the flag is next added.

import type { Logger } from '../log/logger.js';

/** Flags the SDK itself reads. */
export const FEATURES = {
  /** Read/delivered receipts are sent (on unless `shouldSendMessageReceipts: false`). */
  MESSAGE_RECEIPTS_ENABLED: 'MESSAGE_RECEIPTS_ENABLED',
} as const;

export type FeatureCallback = () => void;

export class FeatureFlags {
  private readonly enabled = new Set<string>();
  private readonly waiting = new Map<string, FeatureCallback[]>();

  constructor(private readonly log: Logger) {}

  /** Turns `name` on and runs (then forgets) the callbacks waiting for it. */
  add(name: string): void {
    this.enabled.add(name);
    const callbacks = this.waiting.get(name);
    if (!callbacks) return;
    this.waiting.delete(name);
    callbacks.forEach((cb) => this.runSafely(name, cb));
  }

  remove(name: string): void {
    this.enabled.delete(name);
  }

  /** Replaces the whole list; callbacks of flags that come on run as with `add`. */
  replace(names: readonly string[]): void {
    this.enabled.clear();
    names.filter((name) => typeof name === 'string').forEach((name) => this.add(name));
  }

  /** True when `name` is on. With a callback: runs it now if on, otherwise once when `name` is next added. */
  isEnabled(name: string, callback?: FeatureCallback): boolean {
    const on = this.enabled.has(name);
    if (typeof callback === 'function') {
      if (on) this.runSafely(name, callback);
      else this.waiting.set(name, [...(this.waiting.get(name) ?? []), callback]);
    }
    return on;
  }

  list(): string[] {
    return [...this.enabled];
  }

  /** Removes every flag and every waiting callback. */
  clear(): void {
    this.enabled.clear();
    this.waiting.clear();
  }

  private runSafely(name: string, callback: FeatureCallback): void {
    try {
      callback();
    } catch (e) {
      this.log.error(`Feature flag callback for ${name} threw`, e);
    }
  }
}
