// A failed receipt batch is retried with backoff when the error is retryable, dropped when not.
import { ChatServiceError } from '../../../src/errors';
import type { Logger } from '../../../src/log/logger';
import { MessageReceipts, RECEIPT_NOTICES } from '../../../src/receipts';

const WINDOW_MS = 5000;
const throttled = (): ChatServiceError =>
  new ChatServiceError({ type: 'ThrottlingException', message: 'Rate exceeded', statusCode: 429, retryable: true });
const refused = (): ChatServiceError =>
  new ChatServiceError({ type: 'ValidationException', message: 'bad receipt', statusCode: 400, retryable: false });

function rig(failures: Error[]) {
  const tokens: string[] = [];
  const logger = { debug: jest.fn(), info: jest.fn(), warn: jest.fn(), error: jest.fn(), advancedLog: jest.fn() } satisfies Logger;
  const receipts = new MessageReceipts({
    enabled: () => true,
    throttleMs: () => WINDOW_MS,
    participantId: () => 'p-me',
    logger,
    random: () => 0.5, // no jitter: delays are exactly 1 s, 2 s, 4 s …
  });
  const read = (id: string) =>
    receipts.send({ kind: 'read', messageId: id, disableThrottle: false }, async (clientToken) => {
      tokens.push(clientToken);
      const failure = failures.shift();
      if (failure) throw failure;
      return { data: `read:${id}` };
    });
  return { receipts, tokens, logger, read };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('receipt retries', () => {
  it('retries a batch that failed with a retryable error, after 1 s then 2 s, with the same ClientToken', async () => {
    const { tokens, read } = rig([throttled(), throttled()]);
    const results = [read('m1'), read('m2')];
    await jest.advanceTimersByTimeAsync(WINDOW_MS);
    expect(tokens).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(999);
    expect(tokens).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(tokens).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(2_000);
    expect(tokens).toHaveLength(3);
    expect(new Set(tokens).size).toBe(1);
    await expect(Promise.all(results)).resolves.toEqual([{ data: 'read:m2' }, { data: 'read:m2' }]);
  });

  it('drops a batch whose error is not retryable: one call, the requests reject, a warning is logged', async () => {
    const { tokens, logger, read } = rig([refused()]);
    const result = read('m1');
    const settled = result.catch((error: unknown) => error);
    await jest.advanceTimersByTimeAsync(WINDOW_MS + 60_000);
    expect(tokens).toHaveLength(1);
    expect(await settled).toBeInstanceOf(ChatServiceError);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('not retryable'), expect.any(ChatServiceError));
  });

  it('gives up after 5 tries in all and rejects with the last error', async () => {
    const { tokens, read } = rig([throttled(), throttled(), throttled(), throttled(), throttled(), throttled()]);
    const settled = read('m1').catch((error: unknown) => error);
    await jest.advanceTimersByTimeAsync(WINDOW_MS + 120_000);
    expect(tokens).toHaveLength(5);
    expect(await settled).toBeInstanceOf(ChatServiceError);
  });

  it('stop() during a retry wait: no further call, no timer left, the request resolves with the ended notice', async () => {
    const { receipts, tokens, read } = rig([throttled()]);
    const result = read('m1');
    await jest.advanceTimersByTimeAsync(WINDOW_MS);
    expect(jest.getTimerCount()).toBe(1);
    receipts.stop();
    expect(jest.getTimerCount()).toBe(0);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(tokens).toHaveLength(1);
    await expect(result).resolves.toEqual({ message: RECEIPT_NOTICES.chatEnded });
  });
});
