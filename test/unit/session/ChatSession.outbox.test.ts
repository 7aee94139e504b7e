// The outbox as the app sees it through a session: messages wait through a lost link and go out when it
// is back, the pending list and its events, resendFailedMessage / discardPendingMessage, the single-try
// client for messages, and the token renewed on AccessDeniedException only (not on any 403).
import { ChatServiceError, IllegalArgumentException } from '../../../src/errors';
import { connectCustomer, customerHarness, flush } from '../../support/fakes/sessionHarness';

const networkError = () => new ChatServiceError({ type: 'NetworkError', message: 'Failed to fetch', retryable: true });

async function connected() {
  const h = customerHarness();
  await connectCustomer(h);
  return h;
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('sendMessage through the outbox', () => {
  it('a message sent while the link is down waits, is listed as waiting, and goes out once the link is back', async () => {
    const h = await connected();
    h.manager.fire('lost', { reason: 'test' });
    const changes: string[][] = [];
    h.session.onPendingMessagesChanged(({ data }) => changes.push(data.map((m) => `${m.content}:${m.state}`)));
    const sent = h.session.sendMessage({ message: 'during the outage', metadata: 'm' });
    await jest.advanceTimersByTimeAsync(30_000);
    expect(h.client.sendMessage).not.toHaveBeenCalled();
    expect(h.session.getPendingMessages()).toEqual([expect.objectContaining({ content: 'during the outage', state: 'waiting', attempts: 0 })]);
    h.manager.fire('gain');
    await expect(sent).resolves.toMatchObject({ data: { Id: 'msg-1' }, metadata: 'm' });
    expect(h.session.getPendingMessages()).toEqual([]);
    expect(changes[0]).toEqual(['during the outage:waiting']);
    expect(changes[changes.length - 1]).toEqual([]);
    // One request per try: the outbox's pace is the retry, not the client's.
    expect(h.client.uses).toContain('outbox');
  });

  it('a network failure while the link is up waits and resends with the same ClientToken', async () => {
    const h = await connected();
    h.client.sendMessage.mockRejectedValueOnce(networkError());
    const sent = h.session.sendMessage({ message: 'x' });
    await jest.advanceTimersByTimeAsync(0);
    expect(h.session.getPendingMessages()[0]).toMatchObject({ state: 'waiting', lastError: { type: 'NetworkError' } });
    await jest.advanceTimersByTimeAsync(5_000);
    await expect(sent).resolves.toMatchObject({ data: { Id: 'msg-1' } });
    const tokens = h.client.sendMessage.mock.calls.map((c) => (c[1] as { clientToken: string }).clientToken);
    expect(tokens).toHaveLength(2);
    expect(tokens[0]).toBe(tokens[1]);
  });

  it('a failed message can be sent again or discarded, by id', async () => {
    const h = await connected();
    h.client.sendMessage.mockRejectedValueOnce(new ChatServiceError({ type: 'ConflictException', message: 'no', statusCode: 409 }));
    await expect(h.session.sendMessage({ message: 'x' })).rejects.toMatchObject({ type: 'ConflictException' });
    const [failed] = h.session.getPendingMessages();
    expect(failed).toMatchObject({ state: 'failed', content: 'x' });
    await expect(h.session.resendFailedMessage({ id: failed!.id, metadata: 7 })).resolves.toMatchObject({ data: { Id: 'msg-1' }, metadata: 7 });
    await expect(h.session.resendFailedMessage({ id: failed!.id })).rejects.toBeInstanceOf(IllegalArgumentException);
    await expect(h.session.resendFailedMessage({} as never)).rejects.toMatchObject({ argument: 'id' });
    expect(() => h.session.discardPendingMessage({} as never)).toThrow(IllegalArgumentException);
    expect(h.session.discardPendingMessage({ id: 'nothing' })).toBe(false);
  });

  it('the end of the chat rejects what is still waiting', async () => {
    const h = await connected();
    h.manager.fire('lost', { reason: 'test' });
    const sent = h.session.sendMessage({ message: 'x' }).catch((e: unknown) => e);
    // Leaving while the link is down ends the session at once.
    await h.session.disconnectParticipant();
    await flush(10);
    expect(h.controller.hasEnded).toBe(true);
    expect(await sent).toMatchObject({ type: 'ChatEnded' });
  });
});

describe('which 403 renews the connection token', () => {
  it('an AccessDeniedException renews it; a 403 without that name (a proxy, a WAF) does not', async () => {
    const h = await connected();
    h.client.getTranscript.mockRejectedValueOnce(new ChatServiceError({ type: 'Unknown', message: '<html>Forbidden</html>', statusCode: 403 }));
    await expect(h.session.getTranscript({})).rejects.toMatchObject({ statusCode: 403 });
    expect(h.client.createParticipantConnection).toHaveBeenCalledTimes(1);
    h.client.getTranscript.mockRejectedValueOnce(new ChatServiceError({ type: 'AccessDeniedException', message: 'expired', statusCode: 403 }));
    await h.session.getTranscript({});
    expect(h.client.createParticipantConnection).toHaveBeenCalledTimes(2);
  });
});
