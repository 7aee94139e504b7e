// One request retried the outbox's way (a message, or an attachment upload's Start, PUT or Complete): it
// waits for the link while it is down, waits out what waiting can fix at the reconnect schedule's pace,
// gives up at the wait limit, and stops at once when its signal aborts. Nothing is stored here.
import { ChatServiceError } from '../../../errors.js';

/** The session's link, as the outbox needs it (implemented by the chat's core). */
export interface OutboxLink {
  /** True while the websocket link is established. */
  isUp(): boolean;
  /** Called on every change of the session's state. */
  onChange(listener: () => void): () => void;
  readonly hasEnded: boolean;
  /** True once the session let go of the chat (close()); the chat goes on without it. */
  readonly isClosed: boolean;
}

/** Errors waiting can fix: no answer, throttling, 500/502/503/504 (the client marks exactly these). */
export function isWorthWaiting(error: unknown): boolean {
  return error instanceof ChatServiceError && error.retryable;
}

export interface RetryThroughOutageOptions {
  link: OutboxLink;
  /** How long it may wait in all, from now. */
  maxWaitMs: number;
  /** The pause before try `attempt` (1-based) after failing for `failingForMs`. */
  delayMs: (attempt: number, failingForMs: number) => number;
  signal?: AbortSignal;
  /** The call named in errors (e.g. 'sendAttachment'). */
  method: string;
  /** Told each time a passing failure makes it wait. */
  onWait?: (error: unknown) => void;
}

const failure = (type: string, message: string, retryable = false): ChatServiceError => new ChatServiceError({ type, message, retryable });

/**
 * Resolves once the link is up (or, with `pauseMs`, once the pause is over or the link came back);
 * rejects when the signal aborts, the chat ends or `deadline` passes. Leaves no timer or listener behind.
 */
function waitFor(o: RetryThroughOutageOptions, deadline: number, pauseMs: number | null): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timers: Array<ReturnType<typeof setTimeout>> = [];
    const done = (error?: Error): void => {
      timers.forEach(clearTimeout);
      off();
      o.signal?.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve();
    };
    const onAbort = (): void => done(failure('AbortError', `${o.method} was cancelled`));
    const check = (): void => {
      if (o.link.hasEnded) done(failure('ChatEnded', `The chat ended before ${o.method} finished`));
      else if (o.link.isClosed) done(failure('SessionClosed', `The session was closed before ${o.method} finished`));
      else if (o.link.isUp() && (pauseMs === null || changedOnce)) done();
    };
    let changedOnce = false;
    const off = o.link.onChange(() => {
      // The link coming back ends a pause too: the service answers again.
      changedOnce = true;
      check();
    });
    o.signal?.addEventListener('abort', onAbort);
    timers.push(setTimeout(() => done(failure('MessageWaitLimitExceeded', `${o.method}: no answer from the service within the wait limit`, true)), Math.max(0, deadline - Date.now())));
    if (pauseMs !== null) timers.push(setTimeout(() => done(), pauseMs));
    if (o.signal?.aborted) onAbort();
    else check();
  });
}

/** Races a request against the abort signal, so a cancelled call settles at once. */
function abortable<T>(request: Promise<T>, o: RetryThroughOutageOptions): Promise<T> {
  const { signal } = o;
  if (!signal) return request;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(failure('AbortError', `${o.method} was cancelled`));
    signal.addEventListener('abort', onAbort, { once: true });
    request.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export async function retryThroughOutage<T>(step: () => Promise<T>, o: RetryThroughOutageOptions): Promise<T> {
  const startedAt = Date.now();
  const deadline = startedAt + o.maxWaitMs;
  for (let failures = 1; ; failures += 1) {
    await waitFor(o, deadline, null);
    try {
      return await abortable(step(), o);
    } catch (error) {
      if (!isWorthWaiting(error) || o.signal?.aborted) throw error;
      o.onWait?.(error);
      await waitFor(o, deadline, o.delayMs(failures, Date.now() - startedAt));
    }
  }
}
