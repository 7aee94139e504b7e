// The outbox on its own: order, waiting for the link, passing vs lasting errors, the wait limit, resend,
// discard, the store across a "reload", and the end of the chat. Fake link, fake send, fake timers.
import { ChatServiceError, IllegalStateException } from '../../../src/errors';
import { Outbox, type OutboxLink, type OutboxOptions } from '../../../src/session/outgoing/outbox/outbox';
import { createMemoryOutboxStore, StorageOutboxStore } from '../../../src/session/outgoing/outbox/outboxStore';
import type { OutboxRequest, SendMessageResult } from '../../../src/types';

class FakeLink implements OutboxLink {
  up = true;
  hasEnded = false;
  isClosed = false;
  private readonly listeners = new Set<() => void>();
  isUp(): boolean {
    return this.up;
  }
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  set(up: boolean): void {
    this.up = up;
    for (const l of [...this.listeners]) l();
  }
  close(): void {
    this.isClosed = true;
    this.up = false;
    for (const l of [...this.listeners]) l();
  }
  end(): void {
    this.hasEnded = true;
    this.up = false;
    for (const l of [...this.listeners]) l();
  }
}

const unavailable = () => new ChatServiceError({ type: 'ServiceUnavailable', message: '503', statusCode: 503, retryable: true });
const invalid = () => new ChatServiceError({ type: 'ValidationException', message: 'bad', statusCode: 400 });

/** A send whose answers the test scripts: each call takes the next outcome (default: accept). */
function scriptedSend() {
  const requests: OutboxRequest[] = [];
  const outcomes: Array<Error | 'hang'> = [];
  let hanging: Array<() => void> = [];
  const send = jest.fn(async (request: OutboxRequest): Promise<SendMessageResult> => {
    requests.push(request);
    const outcome = outcomes.shift();
    if (outcome === 'hang') await new Promise<void>((resolve) => hanging.push(resolve));
    else if (outcome) throw outcome;
    return { Id: `id-${request.id}`, AbsoluteTime: '2026-01-01T00:00:00.000Z' };
  });
  const release = () => {
    const all = hanging;
    hanging = [];
    all.forEach((r) => r());
  };
  return { send, requests, outcomes, release };
}

let n = 0;
const request = (content: string): OutboxRequest => ({ id: `tok-${(n += 1)}`, content, contentType: 'text/plain', enqueuedAt: Date.now() });

