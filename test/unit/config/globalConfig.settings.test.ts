import { GlobalConfig } from '../../../src/config/globalConfig';
import { FeatureFlags } from '../../../src/config/featureFlags';
import { NetworkSettings } from '../../../src/transport/networkSettings';
import { IllegalArgumentException } from '../../../src/errors';
import { logManager } from '../../../src/log/logManager';
import { CSM_DEFAULTS, csmService } from '../../../src/metrics/csmService';
import { LOG_LEVELS } from '../../../src/constants';
import type { ChatGlobalConfig } from '../../../src/types';

describe('GlobalConfig', () => {
  let config: GlobalConfig;
  let network: NetworkSettings;
  beforeEach(() => {
    network = new NetworkSettings();
    config = new GlobalConfig(network);
  });
  afterEach(() => {
    // Undo what update() passed on to the SDK-wide logger and metrics, as an app would.
    logManager.updateLoggerConfig({ useDefaultLogger: false, level: LOG_LEVELS.INFO });
    csmService.updateCsmConfig({ widgetType: CSM_DEFAULTS.widgetType });
    jest.restoreAllMocks();
  });

  it('has upstream defaults', () => {
    expect(config.settings().region).toBe('us-west-2');
    expect(config.settings().stage).toBe('prod');
    expect(config.settings().cell).toBe('1');
    expect(config.getEndpointFor('us-west-2')).toBeUndefined();
    expect(config.settings().reconnect).toBe(true);
    expect(config.getCustomUserAgentSuffix()).toBe('');
    expect(config.getMessageReceiptsThrottleTime()).toBe(5000);
    expect(config.isMessageReceiptsEnabled()).toBe(true);
    expect(config.isRecoverMissedMessagesEnabled()).toBe(true);
    expect(csmService.getWidgetType()).toBe('CustomChatWidget');
    expect(config.settings().regionOverride).toBeNull();
  });

  it.each([null, undefined, 'us-east-1', 42, []])('rejects %p with an IllegalArgumentException naming setGlobalConfig', (bad) => {
    const call = () => config.update(bad as unknown as ChatGlobalConfig);
    expect(call).toThrow(IllegalArgumentException);
    expect(call).toThrow(/setGlobalConfig\(config\)/);
  });

  it('stores region, stage, cell, endpoint, reconnect and user-agent suffix; absent keys keep their values', () => {
    config.update({ region: 'eu-central-1', stage: 'beta', cell: '2', endpoint: 'http://localhost:9100', reconnect: false, customUserAgentSuffix: 'MyApp/1.0' });
    config.update({});
    expect(config.settings().region).toBe('eu-central-1');
    expect(config.settings().stage).toBe('beta');
    expect(config.settings().cell).toBe('2');
    expect(config.getEndpointFor('us-west-2')).toBe('http://localhost:9100');
    expect(config.settings().reconnect).toBe(false);
    expect(config.getCustomUserAgentSuffix()).toBe('MyApp/1.0');
    config.update({ endpoint: '' });
    expect(config.getEndpointFor('us-west-2')).toBeUndefined();
  });

  describe('region resolution', () => {
    it('is override → options.region → global region', () => {
      expect(config.resolveRegion()).toBe('us-west-2');
      config.update({ region: 'us-east-1' });
      expect(config.resolveRegion()).toBe('us-east-1');
      expect(config.resolveRegion('ca-central-1')).toBe('ca-central-1');
      config.setRegionOverride('eu-west-2');
      expect(config.resolveRegion('ca-central-1')).toBe('eu-west-2');
      expect(config.settings().regionOverride).toBe('eu-west-2');
      config.setRegionOverride(null);
      expect(config.resolveRegion('ca-central-1')).toBe('ca-central-1');
    });

    it('updateStageRegionCell writes session options into the global config, as upstream', () => {
      config.updateStageRegionCell({ region: 'ap-northeast-1', stage: 'gamma', cell: '3' });
      expect(config.settings().region).toBe('ap-northeast-1');
      expect(config.settings().stage).toBe('gamma');
      expect(config.settings().cell).toBe('3');
      config.updateStageRegionCell(undefined);
      config.updateStageRegionCell({});
      expect(config.settings().region).toBe('ap-northeast-1');
    });
  });

  describe('message receipts', () => {
    it('top-level throttleTime applies on its call and resets to 5000 on the next call without it', () => {
      config.update({ throttleTime: 4000 });
      expect(config.getMessageReceiptsThrottleTime()).toBe(4000);
      config.update({ region: 'us-east-1' });
      expect(config.getMessageReceiptsThrottleTime()).toBe(5000);
    });

    it('features.messageReceipts.throttleTime wins over the top-level value', () => {
      config.update({ throttleTime: 4000, features: { messageReceipts: { throttleTime: 3000 } } });
      expect(config.getMessageReceiptsThrottleTime()).toBe(3000);
      config.update({ throttleTime: -1 });
      expect(config.getMessageReceiptsThrottleTime()).toBe(5000);
    });

    it('only shouldSendMessageReceipts:false disables; any other given messageReceipts enables', () => {
      config.update({ features: { messageReceipts: { shouldSendMessageReceipts: false } } });
      expect(config.isMessageReceiptsEnabled()).toBe(false);
      expect(config.isMessageReceiptsEnabled()).toBe(false);
      config.update({ features: { messageReceipts: { shouldSendMessageReceipts: 'no' as unknown as boolean } } });
      expect(config.isMessageReceiptsEnabled()).toBe(true);
      config.update({ features: { messageReceipts: {} } });
      expect(config.isMessageReceiptsEnabled()).toBe(true);
    });

    // Upstream 5.1.0's rule (5.0.0 switched receipts back on here): Streams' own setGlobalConfig call, which
    // passes only loggerConfig and region, no longer undoes an app's choice.
    it('a later call without features.messageReceipts keeps receipts off once the app switched them off', () => {
      config.update({ features: { messageReceipts: { shouldSendMessageReceipts: false } } });
      config.update({ region: 'us-east-1', loggerConfig: { useDefaultLogger: false } });
      expect(config.isMessageReceiptsEnabled()).toBe(false);
      config.update({ features: { recoverMissedMessages: true } });
      expect(config.isMessageReceiptsEnabled()).toBe(false);
      config.update({ features: { messageReceipts: null as never } });
      expect(config.isMessageReceiptsEnabled()).toBe(false);
      config.update({ features: ['SOME_FLAG'] });
      expect(config.isMessageReceiptsEnabled()).toBe(false);
      config.update({ features: { messageReceipts: { shouldSendMessageReceipts: true } } });
      config.update({ region: 'us-west-2' });
      expect(config.isMessageReceiptsEnabled()).toBe(true);
    });

    it('receipts stay on by default when no call ever chose, even after a features array drops the flag', () => {
      config.update({ features: ['SOME_FLAG'] });
      expect(config.isMessageReceiptsEnabled()).toBe(true);
      config.update({ region: 'us-east-1' });
      expect(config.isMessageReceiptsEnabled()).toBe(true);
    });
  });

  describe('useDualStack (upstream 5.3.0)', () => {
    it('switches clients to the dual-stack URL of their region; an explicit endpoint wins', () => {
      expect(config.getEndpointFor('eu-west-2')).toBeUndefined();
      config.update({ useDualStack: true });
      expect(config.getEndpointFor('eu-west-2')).toBe('https://participant.connect.eu-west-2.api.aws');
      expect(config.getEndpointFor('us-east-1')).toBe('https://participant.connect.us-east-1.api.aws');
      config.update({ region: 'us-east-1' }); // absent: kept
      expect(config.settings().useDualStack).toBe(true);
      config.update({ endpoint: 'http://localhost:9100' });
      expect(config.getEndpointFor('eu-west-2')).toBe('http://localhost:9100');
      config.update({ endpoint: null as never, useDualStack: false });
      expect(config.getEndpointFor('eu-west-2')).toBeUndefined();
    });

    it('ignores a value that is not a boolean, keeping the setting', () => {
      config.update({ useDualStack: true });
      config.update({ useDualStack: 'yes' as never });
      expect(config.settings().useDualStack).toBe(true);
      config.update({ useDualStack: false });
      expect(config.settings().useDualStack).toBe(false);
    });
  });

  describe('features', () => {
    it('an array replaces the flag list and keeps receipts on', () => {
      config.setFeatureFlag('OLD_FLAG');
      config.update({ features: ['NEW_A', 'NEW_B'] });
      expect(config.settings().features.sort()).toEqual(['MESSAGE_RECEIPTS_ENABLED', 'NEW_A', 'NEW_B']);
      expect(config.settings().features).not.toContain('OLD_FLAG');
    });

    it('recoverMissedMessages defaults to true and can be turned off and on', () => {
      config.update({ features: { recoverMissedMessages: false } });
      expect(config.isRecoverMissedMessagesEnabled()).toBe(false);
      config.update({});
      expect(config.isRecoverMissedMessagesEnabled()).toBe(false);
      config.update({ features: { recoverMissedMessages: true } });
      expect(config.isRecoverMissedMessagesEnabled()).toBe(true);
    });

    it('setFeatureFlag turns a flag on', () => {
      config.setFeatureFlag('ANY_STRING');
      expect(config.settings().features).toContain('ANY_STRING');
    });
  });

  describe('FeatureFlags', () => {
    it('add, remove, replace and query flags', () => {
      const flags = new FeatureFlags();
      flags.add('ANY_STRING');
      expect(flags.isEnabled('ANY_STRING')).toBe(true);
      flags.remove('ANY_STRING');
      expect(flags.isEnabled('ANY_STRING')).toBe(false);
      flags.replace(['A', 42 as unknown as string, 'B']);
      expect(flags.list()).toEqual(['A', 'B']);
    });
  });

  describe('network check', () => {
    it('returns the injected isNetworkOnline', () => {
      const isNetworkOnline = jest.fn(() => false);
      config.update({ webSocketManagerConfig: { isNetworkOnline } });
      expect(network.isNetworkOnline()).toBe(isNetworkOnline);
      expect(network.isNetworkOnline()()).toBe(false);
    });

    it('defaults to navigator.onLine and ignores a non-function', () => {
      config.update({ webSocketManagerConfig: { isNetworkOnline: 'yes' as unknown as () => boolean } });
      const onLine = jest.spyOn(window.navigator, 'onLine', 'get').mockReturnValue(false);
      expect(network.isNetworkOnline()()).toBe(false);
      onLine.mockReturnValue(true);
      expect(network.isNetworkOnline()()).toBe(true);
    });
  });

  describe('forwarding', () => {
    it('passes loggerConfig to the log manager and logs the update with the GlobalConfig prefix', () => {
      const info = jest.fn();
      config.update({ loggerConfig: { customizedLogger: { info } }, region: 'us-east-1' });
      expect(info).toHaveBeenCalledTimes(1);
      expect(String(info.mock.calls[0][0])).toContain('Global config updated');
      expect(String(info.mock.calls[0][0])).toContain('us-east-1');
    });

    it('does not warn on every call (upstream logs a receipts warning each time)', () => {
      const warn = jest.fn();
      config.update({ loggerConfig: { customizedLogger: { warn, info: jest.fn() } } });
      config.update({ region: 'us-east-1' });
      expect(warn).not.toHaveBeenCalled();
    });

    it('passes csmConfig to the csm service and keeps it', () => {
      config.update({ csmConfig: { widgetType: 'MyWidget' } });
      expect(csmService.getWidgetType()).toBe('MyWidget');
      });
  });

  describe('Node options', () => {
    class FakeSocket {}

    it('keeps an injected WebSocket constructor and forgets it on null', () => {
      config.update({ webSocketManagerConfig: { WebSocket: FakeSocket as never } });
      expect(network.configuredWebSocket()).toBe(FakeSocket);
      config.update({ region: 'eu-west-2' });
      expect(network.configuredWebSocket()).toBe(FakeSocket);
      config.update({ webSocketManagerConfig: { WebSocket: null as never } });
      expect(network.configuredWebSocket()).toBeUndefined();
    });

    it('refuses a WebSocket that is not a constructor, naming the field, and applies nothing of that call', () => {
      const bad = { region: 'ap-south-1', webSocketManagerConfig: { WebSocket: 'ws' } } as unknown as ChatGlobalConfig;
      expect(() => config.update(bad)).toThrow(IllegalArgumentException);
      expect(() => config.update(bad)).toThrow(/webSocketManagerConfig\.WebSocket must be a WebSocket constructor/);
      expect(config.settings().region).toBe('us-west-2');
    });

    it('keeps a voiceNoteConverter, refuses one that is not a function', () => {
      const converter = async (): Promise<Uint8Array> => new Uint8Array(0);
      config.update({ voiceNoteConverter: converter });
      expect(config.getVoiceNoteConverter()).toBe(converter);
      expect(() => config.update({ voiceNoteConverter: 42 } as unknown as ChatGlobalConfig)).toThrow(/voiceNoteConverter must be a function/);
      expect(config.getVoiceNoteConverter()).toBe(converter);
      config.update({ voiceNoteConverter: null });
      expect(config.getVoiceNoteConverter()).toBeNull();
    });
  });
});
