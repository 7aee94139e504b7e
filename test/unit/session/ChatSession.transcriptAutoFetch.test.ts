import { connectCustomer, customerHarness, flush } from '../../support/fakes/sessionHarness';

describe('onTranscriptUpdated and the connection', () => {
  it('loads the latest 100 items on each new connection while someone listens', async () => {
    const h = customerHarness();
    const updates: number[] = [];
    h.session.onTranscriptUpdated((event) => updates.push(event.data.transcript.length));
    h.client.getTranscript.mockResolvedValue({
      InitialContactId: 'c-1',
      Transcript: [{ Id: 'old', Type: 'MESSAGE', ContentType: 'text/plain', Content: 'earlier', AbsoluteTime: '2026-01-01T00:00:00.000Z' }],
      NextToken: undefined,
      $metadata: {},
    });
    await connectCustomer(h);
    await flush(10);
    expect(h.client.getTranscript).toHaveBeenCalledWith('conn-token-1', { maxResults: 100, scanDirection: 'BACKWARD', sortOrder: 'ASCENDING', startPosition: {} });
    expect(updates[updates.length - 1]).toBe(1);
  });

  it('does not fetch when nobody listens', async () => {
    const h = customerHarness();
    await connectCustomer(h);
    await flush(10);
    expect(h.client.getTranscript).not.toHaveBeenCalled();
  });

  it('a send before connect() rejects and leaves the tracked transcript untouched', async () => {
    const h = customerHarness();
    const updates = jest.fn();
    h.session.onTranscriptUpdated(updates);
    await expect(h.session.sendMessage({ message: 'too early' })).rejects.toThrow('No active connection');
    await flush();
    expect(updates).not.toHaveBeenCalled();
  });
});
