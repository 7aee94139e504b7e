import { ValueError } from '../../../src/errors';
import { isAllowedSocketUrl, validateTransportResult } from '../../../src/transport';
import { FakeSocket, harness, openManager } from '../../support/fakes/fakeSocket';

beforeEach(() => {
  jest.useFakeTimers();
  FakeSocket.reset();
});
afterEach(() => jest.useRealTimers());

const item = JSON.stringify({ Id: 'm1', Type: 'MESSAGE', Content: 'hi' });

describe('WebSocketManager frames', () => {
  it('delivers a data frame as received: all-message callbacks first, then the topic callbacks', async () => {
    const { manager, socket } = await openManager(harness());
    const order: string[] = [];
    const topic = jest.fn(() => order.push('topic'));
    const all = jest.fn(() => order.push('all'));
    manager.onMessage('aws/chat', topic);
    manager.onAllMessage(all);
    manager.onMessage('other', () => order.push('other'));
    const frame = { topic: 'aws/chat', content: item, contentType: 'application/json' };
    socket.push(frame);
    expect(topic).toHaveBeenCalledWith(frame);
    expect(all).toHaveBeenCalledWith(frame);
    expect(order).toEqual(['all', 'topic']);
  });

  it('ignores garbage without throwing', async () => {
    const warn = jest.fn();
    const h = harness({ logger: { debug: jest.fn(), info: jest.fn(), warn, error: jest.fn(), advancedLog: jest.fn() } });
    const { manager, socket } = await openManager(h);
    const all = jest.fn();
    const topicFailure = jest.fn();
    manager.onAllMessage(all);
    manager.onTopicFailure(topicFailure);
    for (const data of ['not json', '[1,2]', '42', 'null', '', '{"topic":', '{"no":"topic"}']) {
      expect(() => socket.push(data)).not.toThrow();
    }
    socket.onmessage?.({ data: new ArrayBuffer(2) });
    socket.onmessage?.({});
    expect(all).not.toHaveBeenCalled();
    expect(topicFailure).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalled();
    expect(manager.getState()).toBe('open');
  });

  it('a frame without topic but with message goes to topicFailure', async () => {
    const { manager, socket } = await openManager(harness());
    const failure = jest.fn();
    manager.onTopicFailure(failure);
    socket.push({ message: 'Forbidden', connectionId: 'c1', requestId: 'r1' });
    expect(failure).toHaveBeenCalledWith({ timestamp: Date.now(), errorMessage: 'Forbidden', connectionId: 'c1', requestId: 'r1' });
  });

  it('sendMessage sends {topic, content} and drops undefined content', async () => {
    const { manager, socket } = await openManager(harness());
    socket.sent.length = 0;
    manager.sendMessage({ topic: 'aws/chat', content: { a: 1 }, extra: 'ignored' });
    manager.sendMessage({ topic: 'aws/chat' });
    expect(socket.sent).toEqual(['{"topic":"aws/chat","content":{"a":1}}', '{"topic":"aws/chat"}']);
  });

  it('sendMessage refuses reserved or missing topics, throws for non-objects, and drops without a socket', async () => {
    const { manager, socket } = await openManager(harness());
    socket.sent.length = 0;
    for (const topic of ['aws/subscribe', 'aws/unsubscribe', 'aws/heartbeat', 'aws/ping', '', undefined]) {
      manager.sendMessage({ topic, content: 'x' });
    }
    expect(socket.sent).toEqual([]);
    expect(() => manager.sendMessage('x' as never)).toThrow(ValueError);
    expect(() => manager.sendMessage(null as never)).toThrow(ValueError);
    manager.closeWebSocket();
    expect(() => manager.sendMessage({ topic: 'aws/chat' })).not.toThrow();
  });
});

describe('transport result validation', () => {
  it('accepts wss:// and loopback ws:// only', () => {
    expect(isAllowedSocketUrl('wss://x.example/p?q=1')).toBe(true);
    expect(isAllowedSocketUrl('ws://127.0.0.1:9100/')).toBe(true);
    expect(isAllowedSocketUrl('ws://localhost/')).toBe(true);
    expect(isAllowedSocketUrl('ws://[::1]:1/')).toBe(true);
    expect(isAllowedSocketUrl('ws://example.com/')).toBe(false);
    expect(isAllowedSocketUrl('ws://127.0.0.1.evil.com/')).toBe(false);
    expect(isAllowedSocketUrl('https://x.example/')).toBe(false);
    expect(isAllowedSocketUrl('not a url')).toBe(false);
  });

  it('requires the wrapper and a lifetime of at least 300 s', () => {
    expect(validateTransportResult({ webSocketTransport: { url: 'wss://a/', transportLifeTimeInSeconds: 300 } })).toEqual({ url: 'wss://a/', lifetimeMs: 300_000 });
    expect(typeof validateTransportResult({ webSocketTransport: { url: 'wss://a/', transportLifeTimeInSeconds: 299 } })).toBe('string');
    expect(typeof validateTransportResult({ webSocketTransport: { url: 'wss://a/' } })).toBe('string');
    expect(typeof validateTransportResult({ url: 'wss://a/', transportLifeTimeInSeconds: 3540 })).toBe('string');
    expect(typeof validateTransportResult(undefined)).toBe('string');
  });
});
