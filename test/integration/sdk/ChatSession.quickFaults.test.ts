// Faults that clear at once or by count: the session recovers and delivers every message exactly once, in order.
import { runFaultScenario, expectRecovered } from '../../support/sdk/faultScenario';
import { sdkWorld, type SdkWorld } from '../../support/sdk/sdkWorld';

jest.setTimeout(60_000);

let world: SdkWorld;
beforeEach(async () => {
  world = await sdkWorld();
});
afterEach(async () => {
  await world.close();
});

describe('recovery from quick faults', () => {
  it('drop-sockets: reconnects and fetches what was sent meanwhile', async () => {
    const outcome = await runFaultScenario(world, { fault: { kind: 'drop-sockets' }, holdMs: 300, messages: 5, settleMs: 20_000 });
    expectRecovered(outcome, { linkWasLost: true });
  });

  it('expire-connection-tokens: API calls renew the token and go through', async () => {
    const { session } = await world.customer();
    await world.emulator.control('POST', '/emulator/faults', { kind: 'expire-connection-tokens' });
    await expect(session.sendMessage({ message: 'after expiry' })).resolves.toMatchObject({ data: { Id: expect.any(String) } });
    await expect(session.getTranscript()).resolves.toMatchObject({ data: { Transcript: expect.any(Array) } });
  });

  it('a burst of 500s on the recovery’s GetTranscript is retried until every missed message is in', async () => {
    const outcome = await runFaultScenario(world, {
      fault: { kind: 'drop-sockets' },
      // 8 failures: the first fetch exhausts the client's 5 tries, recovery backs off, the next fetch gets through.
      alsoFaults: [{ kind: 'http-error', operation: 'GetTranscript', status: 500, errorType: 'InternalServerException', count: 8 }],
      holdMs: 200,
      messages: 3,
      settleMs: 30_000,
    });
    expectRecovered(outcome, { linkWasLost: true });
    const requests = await world.emulator.control('GET', '/emulator/requests');
    const fetches = (requests.body.requests as Array<{ operation: string; status: number }>).filter((r) => r.operation === 'GetTranscript');
    expect(fetches.filter((r) => r.status === 500)).toHaveLength(8);
    expect(fetches[fetches.length - 1].status).toBe(200);
  });

  it('expire-connection-tokens while the agent writes: every message arrives once, in order', async () => {
    const outcome = await runFaultScenario(world, { fault: { kind: 'expire-connection-tokens' }, holdMs: 300, messages: 4, settleMs: 10_000 });
    expectRecovered(outcome, { linkWasLost: false });
  });

  it('a burst of 429s on the recovery’s GetTranscript after a drop: every message arrives once, in order', async () => {
    const outcome = await runFaultScenario(world, {
      fault: { kind: 'drop-sockets' },
      alsoFaults: [{ kind: 'http-error', operation: 'GetTranscript', status: 429, errorType: 'ThrottlingException', count: 7 }],
      holdMs: 200,
      messages: 3,
      settleMs: 30_000,
    });
    expectRecovered(outcome, { linkWasLost: true });
  });

  it('a burst of 429s on SendMessage ends in one stored message with one ClientToken', async () => {
    const { session, contactId } = await world.customer();
    await world.emulator.control('POST', '/emulator/faults', { kind: 'http-error', operation: 'SendMessage', status: 429, errorType: 'ThrottlingException', count: 3 });
    await expect(session.sendMessage({ message: 'throttled once or thrice' })).resolves.toMatchObject({ data: { Id: expect.any(String) } });
    const requests = await world.emulator.control('GET', `/emulator/requests?contactId=${contactId}`);
    const sends = (requests.body.requests as Array<{ operation: string; status: number; clientToken?: string }>).filter((r) => r.operation === 'SendMessage');
    expect(sends.map((r) => r.status)).toEqual([429, 429, 429, 200]);
    expect(new Set(sends.map((r) => r.clientToken)).size).toBe(1);
    const transcript = await world.emulator.control('GET', `/emulator/contacts/${contactId}/transcript`);
    expect((transcript.body.items as Array<{ Content?: string }>).filter((i) => i.Content === 'throttled once or thrice')).toHaveLength(1);
  });
});
