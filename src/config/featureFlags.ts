// Named feature switches (any string is accepted, as upstream): `ChatSession.setFeatureFlag`, the
// `features` array of setGlobalConfig, and the receipts switch the SDK itself reads.

/** Flags the SDK itself reads. */
export const FEATURES = {
  /** Read/delivered receipts are sent (on unless `shouldSendMessageReceipts: false`). */
  MESSAGE_RECEIPTS_ENABLED: 'MESSAGE_RECEIPTS_ENABLED',
} as const;

export class FeatureFlags {
  private readonly enabled = new Set<string>();

  add(name: string): void {
    this.enabled.add(name);
  }

  remove(name: string): void {
    this.enabled.delete(name);
  }

  /** Replaces the whole list (strings only). */
  replace(names: readonly string[]): void {
    this.enabled.clear();
    names.filter((name) => typeof name === 'string').forEach((name) => this.add(name));
  }

  isEnabled(name: string): boolean {
    return this.enabled.has(name);
  }

  list(): string[] {
    return [...this.enabled];
  }
}
