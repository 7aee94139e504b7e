import { CONTENT_TYPE } from '../../../src/constants';
import { ChatServiceError, IllegalArgumentException } from '../../../src/errors';
import { accessDenied, connectCustomer, customerHarness, flush } from '../../support/fakes/sessionHarness';

async function connected() {
  const h = customerHarness();
  await connectCustomer(h);
  return h;
}

describe('session methods', () => {
  it('sendMessage sends with the connection token and resolves { data, metadata }', async () => {
    const h = await connected();
    const result = await h.session.sendMessage({ message: 'hi', contentType: 'text/markdown', metadata: { n: 1 } });
    // The outbox gives every message its ClientToken up front, so every try of it sends the same one.
    expect(h.client.sendMessage).toHaveBeenCalledWith('conn-token-1', { content: 'hi', contentType: 'text/markdown', clientToken: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(result).toEqual({ data: expect.objectContaining({ Id: 'msg-1' }), metadata: { n: 1 } });
  });

  it.each([
    [{ message: '' }, 'message'],
    [{ message: 42 }, 'message'],
    [{ message: 'x', contentType: CONTENT_TYPE.typing }, 'contentType'],
    [{ message: 'x', clientToken: 'y'.repeat(501) }, 'clientToken'],
  ])('sendMessage(%j) rejects naming %s and the session stays usable', async (args, field) => {
    const h = await connected();
    const error = await h.session.sendMessage(args as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IllegalArgumentException);
    expect((error as IllegalArgumentException).argument).toBe(field);
    await expect(h.session.sendMessage({ message: 'still works' })).resolves.toMatchObject({ data: { Id: 'msg-1' } });
  });

  it('sends one typing event per 10 s window per session', async () => {
    jest.useFakeTimers();
    try {
      const h = await connected();
      const first = h.session.sendEvent({ contentType: CONTENT_TYPE.typing });
      const second = h.session.sendEvent({ contentType: CONTENT_TYPE.typing });
      await expect(second).resolves.toEqual(await first);
      expect(h.client.sendEvent).toHaveBeenCalledTimes(1);
      jest.advanceTimersByTime(10_000);
      await h.session.sendEvent({ contentType: CONTENT_TYPE.typing });
      expect(h.client.sendEvent).toHaveBeenCalledTimes(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it('keeps the typing throttle per session', async () => {
    const a = await connected();
    const b = await connected();
    await a.session.sendEvent({ contentType: CONTENT_TYPE.typing });
    await b.session.sendEvent({ contentType: CONTENT_TYPE.typing });
    expect(a.client.sendEvent).toHaveBeenCalledTimes(1);
    expect(b.client.sendEvent).toHaveBeenCalledTimes(1);
  });

  it('validates sendEvent content types and receipt content', async () => {
    const h = await connected();
    await expect(h.session.sendEvent({ contentType: 'application/x-nope' })).rejects.toMatchObject({ argument: 'contentType' });
    await expect(h.session.sendEvent({ contentType: CONTENT_TYPE.readReceipt, content: 'nope' })).rejects.toMatchObject({ argument: 'content' });
    await expect(h.session.sendEvent({ contentType: CONTENT_TYPE.readReceipt, content: '{}' })).rejects.toMatchObject({
      argument: 'content.messageId',
    });
    // disableThrottle: sent at once instead of at the end of the 5 s receipt window (test/unit/receipts).
    await h.session.sendEvent({ contentType: CONTENT_TYPE.readReceipt, content: '{"messageId":"m1","disableThrottle":true}' });
    expect(h.client.sendEvent).toHaveBeenCalledWith('conn-token-1', {
      contentType: CONTENT_TYPE.readReceipt,
      content: '{"messageId":"m1","disableThrottle":true}',
      // Receipts carry a real UUID ClientToken (upstream sent "INCOMING_READ_RECEIPT").
      clientToken: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
    });
  });

  it('sends receipts through the single-try client (the receipt throttler is their retry), other events through the retrying one', async () => {
    const h = await connected();
    const before = h.client.uses.length;
    await h.session.sendEvent({ contentType: CONTENT_TYPE.readReceipt, content: '{"messageId":"m1","disableThrottle":true}' });
    expect(h.client.uses.slice(before)).toEqual(['receipt']);
    await h.session.sendEvent({ contentType: CONTENT_TYPE.participantActive });
    expect(h.client.uses.slice(before)).toEqual(['receipt', 'default']);
  });

  it('uses upstream’s getTranscript defaults', async () => {
    const h = await connected();
    await h.session.getTranscript();
    expect(h.client.getTranscript).toHaveBeenCalledWith('conn-token-1', {
      maxResults: 15,
      scanDirection: 'BACKWARD',
      sortOrder: 'ASCENDING',
      startPosition: {},
    });
    await h.session.getTranscript({ maxResults: 100, scanDirection: 'FORWARD', startPosition: { Id: 'x', MostRecent: undefined }, nextToken: 'n' });
    expect(h.client.getTranscript).toHaveBeenLastCalledWith('conn-token-1', {
      maxResults: 100,
      scanDirection: 'FORWARD',
      sortOrder: 'ASCENDING',
      startPosition: { Id: 'x' },
      nextToken: 'n',
    });
    await h.session.getTranscript({ startPosition: { id: 'y', absoluteTime: '2026-01-01T00:00:00.000Z', mostRecent: 3 } });
    expect(h.client.getTranscript).toHaveBeenLastCalledWith(
      'conn-token-1',
      expect.objectContaining({ startPosition: { Id: 'y', AbsoluteTime: '2026-01-01T00:00:00.000Z', MostRecent: 3 } }),
    );
    await expect(h.session.getTranscript({ maxResults: 101 })).rejects.toMatchObject({ argument: 'maxResults' });
  });

  it('rejects service failures as ChatServiceError carrying the caller’s metadata', async () => {
    const h = await connected();
    h.client.sendMessage.mockRejectedValueOnce(new ChatServiceError({ type: 'ValidationException', message: 'too long', statusCode: 400 }));
    const error = await h.session.sendMessage({ message: 'x', metadata: 'mine' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChatServiceError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ type: 'ValidationException', message: 'too long', statusCode: 400, metadata: 'mine' });
  });

  it('renews an expired connection token once and retries the call', async () => {
    const h = await connected();
    h.client.sendMessage.mockRejectedValueOnce(accessDenied());
    await expect(h.session.sendMessage({ message: 'x' })).resolves.toMatchObject({ data: { Id: 'msg-1' } });
    expect(h.client.createParticipantConnection).toHaveBeenCalledTimes(2);
    expect(h.client.sendMessage.mock.calls.map((c) => c[0])).toEqual(['conn-token-1', 'conn-token-2']);
  });

  it('gives up after one renewal when the service still refuses', async () => {
    const h = await connected();
    h.client.sendMessage.mockRejectedValue(accessDenied());
    await expect(h.session.sendMessage({ message: 'x' })).rejects.toMatchObject({ type: 'AccessDeniedException' });
    expect(h.client.sendMessage).toHaveBeenCalledTimes(2);
  });

  it('downloads attachments as a Blob with metadata and returns attachment URLs', async () => {
    const h = await connected();
    const blob = await h.session.downloadAttachment({ attachmentId: 'att-1', metadata: 'm' });
    expect(blob).toBeInstanceOf(Blob);
    expect(blob.metadata).toBe('m');
    await expect(h.session.getAttachmentURL({ attachmentId: 'att-1' })).resolves.toBe('https://files.example/att-1');
    await expect(h.session.downloadAttachment({} as never)).rejects.toMatchObject({ argument: 'attachmentId' });
  });

  it('describeView, getAuthenticationUrl and cancelParticipantAuthentication pass their arguments', async () => {
    const h = await connected();
    await expect(h.session.describeView({ viewToken: 'vt' })).resolves.toMatchObject({ data: { View: { Id: 'v1' } } });
    expect(h.client.describeView).toHaveBeenCalledWith('conn-token-1', 'vt');
    await h.session.getAuthenticationUrl({ sessionId: 's'.repeat(36), redirectUri: 'https://app/cb' });
    expect(h.client.getAuthenticationUrl).toHaveBeenCalledWith('conn-token-1', { sessionId: 's'.repeat(36), redirectUri: 'https://app/cb' });
    await h.session.cancelParticipantAuthentication({ sessionId: 's'.repeat(36) });
    expect(h.client.cancelParticipantAuthentication).toHaveBeenCalledWith('conn-token-1', 's'.repeat(36));
    await expect(h.session.getAuthenticationUrl({ sessionId: 'x' } as never)).rejects.toMatchObject({ argument: 'redirectUri' });
  });

  it('getChatDetails returns ids, token and connection details', async () => {
    const h = await connected();
    expect(h.session.getChatDetails()).toEqual({
      contactId: 'c-1',
      initialContactId: 'c-1',
      participantId: 'p-cust',
      participantToken: 'pt-secret',
      connectionDetails: expect.objectContaining({ connectionToken: 'conn-token-1', url: 'ws://127.0.0.1:9/ws/1' }),
    });
  });

  it('disconnectParticipant calls the service and a later lost link ends the session', async () => {
    const h = await connected();
    const ended = jest.fn();
    h.session.onEnded(ended);
    await expect(h.session.disconnectParticipant()).resolves.toMatchObject({ data: expect.any(Object) });
    expect(h.client.disconnectParticipant).toHaveBeenCalledWith('conn-token-1');
    h.manager.fire('lost', { code: 1000 });
    await flush();
    expect(ended).toHaveBeenCalledTimes(1);
  });
});
