// A heartbeat reply that comes, but late: the link stays up and the manager reports it (onHeartbeatLate),
// so a session can check for items the socket dropped meanwhile.
import { FakeSocket, harness, openManager } from '../../support/fakes/fakeSocket';

beforeEach(() => {
  jest.useFakeTimers();
  FakeSocket.reset();
});
afterEach(() => jest.useRealTimers());

describe('WebSocketManager late heartbeat replies', () => {
  it('reports a reply slower than 2 s with its round trip, keeps the link, and stays quiet for a prompt one', async () => {
    const { manager, socket } = await openManager(harness());
    const late = jest.fn();
    const lost = jest.fn();
    manager.onHeartbeatLate(late);
    manager.onConnectionLost(lost);
    jest.advanceTimersByTime(1_999);
    socket.replyHeartbeat();
    expect(late).not.toHaveBeenCalled();
    jest.advanceTimersByTime(8_001); // the next beat
    jest.advanceTimersByTime(2_500);
    socket.replyHeartbeat();
    expect(late).toHaveBeenCalledTimes(1);
    expect(late).toHaveBeenCalledWith({ timestamp: Date.now(), roundTripMs: 2_500 });
    expect(lost).not.toHaveBeenCalled();
    expect(manager.getState()).toBe('open');
  });

  it('a second reply to one beat is not measured again', async () => {
    const { manager, socket } = await openManager(harness());
    const late = jest.fn();
    manager.onHeartbeatLate(late);
    jest.advanceTimersByTime(3_000);
    socket.replyHeartbeat();
    socket.replyHeartbeat();
    expect(late).toHaveBeenCalledTimes(1);
  });
});
