// An app handler's exception reaches the page as an uncaught error; the rest keeps going.
import { EventBus } from '../../../src/session/events/eventBus';
import { reportUncaught } from '../../../src/util/reportUncaught';
import type { SessionEventMap } from '../../../src/session/events/sessionEvents';
import type { Logger } from '../../../src/log/logger';

const quiet = (): Logger => ({ debug: jest.fn(), info: jest.fn(), warn: jest.fn(), error: jest.fn(), advancedLog: jest.fn() });
const flush = async (): Promise<void> => {
  for (let i = 0; i < 3; i += 1) await Promise.resolve();
};

describe('exceptions thrown by app handlers', () => {
  it('are reported as uncaught, once each, while the other handlers still run', async () => {
    const reported: unknown[] = [];
    const bus = new EventBus<{ a: number }>(quiet(), (error) => reported.push(error));
    const boom = new Error('boom');
    const later = jest.fn();
    bus.on('a', () => {
      throw boom;
    });
    bus.onAll(() => {
      throw 'not an Error';
    });
    bus.on('a', later);
    bus.emit('a', 1);
    bus.emit('a', 2);
    await flush();
    expect(later.mock.calls.map(([n]) => n)).toEqual([1, 2]);
    expect(reported).toEqual(['not an Error', boom, 'not an Error', boom]);
  });

  it('use reportError where the platform has it', () => {
    const original = (globalThis as { reportError?: unknown }).reportError;
    const spy = jest.fn();
    (globalThis as { reportError?: unknown }).reportError = spy;
    try {
      const error = new Error('x');
      reportUncaught(error);
      expect(spy).toHaveBeenCalledWith(error);
    } finally {
      (globalThis as { reportError?: unknown }).reportError = original;
    }
  });

  it('are rethrown in a task of their own where there is no reportError', () => {
    jest.useFakeTimers();
    const original = (globalThis as { reportError?: unknown }).reportError;
    delete (globalThis as { reportError?: unknown }).reportError;
    try {
      const error = new Error('later');
      expect(() => reportUncaught(error)).not.toThrow();
      expect(() => jest.runOnlyPendingTimers()).toThrow(error);
    } finally {
      (globalThis as { reportError?: unknown }).reportError = original;
      jest.useRealTimers();
    }
  });
});

describe('the session event map', () => {
  it('is closed: a misspelt event name does not compile', () => {
    const bus = new EventBus<SessionEventMap>(quiet(), () => undefined);
    // @ts-expect-error INCOMING_MESAGE is not an event
    const off = bus.on('INCOMING_MESAGE', () => undefined);
    off();
    expect(bus.hasListeners('INCOMING_MESSAGE')).toBe(false);
  });

  it('still accepts any name through the string-keyed subscribe of 5.0.0', async () => {
    const bus = new EventBus<SessionEventMap>(quiet(), () => undefined);
    const handler = jest.fn();
    bus.handle.subscribe('SOMETHING_ELSE', handler);
    bus.onName('INCOMING_TYPING', handler);
    expect(bus.hasListeners('INCOMING_TYPING')).toBe(true);
  });
});
