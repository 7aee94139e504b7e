// A log of Participant API calls, so tests can assert idempotency (ClientToken reuse) and retries.

export interface LoggedRequest {
  at: string;
  operation: string;
  /** HTTP status answered; 0 when the connection was destroyed by a `refuse` fault. */
  status: number;
  contactId?: string;
  participantId?: string;
  clientToken?: string;
  contentType?: string;
}

/** Enough for any test or benchmark run; the oldest entries go first. */
const MAX_ENTRIES = 20_000;

export class RequestLog {
  private readonly entries: LoggedRequest[] = [];

  record(entry: LoggedRequest): void {
    this.entries.push(stripUndefined(entry));
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  list(filter: { contactId?: string; operation?: string }): LoggedRequest[] {
    return this.entries.filter(
      (entry) => (!filter.contactId || entry.contactId === filter.contactId) && (!filter.operation || entry.operation === filter.operation),
    );
  }
}

function stripUndefined(entry: LoggedRequest): LoggedRequest {
  return Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== undefined)) as unknown as LoggedRequest;
}
