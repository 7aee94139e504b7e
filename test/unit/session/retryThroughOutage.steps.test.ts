// One step of an attachment upload retried through an outage: waits for the link, waits out passing
// errors, fails lasting ones at once, gives up at the wait limit, and stops at once on abort.
import { ChatServiceError } from '../../../src/errors';
import type { OutboxLink } from '../../../src/session/outgoing/outbox/outbox';
import { retryThroughOutage, type RetryThroughOutageOptions } from '../../../src/session/outgoing/outbox/retryThroughOutage';

function link(up: boolean) {
  const listeners = new Set<() => void>();
  const l = {
    up,
    hasEnded: false,
    isClosed: false,
    isUp: () => l.up,
    onChange: (fn: () => void) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    set(next: boolean) {
      l.up = next;
      [...listeners].forEach((fn) => fn());
    },
    listeners,
  };
  return l satisfies OutboxLink & object;
}

const passing = () => new ChatServiceError({ type: 'NetworkError', message: 'down', retryable: true });
const options = (l: OutboxLink, extra: Partial<RetryThroughOutageOptions> = {}): RetryThroughOutageOptions => ({
  link: l,
  maxWaitMs: 60_000,
  delayMs: () => 2_000,
  method: 'sendAttachment',
  ...extra,
});

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

it('waits for the link, then retries a passing failure at the given pace', async () => {
  const l = link(false);
  const step = jest.fn().mockRejectedValueOnce(passing()).mockResolvedValueOnce('done');
  const result = retryThroughOutage(step, options(l));
  await jest.advanceTimersByTimeAsync(10_000);
  expect(step).not.toHaveBeenCalled();
  l.set(true);
  await jest.advanceTimersByTimeAsync(0);
  expect(step).toHaveBeenCalledTimes(1);
  await jest.advanceTimersByTimeAsync(2_000);
  await expect(result).resolves.toBe('done');
  expect(step).toHaveBeenCalledTimes(2);
  expect(l.listeners.size).toBe(0);
});

it('fails a lasting error at once', async () => {
  const step = jest.fn().mockRejectedValue(new ChatServiceError({ type: 'ValidationException', message: 'no', statusCode: 400 }));
  await expect(retryThroughOutage(step, options(link(true)))).rejects.toMatchObject({ type: 'ValidationException' });
  expect(step).toHaveBeenCalledTimes(1);
});

it('gives up at the wait limit', async () => {
  const l = link(false);
  const result = retryThroughOutage(jest.fn(), options(l, { maxWaitMs: 5_000 })).catch((e: unknown) => e);
  await jest.advanceTimersByTimeAsync(5_000);
  expect(await result).toMatchObject({ type: 'MessageWaitLimitExceeded' });
});

it('stops at once when the app aborts, while waiting or while a step runs', async () => {
  const waiting = new AbortController();
  const l = link(false);
  const first = retryThroughOutage(jest.fn(), options(l, { signal: waiting.signal })).catch((e: unknown) => e);
  waiting.abort();
  expect(await first).toMatchObject({ type: 'AbortError', message: 'sendAttachment was cancelled' });

  const running = new AbortController();
  const never = new Promise<string>(() => undefined);
  const second = retryThroughOutage(() => never, options(link(true), { signal: running.signal })).catch((e: unknown) => e);
  await jest.advanceTimersByTimeAsync(0);
  running.abort();
  expect(await second).toMatchObject({ type: 'AbortError' });
});
