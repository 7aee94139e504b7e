// The customer sends through an outage (sockets dropped, then every connection refused): each message
// waits in the outbox, is stored once and in order when the network is back, and its promise resolves.
// While down, the session makes no more requests than the reconnect schedule's budget.
import { expectDeliveredOnce, reconnectBudget, sendDuringFault } from '../../support/sdk/sendDuringFault';
import { sdkWorld, type SdkWorld } from '../../support/sdk/sdkWorld';

jest.setTimeout(300_000);

let world: SdkWorld;
beforeEach(async () => {
  world = await sdkWorld();
});
afterEach(async () => {
  await world.close();
});

describe('sendMessage through an outage', () => {
  it.each([10_000, 90_000])('of %d ms: every message stored once, in order, and resolved; requests within the reconnect budget', async (durationMs) => {
    const outcome = await sendDuringFault(world, { faults: [{ kind: 'outage', durationMs }], holdMs: durationMs, messages: 6, settleMs: 60_000 }, `outage ${durationMs}`);
    expectDeliveredOnce(outcome);
    // The outbox sends nothing while the link is down: the refused requests are the reconnect schedule's own.
    expect(outcome.failedRequests).toBeGreaterThan(0);
    expect(outcome.failedRequests).toBeLessThanOrEqual(reconnectBudget(durationMs));
    expect(outcome.sendRequests).toBeLessThanOrEqual(outcome.expected.length + 1);
  });
});
