// The customer sends while a fault holds: every sendMessage must resolve, and the emulator must store each
// message once, in order. Also counts the customer's Participant requests that failed while the fault held
// (refused at the socket: status 0; or answered with an error status), to hold against the reconnect budget.
import type { SdkWorld } from './sdkWorld';

export interface SendFault {
  /** Faults to post, narrowed to the customer here. */
  faults: Array<Record<string, unknown>>;
  /** How long the fault holds, in ms (0 for one-shot faults). */
  holdMs: number;
  /** Messages the customer sends, spread over the hold. */
  messages: number;
  /** How long the sends may take after the fault ends. */
  settleMs: number;
}

export interface SendFaultOutcome {
  expected: string[];
  /** The customer messages the emulator stored, in its order. */
  stored: string[];
  /** Every sendMessage settled: 'ok' or the rejection's type. */
  results: string[];
  /** The customer's Participant requests that failed (status 0 = refused, or an error status). */
  failedRequests: number;
  /** SendMessage requests of the customer, in all. */
  sendRequests: number;
  pendingAfter: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function withTimeout<T>(promise: Promise<T>, ms: number, label: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out: ${label}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function sendDuringFault(world: SdkWorld, scenario: SendFault, label: string): Promise<SendFaultOutcome> {
  const { session, contactId, participantId } = await world.customer();
  for (const fault of scenario.faults) {
    const posted = await world.emulator.control('POST', '/emulator/faults', { ...fault, contactId, participantId });
    if (posted.status >= 300) throw new Error(`fault refused: ${JSON.stringify(posted.body)}`);
  }
  const expected: string[] = [];
  const sends: Array<Promise<string>> = [];
  const spacing = scenario.messages > 0 ? Math.max(scenario.holdMs / (scenario.messages + 1), 20) : 0;
  for (let i = 1; i <= scenario.messages; i += 1) {
    await sleep(spacing);
    const text = `${label} ${i}`;
    expected.push(text);
    sends.push(session.sendMessage({ message: text }).then(() => 'ok', (error: { type?: string }) => error.type ?? String(error)));
  }
  const results = await withTimeout(Promise.all(sends), scenario.holdMs + scenario.settleMs, `${label}: every sendMessage settles`);
  const transcript = await world.emulator.control('GET', `/emulator/contacts/${contactId}/transcript`);
  const items = transcript.body.items as Array<{ Type: string; ParticipantId?: string; Content?: string }>;
  const stored = items.filter((i) => i.Type === 'MESSAGE' && i.ParticipantId === participantId).map((i) => i.Content ?? '');
  const requests = await world.emulator.control('GET', `/emulator/requests?contactId=${encodeURIComponent(contactId)}`);
  const logged = (requests.body.requests as Array<{ status: number; operation: string; participantId?: string }>).filter((e) => e.participantId === participantId);
  return {
    expected,
    stored,
    results,
    failedRequests: logged.filter((e) => e.status === 0 || e.status >= 400).length,
    sendRequests: logged.filter((e) => e.operation === 'SendMessage').length,
    pendingAfter: session.getPendingMessages().length,
  };
}

/** The reconnect schedule's budget of tries for a fault of `durationMs` (docs/connection-handling.md), plus `slack`. */
export function reconnectBudget(durationMs: number, slack = 0): number {
  return Math.min(durationMs, 60_000) / 2_000 + Math.max(durationMs - 60_000, 0) / 10_000 + slack;
}

/** Every message resolved, stored once, in order; nothing left pending. */
export function expectDeliveredOnce(outcome: SendFaultOutcome): void {
  expect(outcome.results).toEqual(outcome.expected.map(() => 'ok'));
  expect(outcome.stored).toEqual(outcome.expected);
  expect(outcome.pendingAfter).toBe(0);
}
