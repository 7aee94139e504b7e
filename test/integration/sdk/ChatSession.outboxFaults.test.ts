// The customer sends while one fault holds: refused connections with the socket still up, a stalled socket,
// throttling, 5xx answers and expired connection tokens. Each message is stored once, in order, and its
// promise resolves; failed requests stay within the reconnect schedule's budget.
import { expectDeliveredOnce, reconnectBudget, sendDuringFault } from '../../support/sdk/sendDuringFault';
import { sdkWorld, type SdkWorld } from '../../support/sdk/sdkWorld';

jest.setTimeout(180_000);

let world: SdkWorld;
beforeEach(async () => {
  world = await sdkWorld();
});
afterEach(async () => {
  await world.close();
});

describe('sendMessage while a fault holds', () => {
  it('refuse 10 s (the open socket keeps working): messages wait and go out at the schedule pace', async () => {
    const outcome = await sendDuringFault(world, { faults: [{ kind: 'refuse', durationMs: 10_000 }], holdMs: 10_000, messages: 5, settleMs: 40_000 }, 'refuse');
    expectDeliveredOnce(outcome);
    expect(outcome.failedRequests).toBeLessThanOrEqual(reconnectBudget(10_000, 1));
  });

  it('stall 10 s: messages are stored once, in order', async () => {
    const outcome = await sendDuringFault(world, { faults: [{ kind: 'stall-sockets', durationMs: 10_000 }], holdMs: 10_000, messages: 5, settleMs: 60_000 }, 'stall');
    expectDeliveredOnce(outcome);
  });

  it.each([
    ['429 ThrottlingException', 429, 'ThrottlingException'],
    ['500 InternalServerException', 500, 'InternalServerException'],
    ['503 ServiceUnavailableException', 503, 'ServiceUnavailableException'],
  ])('%s ×4: each message waits its turn and is stored once', async (_label, status, errorType) => {
    const outcome = await sendDuringFault(
      world,
      { faults: [{ kind: 'http-error', operation: 'SendMessage', status, errorType, count: 4 }], holdMs: 0, messages: 4, settleMs: 40_000 },
      `http ${status}`,
    );
    expectDeliveredOnce(outcome);
    // One request per outbox try: 4 failures, then each message once.
    expect(outcome.sendRequests).toBe(4 + 4);
  });

  it('expire-connection-tokens: the token is renewed (AccessDeniedException) and every message stored once', async () => {
    const outcome = await sendDuringFault(world, { faults: [{ kind: 'expire-connection-tokens' }], holdMs: 0, messages: 4, settleMs: 30_000 }, 'expired');
    expectDeliveredOnce(outcome);
  });
});