function makeOutbox(overrides: Partial<OutboxOptions> = {}) {
  const link = new FakeLink();
  const script = scriptedSend();
  const store = createMemoryOutboxStore();
  const outbox = new Outbox({ key: 'c-1:p-1', store, send: script.send, link, retryDelayMs: () => 1_000, ...overrides });
  return { outbox, link, store, ...script };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('order', () => {
  it('sends one message at a time, in the order given, and resolves each with the service answer', async () => {
    const { outbox, requests, outcomes, release } = makeOutbox();
    outcomes.push('hang');
    const first = outbox.enqueue(request('one'));
    const second = outbox.enqueue(request('two'));
    await jest.advanceTimersByTimeAsync(0);
    expect(requests.map((r) => r.content)).toEqual(['one']);
    expect(outbox.list().map((m) => [m.content, m.state])).toEqual([['one', 'sending'], ['two', 'sending']]);
    release();
    await expect(first).resolves.toMatchObject({ Id: expect.stringMatching(/^id-tok-/) });
    await expect(second).resolves.toBeDefined();
    expect(requests.map((r) => r.content)).toEqual(['one', 'two']);
    expect(outbox.list()).toEqual([]);
  });
});

describe('waiting', () => {
  it('sends nothing while the link is down and everything, in order, once it is back', async () => {
    const { outbox, link, requests } = makeOutbox();
    link.set(false);
    const sends = ['a', 'b', 'c'].map((c) => outbox.enqueue(request(c)));
    await jest.advanceTimersByTimeAsync(60_000);
    expect(requests).toHaveLength(0);
    expect(outbox.list().map((m) => m.state)).toEqual(['waiting', 'waiting', 'waiting']);
    link.set(true);
    await Promise.all(sends);
    expect(requests.map((r) => r.content)).toEqual(['a', 'b', 'c']);
  });

  it('waits out a passing error and tries again with the same ClientToken, at the given pace', async () => {
    const { outbox, requests, outcomes } = makeOutbox();
    outcomes.push(unavailable(), unavailable());
    const sent = outbox.enqueue(request('x'));
    await jest.advanceTimersByTimeAsync(0);
    expect(requests).toHaveLength(1);
    expect(outbox.list()[0]).toMatchObject({ state: 'waiting', attempts: 1, lastError: { type: 'ServiceUnavailable', statusCode: 503 } });
    await jest.advanceTimersByTimeAsync(999);
    expect(requests).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(requests).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(1_000);
    await expect(sent).resolves.toBeDefined();
    expect(new Set(requests.map((r) => r.id)).size).toBe(1);
  });

  it('tries at once when the link comes back during a pause', async () => {
    const { outbox, link, requests, outcomes } = makeOutbox({ retryDelayMs: () => 60_000 });
    outcomes.push(unavailable());
    const sent = outbox.enqueue(request('x'));
    await jest.advanceTimersByTimeAsync(0);
    link.set(false);
    link.set(true);
    await expect(sent).resolves.toBeDefined();
    expect(requests).toHaveLength(2);
  });

  it('fails a message at once for an error waiting cannot fix, and goes on with the next', async () => {
    const { outbox, requests, outcomes } = makeOutbox();
    outcomes.push(invalid());
    const bad = outbox.enqueue(request('bad'));
    const good = outbox.enqueue(request('good'));
    await expect(bad).rejects.toMatchObject({ type: 'ValidationException' });
    await expect(good).resolves.toBeDefined();
    expect(requests.map((r) => r.content)).toEqual(['bad', 'good']);
    expect(outbox.list()).toEqual([expect.objectContaining({ content: 'bad', state: 'failed', lastError: expect.objectContaining({ type: 'ValidationException' }) })]);
  });

  it('fails a message that waited longer than maxWaitMs', async () => {
    const { outbox, link } = makeOutbox({ maxWaitMs: 30_000 });
    link.set(false);
    const sent = outbox.enqueue(request('late'));
    const outcome = sent.catch((e: unknown) => e);
    await jest.advanceTimersByTimeAsync(29_999);
    expect(outbox.list()[0]?.state).toBe('waiting');
    await jest.advanceTimersByTimeAsync(1);
    expect(await outcome).toMatchObject({ type: 'MessageWaitLimitExceeded', retryable: true });
    expect(outbox.list()[0]?.state).toBe('failed');
  });
});

describe('resend and discard', () => {
  it('resends a failed message with the same id, and discards a waiting one', async () => {
    const { outbox, link, requests, outcomes } = makeOutbox();
    outcomes.push(invalid());
    const first = request('first');
    await expect(outbox.enqueue(first)).rejects.toBeInstanceOf(ChatServiceError);
    const again = outbox.resend(first.id);
    expect(again).not.toBeNull();
    await expect(again).resolves.toBeDefined();
    expect(requests.map((r) => r.id)).toEqual([first.id, first.id]);
    expect(outbox.resend('unknown')).toBeNull();

    link.set(false);
    const waiting = request('never');
    const dropped = outbox.enqueue(waiting).catch((e: unknown) => e);
    expect(outbox.discard(waiting.id)).toBe(true);
    expect(await dropped).toMatchObject({ type: 'MessageDiscarded' });
    expect(outbox.list()).toEqual([]);
  });

  it('does not discard the message in flight', async () => {
    const { outbox, outcomes, release } = makeOutbox();
    outcomes.push('hang');
    const r = request('busy');
    const sent = outbox.enqueue(r);
    await jest.advanceTimersByTimeAsync(0);
    expect(outbox.discard(r.id)).toBe(false);
    release();
    await expect(sent).resolves.toBeDefined();
  });
});

describe('across a reload', () => {
  it('keeps only what a resend needs, and a new outbox for the same chat sends each message once', async () => {
    const storage = new Map<string, string>();
    const fakeStorage = { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v), removeItem: (k: string) => void storage.delete(k) };
    const store = new StorageOutboxStore(fakeStorage);
    const before = makeOutbox({ store });
    before.link.set(false);
    void before.outbox.enqueue(request('kept 1')).catch(() => undefined);
    void before.outbox.enqueue(request('kept 2')).catch(() => undefined);
    const saved = JSON.parse([...storage.values()][0] as string) as object[];
    expect(saved).toHaveLength(2);
    expect(Object.keys(saved[0] as object).sort()).toEqual(['content', 'contentType', 'enqueuedAt', 'failed', 'id']);

    // The page reloads: a new outbox (new session) over the same storage.
    const after = makeOutbox({ store });
    const lists: number[] = [];
    after.outbox.on('change', ({ data }) => lists.push(data.length));
    expect(after.outbox.list().map((m) => m.content)).toEqual(['kept 1', 'kept 2']);
    after.link.set(true);
    await jest.advanceTimersByTimeAsync(0);
    expect(after.requests.map((r) => r.content)).toEqual(['kept 1', 'kept 2']);
    expect(lists[lists.length - 1]).toBe(0);
    expect(after.outbox.list()).toEqual([]);
    expect(storage.size).toBe(0);
    const third = makeOutbox({ store });
    await jest.advanceTimersByTimeAsync(0);
    expect(third.requests).toHaveLength(0);
  });
});

