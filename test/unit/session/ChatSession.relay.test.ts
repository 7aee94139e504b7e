// What server-side relays build on, over fakes: items() one at a time, close() without leaving the chat, and
// the resume outcomes of connect({ resumeAfterItemId }).
import { ChatEndedException, UnknownResumeItemException } from '../../../src/errors';
import { ChatServiceError } from '../../../src/errors';
import { accessDenied, connectCustomer, customerHarness, flush } from '../../support/fakes/sessionHarness';

const msg = (id: string, extra: object = {}) => ({
  Id: id,
  Type: 'MESSAGE',
  ContentType: 'text/plain',
  Content: id,
  AbsoluteTime: '2026-01-01T00:00:01.000Z',
  ContactId: 'c-1',
  InitialContactId: 'c-1',
  ...extra,
});
const typing = { ...msg('t1'), Type: 'EVENT', ContentType: 'application/vnd.amazonaws.connect.event.typing' };
const ended = { ...msg('end'), Type: 'EVENT', ContentType: 'application/vnd.amazonaws.connect.event.chat.ended' };

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('session.items()', () => {
  it('queues items in order and hands the next out only when asked; typing left out', async () => {
    const h = customerHarness();
    const items = h.session.items();
    await connectCustomer(h);
    h.manager.push(msg('m1'));
    h.manager.push(typing);
    h.manager.push(msg('m2'));
    await flush();
    expect((await items.next()).value?.Id).toBe('m1');
    expect((await items.next()).value?.Id).toBe('m2');
    let third: string | undefined;
    void items.next().then((result) => (third = result.value?.Id));
    await flush();
    expect(third).toBeUndefined(); // nothing yet: it waits
    h.manager.push(msg('m3'));
    await flush();
    expect(third).toBe('m3');
  });

  it('includes typing with includeTransient', async () => {
    const h = customerHarness();
    const items = h.session.items({ includeTransient: true });
    await connectCustomer(h);
    h.manager.push(typing);
    await flush();
    expect((await items.next()).value?.ContentType).toBe(typing.ContentType);
  });

  it('ends after the chat.ended item', async () => {
    const h = customerHarness();
    const items = h.session.items();
    await connectCustomer(h);
    h.manager.push(msg('m1'));
    h.manager.push(ended);
    await flush(10);
    const seen: string[] = [];
    for await (const item of items) seen.push(item.Id);
    expect(seen).toEqual(['m1', 'end']);
  });

  it('return() (a break) stops listening and drops what waits', async () => {
    const h = customerHarness();
    const items = h.session.items();
    await connectCustomer(h);
    h.manager.push(msg('m1'));
    await flush();
    await items.return?.();
    h.manager.push(msg('m2'));
    await flush();
    expect(await items.next()).toEqual({ value: undefined, done: true });
  });
});

describe('session.close()', () => {
  it('closes the socket, drops handlers and timers, leaves the chat, and is final', async () => {
    const h = customerHarness();
    const items = h.session.items();
    const seen: string[] = [];
    h.session.onMessage((e) => seen.push(e.data.Id));
    await connectCustomer(h);
    h.manager.push(msg('m1'));
    await flush();
    expect(jest.getTimerCount()).toBeGreaterThan(0); // connected: the token refresher runs
    h.session.close();
    h.session.close();
    expect(h.session.controller.getState()).toBe('closed');
    expect(h.session.controller.hasEnded).toBe(false);
    expect(h.manager.closed).toBe(1);
    expect(h.client.disconnectParticipant).not.toHaveBeenCalled();
    expect(jest.getTimerCount()).toBe(0); // the token refresher's timer and every other one cleared
    h.manager.push(msg('m2'));
    await flush();
    expect(seen).toEqual(['m1']);
    expect((await items.next()).value?.Id).toBe('m1'); // what waited before close()
    expect((await items.next()).done).toBe(true);
    await expect(h.session.sendMessage({ message: 'x' })).rejects.toThrow('No active connection');
    await expect(h.session.connect()).rejects.toThrow('The session was closed');
  });

  it('while connecting: connect() rejects, nothing is left running', async () => {
    const h = customerHarness();
    const pending = h.session.connect();
    await flush();
    h.session.close();
    await expect(pending).rejects.toThrow('closed before the connection was established');
    expect(h.session.controller.getState()).toBe('closed');
  });
});

describe('connect({ resumeAfterItemId }) outcomes', () => {
  it('a 403 from CreateParticipantConnection: onEnded, then ChatEndedException; no retry', async () => {
    const h = customerHarness();
    h.client.createParticipantConnection.mockRejectedValueOnce(accessDenied());
    let endedEvents = 0;
    h.session.onEnded(() => (endedEvents += 1));
    const failure = await h.session.connect({ resumeAfterItemId: 'stored' }).catch((error: unknown) => error);
    await flush();
    expect(failure).toBeInstanceOf(ChatEndedException);
    expect((failure as ChatEndedException).statusCode).toBe(403);
    expect(endedEvents).toBe(1);
    expect(h.session.controller.getState()).toBe('ended');
    expect(h.client.createParticipantConnection).toHaveBeenCalledTimes(1);
  });

  it('a 403 without a resume position stays a broken connect, as before', async () => {
    const h = customerHarness();
    h.client.createParticipantConnection.mockRejectedValueOnce(accessDenied());
    await expect(h.session.connect()).rejects.toBeInstanceOf(ChatServiceError);
    expect(h.session.controller.getState()).toBe('broken');
  });

  it('an Id the service refuses (400): UnknownResumeItemException naming it, state broken, no socket', async () => {
    const h = customerHarness();
    h.client.getTranscript.mockRejectedValueOnce(new ChatServiceError({ type: 'ValidationException', message: 'StartPosition.Id x was not found', statusCode: 400 }));
    const failure = await h.session.connect({ resumeAfterItemId: 'x' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UnknownResumeItemException);
    expect(failure).toMatchObject({ itemId: 'x', argument: 'resumeAfterItemId', name: 'UnknownResumeItem' });
    expect(h.session.controller.getState()).toBe('broken');
    expect(h.managersCreated).toHaveLength(0);
  });

  it('a transient failure of the check does not refuse the Id (the recovery retries)', async () => {
    const h = customerHarness();
    h.client.getTranscript.mockRejectedValueOnce(new ChatServiceError({ type: 'InternalServerException', message: 'boom', statusCode: 500 }));
    const pending = h.session.connect({ resumeAfterItemId: 'x' });
    await flush(20);
    h.manager.fire('gain');
    await expect(pending).resolves.toMatchObject({ connectSuccess: true });
  });
});
