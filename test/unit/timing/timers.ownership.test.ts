// One TimerGroup for transport and session; every timer has an owner that clears it.
import { CONTENT_TYPE } from '../../../src/constants';
import { MAX_TIMER_DELAY_MS, TimerGroup } from '../../../src/timing/timers';
import { connectCustomer, customerHarness, flush } from '../../support/fakes/sessionHarness';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('TimerGroup', () => {
  it('replaces a timer of the same name, and clearAll leaves nothing behind', () => {
    const group = new TimerGroup();
    const fired: string[] = [];
    group.set('a', 100, () => fired.push('a1'));
    group.set('a', 200, () => fired.push('a2'));
    group.set('b', 50, () => fired.push('b'));
    expect(jest.getTimerCount()).toBe(2);
    jest.advanceTimersByTime(200);
    expect(fired).toEqual(['b', 'a2']);
    group.set('c', 10, () => fired.push('c'));
    group.clearAll();
    jest.advanceTimersByTime(100);
    expect(fired).toEqual(['b', 'a2']);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('caps delays beyond what setTimeout can hold instead of firing at once', () => {
    const group = new TimerGroup();
    const fn = jest.fn();
    group.set('far', Number.MAX_SAFE_INTEGER, fn);
    jest.advanceTimersByTime(1_000_000);
    expect(fn).not.toHaveBeenCalled();
    jest.advanceTimersByTime(MAX_TIMER_DELAY_MS);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});

describe('a session that ends', () => {
  it('leaves no timer running: token renewal and receipt timers are cleared with it', async () => {
    const h = customerHarness();
    await connectCustomer(h);
    void h.session.sendEvent({ contentType: CONTENT_TYPE.deliveredReceipt, content: JSON.stringify({ messageId: 'm1' }) });
    await flush();
    expect(jest.getTimerCount()).toBeGreaterThanOrEqual(2); // renewal before expiry + the delivered wait
    h.manager.push({ Id: 'e', Type: 'EVENT', ContentType: CONTENT_TYPE.chatEnded, AbsoluteTime: 't', ContactId: 'c-1' });
    await flush();
    expect(jest.getTimerCount()).toBe(0);
  });
});
