// The reconnect budget of docs/connection-handling.md, checked on whole managers with fake timers: while
// the service is down a session dials at most once per 2 s on average in the first minute and once per
// 10 s after that, sessions do not dial in step, and a link that stayed up starts the schedule afresh.
import { WebSocketManager, type WebSocketManagerInstance } from '../../../src/transport';
import { advance, FakeSocket, validTransport } from '../../support/fakes/fakeSocket';
import { seededRandom as seeded } from '../../support/seededRandom';

beforeEach(() => {
  jest.useFakeTimers();
  FakeSocket.reset();
});
afterEach(() => jest.useRealTimers());


/**
 * One session's view of the service: every URL fetch and every socket it opens is a request the service
 * sees (logged with its time); while `down`, fetches fail and sockets close before opening.
 */
class FakeService {
  down = false;
  readonly requests: number[] = [];
  current: FakeSocket | null = null;
  readonly transport = (): Promise<ReturnType<typeof validTransport>> => {
    this.requests.push(Date.now());
    if (this.down) return Promise.reject(new TypeError('Failed to fetch'));
    return Promise.resolve(validTransport(`wss://example.test/connect?n=${this.requests.length}`));
  };
  readonly WebSocket = serviceSocket(this);

  requestsBetween(from: number, to: number): number {
    return this.requests.filter((at) => at >= from && at < to).length;
  }

  /** The network drops: the open socket dies abruptly and nothing gets through until `up()`. */
  drop(): void {
    this.down = true;
    this.current?.serverClose(1006, '');
  }
}

function serviceSocket(service: FakeService): new (url: string) => FakeSocket {
  return class extends FakeSocket {
    constructor(url: string) {
      super(url);
      service.requests.push(Date.now());
      service.current = this;
      setTimeout(() => (service.down ? this.serverClose(1006, '') : this.open()), 5);
    }
    override send(data: string): void {
      super.send(data);
      // Answer heartbeats, so an up link stays up.
      if ((JSON.parse(data) as { topic?: string }).topic === 'aws/heartbeat') setTimeout(() => this.replyHeartbeat(), 5);
    }
  };
}

function startSession(service: FakeService, random: () => number): WebSocketManagerInstance {
  const manager = WebSocketManager.create({
    WebSocket: service.WebSocket,
    isNetworkOnline: () => true,
    networkEventTarget: null,
    visibilityEventTarget: null,
    random,
  });
  void manager.init(service.transport);
  return manager;
}

const mean = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;

describe('WebSocketManager reconnect budget', () => {
  it('while the service is down: ≤ 1 request per 2 s in the first minute, ≤ 1 per 10 s after (20 sessions, mean)', async () => {
    const services = Array.from({ length: 20 }, () => new FakeService());
    const managers = services.map((service, index) => startSession(service, seeded(index + 1)));
    await advance(30_000);
    expect(managers.map((m) => m.getState())).toEqual(managers.map(() => 'open'));

    const downAt = Date.now();
    services.forEach((service) => service.drop());
    await advance(600_000);

    const firstMinute = services.map((s) => s.requestsBetween(downAt, downAt + 60_000));
    const afterwards = services.map((s) => s.requestsBetween(downAt + 60_000, downAt + 600_000));
    expect(mean(firstMinute)).toBeLessThanOrEqual(30);
    expect(mean(afterwards)).toBeLessThanOrEqual(54);
    // And the budget is used: a returning service is found within seconds, not after a long doubling.
    expect(mean(firstMinute)).toBeGreaterThanOrEqual(20);
    expect(mean(afterwards)).toBeGreaterThanOrEqual(40);
    managers.forEach((m) => m.closeWebSocket());
  });

  it('spreads the sessions out: their retries drift apart instead of landing in step', async () => {
    const services = Array.from({ length: 20 }, () => new FakeService());
    const managers = services.map((service, index) => startSession(service, seeded(100 + index)));
    await advance(30_000);
    const downAt = Date.now();
    services.forEach((service) => service.drop());
    await advance(60_000);

    const tenthRetry = services.map((s) => s.requests.filter((at) => at >= downAt)[9] - downAt);
    expect(Math.max(...tenthRetry) - Math.min(...tenthRetry)).toBeGreaterThan(2_000);
    const average = mean(tenthRetry);
    const spread = Math.sqrt(mean(tenthRetry.map((at) => (at - average) ** 2)));
    expect(spread).toBeGreaterThan(500); // ms; without jitter every session would retry at the same instant
    managers.forEach((m) => m.closeWebSocket());
  });

  it('starts afresh after a link that stayed up; a link that drops at once keeps the slow pace', async () => {
    const service = new FakeService();
    const manager = startSession(service, () => 0.5);
    await advance(30_000);
    service.drop();
    await advance(300_000); // long outage: the slow pace (12 s) is reached
    const slow = service.requests.slice(-3);
    expect(slow[2] - slow[1]).toBe(12_000);

    // Back, but gone again after 2 s: not a stable link, so the pace stays slow.
    service.down = false;
    while (manager.getState() !== 'open') await advance(100);
    await advance(2_000);
    service.drop();
    const flapAt = Date.now();
    await advance(12_000);
    expect(service.requestsBetween(flapAt, flapAt + 11_999)).toBe(0);
    expect(service.requestsBetween(flapAt, flapAt + 12_001)).toBe(1);

    // Back for good: up longer than a heartbeat interval, then lost: the schedule starts again at 1.2 s.
    service.down = false;
    await advance(60_000);
    expect(manager.getState()).toBe('open');
    service.drop();
    const lostAt = Date.now();
    await advance(5_000);
    const retries = service.requests.filter((at) => at >= lostAt).map((at) => at - lostAt);
    expect(retries).toEqual([1_200, 3_605]); // the first retry reuses the URL; its socket fails after 5 ms, then 2.4 s
    manager.closeWebSocket();
  });
});