describe('the end of the chat', () => {
  it('rejects every pending message, forgets them and refuses new ones', async () => {
    const { outbox, link, store } = makeOutbox();
    link.set(false);
    const pending = outbox.enqueue(request('x')).catch((e: unknown) => e);
    link.end();
    expect(await pending).toMatchObject({ type: 'ChatEnded' });
    expect(store.load('c-1:p-1')).toEqual([]);
    await expect(outbox.enqueue(request('y'))).rejects.toMatchObject({ type: 'ChatEnded' });
  });

  it('on close() rejects every pending message SessionClosed, leaves no timer, and keeps them stored for the next session', async () => {
    const { outbox, link, store } = makeOutbox();
    link.set(false);
    const pending = outbox.enqueue(request('kept for the next owner')).catch((e: unknown) => e);
    link.close();
    expect(await pending).toMatchObject({ type: 'SessionClosed' });
    expect(jest.getTimerCount()).toBe(0);
    expect(store.load('c-1:p-1').map((m) => m.content)).toEqual(['kept for the next owner']);
    await expect(outbox.enqueue(request('late'))).rejects.toMatchObject({ type: 'SessionClosed' });
    const next = makeOutbox({ store });
    expect(next.outbox.list().map((m) => m.content)).toEqual(['kept for the next owner']);
  });

  it('fails a message whose send says the session is over', async () => {
    const { outbox, outcomes } = makeOutbox();
    outcomes.push(new IllegalStateException('gone'));
    await expect(outbox.enqueue(request('x'))).rejects.toBeInstanceOf(IllegalStateException);
  });
});

describe('change events', () => {
  it('tell the app each state a message goes through', async () => {
    const { outbox, link, outcomes } = makeOutbox();
    const states: string[] = [];
    outbox.on('change', ({ data }) => states.push(data.map((m) => m.state).join(',')));
    outcomes.push(unavailable());
    const sent = outbox.enqueue(request('x'));
    await jest.advanceTimersByTimeAsync(0);
    link.set(false);
    link.set(true);
    await sent;
    // A new try is a change too (attempts), so the same state may repeat.
    expect(states.filter((s, i) => s !== states[i - 1])).toEqual(['sending', 'waiting', 'sending', '']);
  });
});
