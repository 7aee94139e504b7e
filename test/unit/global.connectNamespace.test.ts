/**
 * @jest-environment node
 */
// The global install: `connect.*` names added only where absent, `connect.ChatJS` always, safe to repeat.
// (Node environment: the AWS SDK's browser build is ES modules that jest does not load.)
import packageJson from '../../package.json';

type Namespace = Record<string, unknown>;
const root = globalThis as unknown as { connect?: Namespace };

beforeEach(() => {
  jest.resetModules();
  delete root.connect;
});

function load(): typeof import('../../src/index') {
  let loaded: typeof import('../../src/index') | undefined;
  jest.isolateModules(() => {
    loaded = require('../../src/index');
  });
  return loaded as typeof import('../../src/index');
}

describe('the connect global', () => {
  it('installs ChatSession, ChatJS, LogManager, LogLevel, csmService and WebSocketManager', () => {
    load();
    const connect = root.connect as Namespace;
    const chatSession = connect.ChatSession as Namespace;
    expect(Object.keys(chatSession).sort()).toEqual(
      ['ChatClient', 'LogLevel', 'Logger', 'SessionTypes', 'create', 'csmService', 'setFeatureFlag', 'setGlobalConfig', 'setRegionOverride'].sort(),
    );
    expect(chatSession.SessionTypes).toEqual({ AGENT: 'AGENT', CUSTOMER: 'CUSTOMER' });
    expect(chatSession.LogLevel).toEqual({ DEBUG: 10, INFO: 20, WARN: 30, ERROR: 40, ADVANCED_LOG: 50 });
    expect(connect.ChatJS).toMatchObject({ version: packageJson.version, name: 'amazon-connect-chatjs', source: 'npm' });
    expect(connect.LogLevel).toBe(chatSession.LogLevel);
    expect(connect.csmService).toBe(chatSession.csmService);
    expect(typeof (connect.WebSocketManager as Namespace).create).toBe('function');
    expect(typeof (connect.LogManager as Namespace).getLogger).toBe('function');
  });

  it('overwrites nothing Streams put there, except ChatJS', () => {
    const streams = { core: { getWebSocketManager: () => null }, LogLevel: { DEBUG: 'DEBUG' }, WebSocketManager: { streams: true }, csmService: { mine: true }, ChatJS: { old: true } };
    root.connect = { ...streams };
    load();
    const connect = root.connect as Namespace;
    expect(connect.core).toBe(streams.core);
    expect(connect.LogLevel).toBe(streams.LogLevel);
    expect(connect.WebSocketManager).toBe(streams.WebSocketManager);
    expect(connect.csmService).toBe(streams.csmService);
    expect((connect.ChatJS as Namespace).version).toBe(packageJson.version);
    expect(typeof (connect.ChatSession as Namespace).create).toBe('function');
  });

  it('loading twice keeps the first ChatSession', () => {
    load();
    const first = (root.connect as Namespace).ChatSession;
    load();
    expect((root.connect as Namespace).ChatSession).toBe(first);
  });

  it('create() throws IllegalArgumentException for bad input instead of returning a broken session', () => {
    const sdk = load();
    expect(() => sdk.ChatSession.create({ type: 'CUSTOMER', chatDetails: { contactId: 'c', participantId: 'p' } })).toThrow(sdk.IllegalArgumentException);
    const session = sdk.ChatSession.create({ type: 'CUSTOMER', chatDetails: { contactId: 'c', participantId: 'p', participantToken: 't' }, disableCSM: true });
    expect(session).toBeInstanceOf(sdk.CustomerChatSession);
    expect(typeof session.disconnectParticipant).toBe('function');
    const agent = sdk.ChatSession.create({ chatDetails: { contactId: 'c', participantId: 'a', participantToken: 't' } });
    expect(agent).toBeInstanceOf(sdk.AgentChatSession);
    expect(typeof agent.cleanUpOnParticipantDisconnect).toBe('function');
  });
});
