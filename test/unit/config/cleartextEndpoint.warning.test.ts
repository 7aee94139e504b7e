// A plain-http endpoint that is not loopback is warned about once (tokens would travel in clear);
// https and loopback http are not.
// The warning is given once per origin for the life of the page, so every test uses origins of its own.
import { cleartextEndpointWarning } from '../../../src/config/cleartextEndpoint';
import { GlobalConfig } from '../../../src/config/globalConfig';
import { LOG_LEVELS } from '../../../src/constants';
import { logManager } from '../../../src/log/logManager';

afterEach(() => {
  jest.restoreAllMocks();
  // Undo a test's SDK logger the way an app would: back to no logger at the default level.
  logManager.updateLoggerConfig({ useDefaultLogger: false, level: LOG_LEVELS.INFO });
});

describe('cleartextEndpointWarning', () => {
  it.each(['https://participant.connect.us-east-1.amazonaws.com', 'http://127.0.0.1:9100', 'http://localhost:9100/', 'http://[::1]:9100', 'http://app.localhost:9100', 'http://127.0.0.2', undefined, 'not a url'])(
    'is silent for %p',
    (endpoint) => {
      expect(cleartextEndpointWarning(endpoint)).toBeUndefined();
    },
  );

  it('names the endpoint and the risk for plain http on another host, once', () => {
    const warning = cleartextEndpointWarning('http://192.168.1.20:9100/');
    expect(warning).toContain('http://192.168.1.20:9100');
    expect(warning).toContain('unencrypted');
    expect(cleartextEndpointWarning('http://192.168.1.20:9100')).toBeUndefined();
    expect(cleartextEndpointWarning('http://emulator.lan:9100')).toContain('http://emulator.lan:9100');
  });
});

describe('setGlobalConfig({ endpoint })', () => {
  it('warns on the console once when the SDK logger is off, and still uses the endpoint', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const config = new GlobalConfig();
    config.update({ endpoint: 'http://10.0.0.5:9100' });
    config.update({ endpoint: 'http://10.0.0.5:9100' });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toMatch(/^\[ChatJS\] endpoint http:\/\/10\.0\.0\.5:9100 is plain http/);
    expect(config.getEndpointFor('us-west-2')).toBe('http://10.0.0.5:9100');
  });

  it('warns through the SDK logger when it writes warnings', () => {
    const lines: string[] = [];
    logManager.updateLoggerConfig({ logger: { debug: () => undefined, info: () => undefined, warn: (line: unknown) => lines.push(String(line)), error: () => undefined }, level: 30 });
    const consoleWarn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    new GlobalConfig().update({ endpoint: 'http://10.0.0.6:9100' });
    expect(consoleWarn).not.toHaveBeenCalled();
    expect(lines.join('\n')).toContain('http://10.0.0.6:9100 is plain http');
  });

  it('does not warn for the emulator on loopback', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    new GlobalConfig().update({ endpoint: 'http://127.0.0.1:9100' });
    expect(warn).not.toHaveBeenCalled();
  });
});
