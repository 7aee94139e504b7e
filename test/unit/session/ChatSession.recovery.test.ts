import { accessDenied, connectCustomer, customerHarness, flush } from '../../support/fakes/sessionHarness';

const msg = (id: string, time: string) => ({
  Id: id,
  Type: 'MESSAGE',
  ContentType: 'text/plain',
  Content: id,
  AbsoluteTime: time,
  ContactId: 'c-1',
  InitialContactId: 'c-1',
});

describe('missed-message recovery', () => {
  it('fetches what was missed, all pages, in order, before live items, each Id once', async () => {
    const h = customerHarness();
    await connectCustomer(h);
    const seen: string[] = [];
    h.session.onMessage((e) => seen.push(e.data.Id));
    h.manager.push(msg('m1', '2026-01-01T00:00:01.000Z'));
    await flush();
    h.manager.fire('lost', { code: 1006 });

    let releaseFirstPage: () => void = () => undefined;
    h.client.getTranscript
      .mockImplementationOnce(
        () =>
          new Promise((resolve) => {
            releaseFirstPage = () =>
              resolve({ Transcript: [msg('m1', '2026-01-01T00:00:01.000Z'), msg('m2', '2026-01-01T00:00:02.000Z')], NextToken: 'page-2', $metadata: {}, InitialContactId: 'c-1' });
          }),
      )
      .mockResolvedValueOnce({ Transcript: [msg('m3', '2026-01-01T00:00:03.000Z')], NextToken: undefined, $metadata: {}, InitialContactId: 'c-1' });

    h.manager.fire('gain');
    // A live item arrives while the recovery runs: it waits for the recovered ones.
    h.manager.push(msg('m4', '2026-01-01T00:00:04.000Z'));
    h.manager.push(msg('m3', '2026-01-01T00:00:03.000Z'));
    await flush();
    expect(seen).toEqual(['m1']);
    releaseFirstPage();
    await flush(20);

    expect(seen).toEqual(['m1', 'm2', 'm3', 'm4']);
    expect(h.client.getTranscript.mock.calls.map((c) => c[1])).toEqual([
      // Nothing was fetched before: the recovery starts where the link first came up (m1 came live, which
      // proves nothing about what came before it).
      { maxResults: 100, scanDirection: 'FORWARD', sortOrder: 'ASCENDING', startPosition: { AbsoluteTime: expect.any(String) } },
      { maxResults: 100, scanDirection: 'FORWARD', sortOrder: 'ASCENDING', startPosition: { AbsoluteTime: expect.any(String) }, nextToken: 'page-2' },
    ]);
  });

  describe('with fake timers', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    /** A connected session whose link just dropped, recording what onMessage shows. */
    async function lostLink() {
      const h = customerHarness();
      await connectCustomer(h);
      const seen: string[] = [];
      h.session.onMessage((e) => seen.push(e.data.Id));
      h.manager.fire('lost', {});
      return { h, seen };
    }

    it('starts from the connect time when nothing was delivered yet, and retries a failed fetch', async () => {
      const { h, seen } = await lostLink();
      h.client.getTranscript.mockRejectedValueOnce(new Error('offline again'));
      h.client.getTranscript.mockResolvedValueOnce({ Transcript: [msg('missed', '2026-01-01T00:00:04.000Z')], InitialContactId: 'c-1', NextToken: undefined, $metadata: {} });
      h.manager.fire('gain');
      h.manager.push(msg('live', '2026-01-01T00:00:05.000Z'));
      await flush(20);
      expect(seen).toEqual([]);
      await jest.advanceTimersByTimeAsync(1_000);
      expect(h.client.getTranscript).toHaveBeenCalledTimes(2);
      expect(h.client.getTranscript.mock.calls[0][1].startPosition).toEqual({ AbsoluteTime: expect.any(String) });
      expect(seen).toEqual(['missed', 'live']);
    });

    it('a chat that ends during the retry wait makes no further call and leaves no timer', async () => {
      const { h, seen } = await lostLink();
      h.client.getTranscript.mockRejectedValue(new Error('still failing'));
      h.manager.fire('gain');
      await flush(20);
      expect(h.client.getTranscript).toHaveBeenCalledTimes(1);
      // Waiting 1 s before the second try, the chat ends: the link drops again and the service refuses a new one.
      h.manager.fire('lost', {});
      await h.manager.transport?.();
      h.client.createParticipantConnection.mockRejectedValueOnce(accessDenied());
      await expect(h.manager.transport?.()).rejects.toThrow(/403/);
      await flush(20);
      expect(h.session.controller.hasEnded).toBe(true);
      expect(jest.getTimerCount()).toBe(0);
      await jest.advanceTimersByTimeAsync(60_000);
      expect(h.client.getTranscript).toHaveBeenCalledTimes(1);
      expect(seen).toEqual(['']); // only the replayed chat.ended
    });

    it('a link that breaks during the retry wait stops the recovery too', async () => {
      const { h } = await lostLink();
      h.client.getTranscript.mockRejectedValue(new Error('still failing'));
      h.manager.fire('gain');
      await flush(20);
      h.manager.fire('initFailure', { reason: 'gave up' });
      await jest.advanceTimersByTimeAsync(60_000);
      expect(h.client.getTranscript).toHaveBeenCalledTimes(1);
    });

    it('delivers the held live items when every fetch fails', async () => {
      const { h, seen } = await lostLink();
      h.client.getTranscript.mockRejectedValue(new Error('still failing'));
      h.manager.fire('gain');
      h.manager.push(msg('live', '2026-01-01T00:00:05.000Z'));
      // 1 + 2 + 4 + 8 s of retry waits; the gap watch's safety net (30 s after activity) comes later.
      await jest.advanceTimersByTimeAsync(20_000);
      expect(h.client.getTranscript).toHaveBeenCalledTimes(5);
      expect(seen).toEqual(['live']);
    });
  });

  it('is skipped on the first connection', async () => {
    const h = customerHarness();
    await connectCustomer(h);
    await flush();
    expect(h.client.getTranscript).not.toHaveBeenCalled();
  });

  it('with resumeAfterItemId runs on the first connection, from that item, without delivering it again', async () => {
    const h = customerHarness();
    const seen: string[] = [];
    h.session.onMessage((e) => seen.push(e.data.Id));
    // First the check that the service knows the stored Id (one item), then the recovery itself.
    h.client.getTranscript.mockResolvedValueOnce({ Transcript: [msg('m2', '2026-01-01T00:00:02.000Z')], NextToken: undefined, $metadata: {}, InitialContactId: 'c-1' });
    h.client.getTranscript.mockResolvedValueOnce({
      Transcript: [msg('stored', '2026-01-01T00:00:01.000Z'), msg('m2', '2026-01-01T00:00:02.000Z'), msg('m3', '2026-01-01T00:00:03.000Z')],
      NextToken: undefined,
      $metadata: {},
      InitialContactId: 'c-1',
    });
    const pending = h.session.connect({ resumeAfterItemId: 'stored' });
    await flush(20); // the participant connection, then the check of the stored Id
    h.manager.fire('gain');
    h.manager.push(msg('live', '2026-01-01T00:00:04.000Z'));
    await pending;
    await flush(20);
    expect(h.client.getTranscript.mock.calls.map((c) => c[1])).toEqual([
      { maxResults: 1, scanDirection: 'FORWARD', sortOrder: 'ASCENDING', startPosition: { Id: 'stored' } },
      { maxResults: 100, scanDirection: 'FORWARD', sortOrder: 'ASCENDING', startPosition: { Id: 'stored' } },
    ]);
    expect(seen).toEqual(['m2', 'm3', 'live']);
  });
});
