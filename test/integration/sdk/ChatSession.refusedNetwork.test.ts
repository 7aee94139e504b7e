// The network goes away: websocket upgrades are refused and every Participant call fails at the socket.
import { expectRecovered, runFaultScenario } from '../../support/sdk/faultScenario';
import { sdkWorld, type SdkWorld } from '../../support/sdk/sdkWorld';

jest.setTimeout(240_000);

let world: SdkWorld;
beforeEach(async () => {
  world = await sdkWorld();
});
afterEach(async () => {
  await world.close();
});

describe('network refused', () => {
  it.each([10_000, 90_000])('for %d ms (plus dropped sockets): keeps retrying, then delivers everything once, in order', async (durationMs) => {
    const outcome = await runFaultScenario(world, {
      alsoFaults: [{ kind: 'refuse', durationMs }],
      fault: { kind: 'drop-sockets' },
      holdMs: durationMs,
      messages: 8,
      settleMs: 60_000,
    });
    expectRecovered(outcome, { linkWasLost: true });
    // The retry budget (docs/connection-handling.md): ≤ 1 attempt per 2 s in the first minute, ≤ 1 per 10 s
    // after. A loaded machine only makes attempts later, so this bound cannot fail from slowness. Each
    // attempt is one request: the manager's URL fetches use the single-try client.
    const budget = Math.min(durationMs, 60_000) / 2_000 + Math.max(durationMs - 60_000, 0) / 10_000;
    expect(outcome.refusedCalls).toBeGreaterThan(0);
    expect(outcome.refusedCalls).toBeLessThanOrEqual(budget);
  });
});
