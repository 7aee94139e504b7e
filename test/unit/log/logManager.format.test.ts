import { LogManager } from '../../../src/log/logManager';
import { ChatLoggerBase } from '../../../src/log/chatLoggerBase';
import type { ChatLogger } from '../../../src/types';

const META = { contactId: 'c-1', participantId: 'p-1', sessionType: 'CUSTOMER', region: 'us-west-2' };
const ISO = /\[\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z\]/;

type RecordingLogger = ChatLogger & { lines: Array<[string, unknown]> };

/** A logger that keeps [method, line] pairs in its `lines` (a non-enumerable field, so it is not a method). */
function recordingLogger(): RecordingLogger {
  const lines: Array<[string, unknown]> = [];
  const record = (method: string) => (line: unknown) => {
    lines.push([method, line]);
  };
  const logger: ChatLogger = { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error'), log: record('log') };
  Object.defineProperty(logger, 'lines', { value: lines, enumerable: false });
  return logger as RecordingLogger;
}

describe('LogManager', () => {
  let manager: LogManager;
  let consoleSpies: Record<'debug' | 'info' | 'warn' | 'error' | 'log', jest.SpyInstance>;

  beforeEach(() => {
    manager = new LogManager();
    consoleSpies = {
      debug: jest.spyOn(console, 'debug').mockImplementation(() => undefined),
      info: jest.spyOn(console, 'info').mockImplementation(() => undefined),
      warn: jest.spyOn(console, 'warn').mockImplementation(() => undefined),
      error: jest.spyOn(console, 'error').mockImplementation(() => undefined),
      log: jest.spyOn(console, 'log').mockImplementation(() => undefined),
    };
  });
  afterEach(() => jest.restoreAllMocks());

  const totalConsoleCalls = () => Object.values(consoleSpies).reduce((n, spy) => n + spy.mock.calls.length, 0);

  describe('selection', () => {
    it('writes nothing by default, at any level', () => {
      const log = manager.getLogger({ prefix: 'ChatJS-Test' });
      log.debug('d');
      log.info('i');
      log.warn('w');
      log.error('e');
      log.advancedLog('a');
      expect(totalConsoleCalls()).toBe(0);
    });

    it('prefers customizedLogger over logger over the console', () => {
      const preferred = recordingLogger();
      const streams = recordingLogger();
      manager.updateLoggerConfig({ customizedLogger: preferred, logger: streams, useDefaultLogger: true });
      manager.getLogger({ prefix: 'P' }).info('x');
      expect(preferred.lines).toHaveLength(1);
      expect(streams.lines).toHaveLength(0);
      expect(totalConsoleCalls()).toBe(0);

      manager.updateLoggerConfig({ logger: streams, useDefaultLogger: true });
      manager.getLogger({ prefix: 'P' }).info('y');
      expect(streams.lines).toHaveLength(1);
    });

    it('loggers handed out earlier follow later configuration', () => {
      const log = manager.getLogger({ prefix: 'Early' });
      log.info('before');
      manager.updateLoggerConfig({ useDefaultLogger: true });
      log.info('after');
      expect(consoleSpies.info).toHaveBeenCalledTimes(1);
      expect(consoleSpies.info.mock.calls[0][0]).toContain('after');
    });

    it('a level-only update keeps the configured logger', () => {
      const custom = recordingLogger();
      manager.updateLoggerConfig({ customizedLogger: custom });
      manager.updateLoggerConfig({ level: 10 });
      manager.getLogger({ prefix: 'P' }).debug('kept');
      expect(custom.lines).toEqual([['debug', 'DEBUG ["kept"] ']]);
    });

    it('useDefaultLogger:false with no logger turns logging off again', () => {
      manager.updateLoggerConfig({ useDefaultLogger: true });
      manager.updateLoggerConfig({ useDefaultLogger: false });
      manager.getLogger({ prefix: 'P' }).error('gone');
      expect(totalConsoleCalls()).toBe(0);
    });
  });

  describe('levels', () => {
    it('writes a line when its level is at or above the configured level (default INFO)', () => {
      const custom = recordingLogger();
      manager.updateLoggerConfig({ customizedLogger: custom });
      const log = manager.getLogger({ prefix: 'P' });
      log.debug('d');
      log.info('i');
      log.warn('w');
      log.error('e');
      expect(custom.lines.map(([method]) => method)).toEqual(['info', 'warn', 'error']);
      expect(manager.getLevel()).toBe(20);
    });

    it('ERROR level drops warn but keeps advancedLog', () => {
      const custom = recordingLogger();
      manager.updateLoggerConfig({ customizedLogger: custom, level: 40 });
      const log = manager.getLogger({ prefix: 'P' });
      log.warn('w');
      log.error('e');
      log.advancedLog('a');
      expect(custom.lines.map(([method]) => method)).toEqual(['error', 'warn']);
      expect(custom.lines[1][1]).toBe('ADVANCED_LOG ["a"] ');
    });

    it('DEBUG level writes everything', () => {
      manager.updateLoggerConfig({ useDefaultLogger: true, level: 10 });
      manager.getLogger({ prefix: 'P' }).debug('d');
      expect(consoleSpies.debug).toHaveBeenCalledTimes(1);
    });
  });

  describe('console format', () => {
    beforeEach(() => manager.updateLoggerConfig({ useDefaultLogger: true }));

    it('is LEVEL [ISO] prefix: args metadata', () => {
      manager.getLogger({ prefix: 'ChatJS-ChatController', metadata: META }).info('hello', 42, { a: 1 });
      const line: string = consoleSpies.info.mock.calls[0][0];
      expect(line).toMatch(ISO);
      expect(line.replace(ISO, '[T]')).toBe(`INFO [T] ChatJS-ChatController: hello 42 {"a":1} ${JSON.stringify(META)}`);
    });

    it('ends with an empty metadata part and turns falsy arguments into ""', () => {
      manager.getLogger({ prefix: 'P' }).warn('a', null, undefined, 0, 'b');
      const line: string = consoleSpies.warn.mock.calls[0][0];
      expect(line.replace(ISO, '[T]')).toBe('WARN [T] P: a    b ');
    });

    it('uses toString() when it says more than [object Object], and the stack for errors', () => {
      const withToString = { toString: () => 'custom-text' };
      const failure = new Error('boom');
      manager.getLogger({ prefix: 'P' }).error(withToString, failure);
      const line: string = consoleSpies.error.mock.calls[0][0];
      expect(line).toContain('custom-text');
      expect(line).toContain('Error: boom');
      expect(line).not.toContain('[object Object]');
    });

    it('prints objects without a prototype and cyclic objects without throwing', () => {
      const bare = Object.create(null) as Record<string, unknown>;
      bare.k = 'v';
      const cyclic: Record<string, unknown> = { name: 'loop' };
      cyclic.self = cyclic;
      manager.getLogger({ prefix: 'P' }).info(bare, cyclic);
      const line: string = consoleSpies.info.mock.calls[0][0];
      expect(line).toContain('{"k":"v"}');
      expect(line).toContain('{"name":"loop","self":"[circular]"}');
    });

    it('sends advancedLog to advancedLogWriter (default warn)', () => {
      manager.getLogger({ prefix: 'P' }).advancedLog('life');
      expect(consoleSpies.warn.mock.calls[0][0]).toMatch(/^ADVANCED_LOG \[/);
      manager.updateLoggerConfig({ advancedLogWriter: 'info' });
      manager.getLogger({ prefix: 'P' }).advancedLog('life');
      expect(consoleSpies.info).toHaveBeenCalledTimes(1);
    });

    it('reports an invalid advancedLogWriter once on console.error and falls back to warn', () => {
      manager.updateLoggerConfig({ advancedLogWriter: 'nope' });
      expect(consoleSpies.error).toHaveBeenCalledTimes(1);
      expect(consoleSpies.error.mock.calls[0][0]).toContain('advancedLogWriter');
      manager.getLogger({ prefix: 'P' }).advancedLog('x');
      expect(consoleSpies.warn).toHaveBeenCalledTimes(1);
    });
  });

  describe('custom logger format', () => {
    it('passes one string: LEVEL [JSON of args] metadata', () => {
      const custom = recordingLogger();
      manager.updateLoggerConfig({ customizedLogger: custom });
      manager.getLogger({ prefix: 'P', metadata: META }).warn('a1', 2, { b: true });
      expect(custom.lines).toEqual([['warn', `WARN ["a1",2,{"b":true}] ${JSON.stringify(META)}`]]);
    });

    it('encodes errors with their name and message', () => {
      const custom = recordingLogger();
      manager.updateLoggerConfig({ customizedLogger: custom });
      manager.getLogger({ prefix: 'P' }).error(new TypeError('bad'));
      const line = String(custom.lines[0][1]);
      expect(line).toContain('"name":"TypeError"');
      expect(line).toContain('"message":"bad"');
    });

    it('sends advancedLog to a custom method named by advancedLogWriter', () => {
      const audit = jest.fn();
      manager.updateLoggerConfig({ customizedLogger: { info: jest.fn(), audit }, advancedLogWriter: 'audit' });
      manager.getLogger({ prefix: 'P' }).advancedLog('a');
      expect(audit).toHaveBeenCalledWith('ADVANCED_LOG ["a"] ');
      expect(consoleSpies.error).not.toHaveBeenCalled();
    });

    it('calls sendInternalLogToServer on what the logger returns (Streams)', () => {
      const sendInternalLogToServer = jest.fn();
      const streamsLog = { info: jest.fn(() => ({ sendInternalLogToServer })) };
      manager.updateLoggerConfig({ logger: streamsLog });
      manager.getLogger({ prefix: 'P' }).info('upload me');
      expect(sendInternalLogToServer).toHaveBeenCalledTimes(1);
    });

    it('never lets a throwing logger reach the caller', () => {
      const throwing = { error: () => { throw new Error('logger down'); } };
      manager.updateLoggerConfig({ customizedLogger: throwing });
      expect(() => manager.getLogger({ prefix: 'P' }).error('x')).not.toThrow();
    });

    it('accepts a ChatLoggerBase subclass', () => {
      const seen: unknown[] = [];
      class AppLogger extends ChatLoggerBase {
        override info(...args: unknown[]): void {
          seen.push(...args);
        }
      }
      manager.updateLoggerConfig({ customizedLogger: new AppLogger() });
      const log = manager.getLogger({ prefix: 'P' });
      log.info('hi');
      log.warn('ignored by the no-op base');
      expect(seen).toEqual(['INFO ["hi"] ']);
    });
  });

  it('useDefaultLogger: false without a logger turns logging off again', () => {
    manager.updateLoggerConfig({ useDefaultLogger: true, level: 10 });
    manager.updateLoggerConfig({ useDefaultLogger: false, level: 20 });
    manager.getLogger({ prefix: 'P' }).error('x');
    expect(totalConsoleCalls()).toBe(0);
    expect(manager.getLevel()).toBe(20);
  });
});
