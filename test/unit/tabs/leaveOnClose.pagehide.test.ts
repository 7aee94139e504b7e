// Leave on close: the last session's page going away sends the keepalive DisconnectParticipant; a reload,
// a same-site navigation, the back/forward cache or another open tab do not.
import { LeaveOnClose } from '../../../src/session/tabs/leaveOnClose';
import { leaveRequest, leaveRequestPerToken } from '../../../src/session/tabs/leaveRequest';
import { silentLogger } from '../../../src/log/logger';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

function page(options: { otherSessions?: number; navigation?: boolean } = {}) {
  const window = new EventTarget();
  const navigation = options.navigation === false ? null : new EventTarget();
  const leave = jest.fn();
  const prepare = jest.fn();
  const logger = { ...silentLogger, info: jest.fn() };
  const watcher = new LeaveOnClose(
    { window, navigation, origin: 'https://shop.example', sendBeacon: jest.fn() },
    () => (options.otherSessions ?? 0) === 0,
    leave,
    prepare,
    logger,
  );
  watcher.start();
  const hide = (persisted = false) => window.dispatchEvent(Object.assign(new Event('pagehide'), { persisted }));
  const navigate = (navigationType: string, url: string) =>
    navigation?.dispatchEvent(Object.assign(new Event('navigate'), { navigationType, destination: { url, sameDocument: false } }));
  return { window, leave, prepare, logger, hide, navigate, watcher };
}

test('closing the last tab leaves', () => {
  const p = page();
  p.hide();
  expect(p.leave).toHaveBeenCalledTimes(1);
});

test('a reload (Navigation API) does not leave', () => {
  const p = page();
  p.navigate('reload', 'https://shop.example/help');
  p.hide();
  expect(p.leave).not.toHaveBeenCalled();
});

test('a navigation within the site does not leave; one to another site does', () => {
  const within = page();
  within.navigate('push', 'https://shop.example/cart');
  within.hide();
  expect(within.leave).not.toHaveBeenCalled();
  const away = page();
  away.navigate('push', 'https://elsewhere.example/');
  away.hide();
  expect(away.leave).toHaveBeenCalledTimes(1);
});

test('without the Navigation API, F5 and Ctrl+R count as a reload', () => {
  const p = page({ navigation: false });
  p.window.dispatchEvent(Object.assign(new Event('keydown'), { key: 'r', ctrlKey: true }));
  p.hide();
  expect(p.leave).not.toHaveBeenCalled();
});

test('a hint expires: a close long after it leaves', () => {
  const p = page();
  p.navigate('reload', 'https://shop.example/');
  jest.advanceTimersByTime(11_000);
  p.hide();
  expect(p.leave).toHaveBeenCalledTimes(1);
});

test('the back/forward cache and another open tab do not leave; stop() removes the listeners', () => {
  const cached = page();
  cached.hide(true);
  expect(cached.leave).not.toHaveBeenCalled();
  const shared = page({ otherSessions: 1 });
  shared.hide();
  expect(shared.leave).not.toHaveBeenCalled();
  const stopped = page();
  stopped.watcher.stop();
  stopped.hide();
  expect(stopped.leave).not.toHaveBeenCalled();
});

test('the keepalive request is DisconnectParticipant as the client sends it', () => {
  const request = leaveRequest('http://127.0.0.1:9100', 'conn-token-1');
  expect(request.url).toBe('http://127.0.0.1:9100/participant/disconnect');
  expect(request.init.method).toBe('POST');
  expect(request.init.headers).toEqual(expect.objectContaining({ 'x-amz-bearer': 'conn-token-1', 'content-type': 'application/json' }));
  expect(JSON.parse(request.init.body)).toEqual({ ClientToken: expect.any(String) });
  expect(request.init).toEqual(expect.objectContaining({ keepalive: true, credentials: 'omit' }));
});

// Firefox may stop a closing page's pagehide listeners partway: the request is built when the page turns
// hidden, and pagehide sends it before anything else (the log line comes after).
test('the request is built when the page turns hidden, and pagehide sends it before logging', () => {
  const p = page();
  expect(p.prepare).not.toHaveBeenCalled();
  // A real document's visibilitychange bubbles to the window, where the watcher listens.
  p.window.dispatchEvent(new Event('visibilitychange'));
  expect(p.prepare).toHaveBeenCalledTimes(1);
  p.hide();
  expect(p.leave).toHaveBeenCalledTimes(1);
  expect(p.logger.info).toHaveBeenCalledTimes(1);
  expect(p.leave.mock.invocationCallOrder[0]).toBeLessThan(p.logger.info.mock.invocationCallOrder[0] ?? 0);
});

test('the leave request is built once per connection token', () => {
  const build = jest.fn((token: string) => leaveRequest('http://127.0.0.1:9100', token));
  const requestFor = leaveRequestPerToken(build);
  const first = requestFor('conn-token-1');
  expect(requestFor('conn-token-1')).toBe(first);
  expect(build).toHaveBeenCalledTimes(1);
  const renewed = requestFor('conn-token-2');
  expect(renewed).not.toBe(first);
  expect(renewed.init.headers['x-amz-bearer']).toBe('conn-token-2');
  expect(build).toHaveBeenCalledTimes(2);
});

test("the document's visibilitychange reaches the watcher on the window", () => {
  const prepare = jest.fn();
  const watcher = new LeaveOnClose({ window, navigation: null, origin: 'https://shop.example', sendBeacon: jest.fn() }, () => true, jest.fn(), prepare, silentLogger);
  watcher.start();
  document.dispatchEvent(new Event('visibilitychange'));
  watcher.stop();
  document.dispatchEvent(new Event('visibilitychange'));
  expect(prepare).toHaveBeenCalledTimes(1);
});
