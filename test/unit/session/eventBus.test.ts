import { EventBus } from '../../../src/session/eventBus';
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
    const bus = new EventBus<{ a: number }>(log);
    const second = jest.fn();
    bus.on('a', () => {
      throw new Error('boom');
    });
    bus.on('a', second);
    bus.emit('a', 1);
    await Promise.resolve();
    expect(second).toHaveBeenCalledWith(1);
    expect(log.error).toHaveBeenCalled();
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
});
