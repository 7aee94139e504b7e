// One fault scenario: a connected customer, a fault narrowed to the customer, the agent sending messages
// while it holds (control API, unaffected), then every message must arrive once, in order, and the
// app's transcript must equal the emulator's.
import type { SdkWorld } from './sdkWorld';
import { sendAs } from './sdkWorld';

export interface FaultScenario {
  /** The fault body, without the target (added here). */
  fault: Record<string, unknown>;
  /** How long the fault holds (0 for one-shot faults). */
  holdMs: number;
  /** How many messages the agent sends while it holds. */
  messages: number;
  /** How long delivery may take after the fault ends. */
  settleMs: number;
  /** Faults posted first (e.g. HTTP errors that hit the reconnect), narrowed the same way. */
  alsoFaults?: Array<Record<string, unknown>>;
}

export interface FaultOutcome {
  delivered: string[];
  expected: string[];
  emulatorMessageIds: string[];
  appMessageIds: string[];
  lostEvents: number;
  establishedEvents: number;
  state: string;
  /** Participant calls of the customer that the emulator refused (request log, status 0): retries while down. */
  refusedCalls: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function runFaultScenario(world: SdkWorld, scenario: FaultScenario): Promise<FaultOutcome> {
  const { session, contactId, participantId, log } = await world.customer();
  const joined = await world.emulator.control('POST', `/emulator/contacts/${contactId}/participants`, { role: 'AGENT', displayName: 'Agent' });
  const agentId = joined.body.ParticipantId as string;
  let lostEvents = 0;
  let establishedEvents = 0;
  session.onConnectionLost(() => (lostEvents += 1));
  session.onConnectionEstablished(() => (establishedEvents += 1));

  for (const fault of [...(scenario.alsoFaults ?? []), scenario.fault]) {
    const posted = await world.emulator.control('POST', '/emulator/faults', { ...fault, contactId, participantId });
    if (posted.status >= 300) throw new Error(`fault refused: ${JSON.stringify(posted.body)}`);
  }
  const expected: string[] = [];
  const spacing = scenario.messages > 0 ? Math.max(scenario.holdMs / (scenario.messages + 1), 20) : 0;
  for (let i = 1; i <= scenario.messages; i += 1) {
    await sleep(spacing);
    const text = `while away ${i}`;
    expected.push(text);
    await sendAs(world.emulator, contactId, agentId, text);
  }
  await log.until((items) => expected.every((text) => items.some((item) => item.Content === text)), scenario.holdMs + scenario.settleMs, 'messages sent during the fault');

  const transcript = await world.emulator.control('GET', `/emulator/contacts/${contactId}/transcript`);
  const emulatorMessageIds = (transcript.body.items as Array<{ Id: string; Type: string }>).filter((i) => i.Type === 'MESSAGE').map((i) => i.Id);
  const appMessageIds = log.items.filter((i) => i.Type === 'MESSAGE').map((i) => i.Id);
  const requests = await world.emulator.control('GET', `/emulator/requests?contactId=${encodeURIComponent(contactId)}`);
  const logged = requests.body.requests as Array<{ status: number; participantId?: string }>;
  return {
    refusedCalls: logged.filter((entry) => entry.status === 0 && entry.participantId === participantId).length,
    delivered: log.texts('AGENT').filter((text) => text.startsWith('while away')),
    expected,
    emulatorMessageIds,
    appMessageIds,
    lostEvents,
    establishedEvents,
    state: session.controller.getState(),
  };
}

/** The assertions every fault shares. */
export function expectRecovered(outcome: FaultOutcome, options: { linkWasLost: boolean }): void {
  expect(outcome.delivered).toEqual(outcome.expected);
  expect(outcome.appMessageIds).toEqual(outcome.emulatorMessageIds);
  expect(outcome.state).toBe('connected');
  if (options.linkWasLost) {
    // Counted from after connect(): one loss, one return.
    expect(outcome.lostEvents).toBe(1);
    expect(outcome.establishedEvents).toBe(1);
  }
}
