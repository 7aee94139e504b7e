// One step of a longer call (an attachment upload's Start, PUT or Complete) retried the outbox's way: it
// waits for the link while it is down, waits out what waiting can fix at the reconnect schedule's pace,
// gives up after the wait limit, and stops at once when the app aborts. Nothing is stored: files stay in memory.
import { ChatServiceError } from '../../../errors.js';
import { isWorthWaiting, type OutboxLink } from './outbox.js';

export interface RetryThroughOutageOptions {
  link: OutboxLink;
  maxWaitMs: number;
  /** The pause before try `attempt` (1-based) after failing for `failingForMs`. */
  delayMs: (attempt: number, failingForMs: number) => number;
  signal?: AbortSignal;
  /** What the abort error names (e.g. 'sendAttachment'). */
  method: string;
}

const aborted = (method: string): ChatServiceError => new ChatServiceError({ type: 'AbortError', message: `${method} was cancelled` });
const chatEnded = (method: string): ChatServiceError => new ChatServiceError({ type: 'ChatEnded', message: `The chat ended before ${method} finished` });
const tooLong = (method: string, last: unknown): ChatServiceError =>
  new ChatServiceError({ type: 'MessageWaitLimitExceeded', message: `${method}: the service did not answer within the wait limit`, retryable: true, cause: last });

/**
 * Resolves when `until` settles it, rejects when the signal aborts, the chat ends or `deadline` passes;
 * every timer and listener it set up is gone once it settles.
 */
function waitFor(o: RetryThroughOutageOptions, deadline: number, pauseMs: number | null, last: unknown): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timers: Array<ReturnType<typeof setTimeout>> = [];
    const done = (error?: Error): void => {
      timers.forEach(clearTimeout);
      off();
      o.signal?.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve();
    };
    const onAbort = (): void => done(aborted(o.method));
    const check = (): void => {
      if (o.link.hasEnded) done(chatEnded(o.method));
      else if (pauseMs === null && o.link.isUp()) done();
    };
    const off = o.link.onChange(() => {
      // The link coming back ends a pause too: the service answers again.
      if (pauseMs !== null && o.link.isUp()) done();
      else check();
    });
    o.signal?.addEventListener('abort', onAbort);
    timers.push(setTimeout(() => done(tooLong(o.method, last)), Math.max(0, deadline - Date.now())));
    if (pauseMs !== null) timers.push(setTimeout(() => done(), pauseMs));
    if (o.signal?.aborted) onAbort();
    else check();
  });
}

/** Races a step against the abort signal, so a cancelled upload settles at once. */
function abortable<T>(step: Promise<T>, o: RetryThroughOutageOptions): Promise<T> {
  const { signal } = o;
  if (!signal) return step;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(aborted(o.method));
    signal.addEventListener('abort', onAbort, { once: true });
    step.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export async function retryThroughOutage<T>(step: () => Promise<T>, o: RetryThroughOutageOptions): Promise<T> {
  const startedAt = Date.now();
  const deadline = startedAt + o.maxWaitMs;
  let failures = 0;
  let last: unknown = null;
  for (;;) {
    if (o.signal?.aborted) throw aborted(o.method);
    await waitFor(o, deadline, null, last);
    try {
      return await abortable(step(), o);
    } catch (error) {
      if (!isWorthWaiting(error)) throw error;
      last = error;
      failures += 1;
      await waitFor(o, deadline, o.delayMs(failures, Date.now() - startedAt), last);
    }
  }
}
