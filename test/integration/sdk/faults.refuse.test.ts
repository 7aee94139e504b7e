// The network goes away: websocket upgrades are refused and every Participant call fails at the socket.
import { expectRecovered, runFaultScenario } from './faultScenario';
import { sdkWorld, type SdkWorld } from './helpers';

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
  });
});
