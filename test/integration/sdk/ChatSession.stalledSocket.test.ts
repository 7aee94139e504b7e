// A half-open link: the socket stays open but nothing comes back. The missed heartbeat gives it away.
import { expectRecovered, runFaultScenario } from '../../support/sdk/faultScenario';
import { sdkWorld, type SdkWorld } from '../../support/sdk/sdkWorld';

jest.setTimeout(120_000);

let world: SdkWorld;
beforeEach(async () => {
  world = await sdkWorld();
});
afterEach(async () => {
  await world.close();
});

it('stall-sockets for 30 s: detects the dead link, reconnects, delivers everything once, in order', async () => {
  const outcome = await runFaultScenario(world, { fault: { kind: 'stall-sockets', durationMs: 30_000 }, holdMs: 30_000, messages: 6, settleMs: 60_000 });
  expectRecovered(outcome, { linkWasLost: true });
});
