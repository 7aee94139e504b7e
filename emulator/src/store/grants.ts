// Expiring bearer grants (connection tokens, websocket tickets) of participants. Each participant keeps
// at most a few: a client that calls CreateParticipantConnection in a loop replaces its own oldest grants
// instead of piling up a day's worth, so the grants stay within what the contacts budget allows.
export interface ExpiringGrant {
  participantId: string;
  contactId: string;
  expiresAtMs: number;
}

export class GrantTable {
  private readonly byKey = new Map<string, ExpiringGrant>();
  /** Each participant's keys, oldest first (some may already be gone from byKey). */
  private readonly keysByParticipant = new Map<string, string[]>();

  constructor(private readonly maxPerParticipant: number) {}

  get size(): number {
    return this.byKey.size;
  }

  issue(key: string, grant: ExpiringGrant): void {
    this.byKey.set(key, grant);
    const keys = (this.keysByParticipant.get(grant.participantId) ?? []).filter((known) => this.byKey.has(known));
    keys.push(key);
    while (keys.length > this.maxPerParticipant) this.byKey.delete(keys.shift() ?? '');
    this.keysByParticipant.set(grant.participantId, keys);
  }

  /** The grant under `key` while it is valid; an expired one is dropped. */
  resolve(key: string, nowMs: number): ExpiringGrant | undefined {
    const grant = this.byKey.get(key);
    if (!grant) return undefined;
    if (grant.expiresAtMs > nowMs) return grant;
    this.byKey.delete(key);
    return undefined;
  }

  /** Drops every grant that matches; returns how many. */
  deleteWhere(matches: (grant: ExpiringGrant) => boolean): number {
    let deleted = 0;
    this.byKey.forEach((grant, key) => {
      if (!matches(grant)) return;
      this.byKey.delete(key);
      deleted += 1;
    });
    this.keysByParticipant.forEach((keys, participantId) => {
      const live = keys.filter((key) => this.byKey.has(key));
      if (live.length === 0) this.keysByParticipant.delete(participantId);
      else this.keysByParticipant.set(participantId, live);
    });
    return deleted;
  }
}
