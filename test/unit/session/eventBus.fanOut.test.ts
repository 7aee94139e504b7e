import { EventBus } from '../../../src/session/events/eventBus';
import { ValueError } from '../../../src/errors';
import type { Logger } from '../../../src/log/logger';

const logger = (): Logger & { error: jest.Mock } =>
  ({ debug: jest.fn(), info: jest.fn(), warn: jest.fn(), error: jest.fn(), advancedLog: jest.fn() }) as Logger & { error: jest.Mock };

describe('EventBus', () => {
  it('delivers asynchronously, in emit order, and runs `after` once the handlers ran', async () => {
    const bus = new EventBus<{ a: number; b: number }>(logger());
    const seen: string[] = [];
    bus.on('a', (n) => seen.push(`a${n}`));
    bus.on('b', (n) => seen.push(`b${n}`));
    bus.emit('a', 1);
    bus.emit('b', 2, () => seen.push('after'));
    bus.emit('a', 3);
    expect(seen).toEqual([]);
    await Promise.resolve();
    await Promise.resolve();
    expect(seen).toEqual(['a1', 'b2', 'after', 'a3']);
  });

  it('keeps delivering when a handler throws, and logs the error', async () => {
    const log = logger();
    const reported: unknown[] = [];
    const bus = new EventBus<{ a: number }>(log, (error) => reported.push(error));
    const second = jest.fn();
    bus.on('a', () => {
      throw new Error('boom');
    });
    bus.on('a', second);
    bus.emit('a', 1);
    await Promise.resolve();
    expect(second).toHaveBeenCalledWith(1, 'a', expect.objectContaining({ subscribe: expect.any(Function) }));
    expect(log.error).toHaveBeenCalled();
    expect(reported).toEqual([new Error('boom')]);
  });

  it('returns an unsubscribe function and refuses non-functions', async () => {
    const bus = new EventBus<{ a: number }>(logger());
    const handler = jest.fn();
    const off = bus.on('a', handler);
    off();
    bus.emit('a', 1);
    await Promise.resolve();
    expect(handler).not.toHaveBeenCalled();
    expect(() => bus.on('a', 'x' as unknown as () => void)).toThrow(ValueError);
  });

  it('calls handlers as (payload, eventName, bus) and the bus handle subscribes, subscribes to all and drops all', async () => {
    const bus = new EventBus<{ a: number; b: number }>(logger());
    const seen: unknown[] = [];
    bus.on('a', (n, eventName, handle) => {
      seen.push([n, eventName]);
      handle.subscribe('b', (m, name) => seen.push(['sub', m, name]));
    });
    const all = bus.handle.subscribeAll((payload, eventName) => seen.push(['all', payload, eventName]));
    bus.emit('a', 1);
    await Promise.resolve();
    bus.emit('b', 2);
    await Promise.resolve();
    all.unsubscribe();
    bus.emit('b', 3);
    await Promise.resolve();
    expect(seen).toEqual([['all', 1, 'a'], [1, 'a'], ['all', 2, 'b'], ['sub', 2, 'b'], ['sub', 3, 'b']]);
    bus.handle.unsubscribeAll();
    bus.emit('a', 4);
    await Promise.resolve();
    expect(seen).toHaveLength(5);
    expect(() => bus.handle.subscribeAll(7 as unknown as () => void)).toThrow(ValueError);
  });
});
