import { CsmService, MAX_BUFFERED_METRICS } from '../../../src/metrics/csmService';
import { CSM_AGENT_METRICS, CSM_API_METRICS, CSM_WEBSOCKET_METRICS } from '../../../src/metrics/csmNames';
import { LOG_LEVELS } from '../../../src/constants';
import { logManager } from '../../../src/log/logManager';
import type { CsmMetric } from '../../../src/types';

const dims = (metric: CsmMetric): string[] => metric.dimensions.map((d) => `${d.name}=${d.value}`);
const CONTENT = { name: 'ContentType', value: 'text/plain' };

describe('CsmService', () => {
  let csm: CsmService;
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2024-05-01T00:00:00Z') });
    csm = new CsmService();
  });
  afterEach(() => {
    // Each test has its own CsmService; the SDK logger a test set is undone as an app would.
    logManager.updateLoggerConfig({ useDefaultLogger: false, level: LOG_LEVELS.INFO });
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  describe('what is recorded', () => {
    it('latency: [WidgetType, Metric=Latency, Category, extra], in ms, namespace chat-widget', () => {
      csm.addLatencyMetric(CSM_API_METRICS.SEND_MESSAGE, 123, 'API', [CONTENT]);
      const [metric] = csm.getMetrics();
      expect(metric).toMatchObject({ metricName: 'SendMessage', unit: 'Milliseconds', value: 123, namespace: 'chat-widget' });
      expect(metric.timestamp).toBe(Date.parse('2024-05-01T00:00:00Z'));
      expect(dims(metric)).toEqual(['WidgetType=CustomChatWidget', 'Metric=Latency', 'Category=API', 'ContentType=text/plain']);
    });

    it('latency from a start time is the elapsed duration, not the epoch', () => {
      const start = Date.now();
      jest.advanceTimersByTime(250);
      csm.addLatencyMetricWithStartTime(CSM_WEBSOCKET_METRICS.INIT_WEBSOCKET, start, 'API');
      expect(csm.getMetrics()[0]).toMatchObject({ metricName: 'InitWebsocket', value: 250 });
    });

    it('refuses a latency that is an epoch timestamp or not a number', () => {
      csm.addLatencyMetric('GetTranscript', Date.now(), 'API');
      csm.addLatencyMetric('GetTranscript', Number.NaN, 'API');
      csm.addLatencyMetric('GetTranscript', -5, 'API');
      expect(csm.getMetrics()).toEqual([]);
    });

    it('count/error pair: [WidgetType, Category, extra, Metric=Count|Error] with Error 0 or 1', () => {
      csm.addCountAndErrorMetric(CSM_API_METRICS.SEND_EVENT, 'API', false, [CONTENT]);
      csm.addCountAndErrorMetric(CSM_API_METRICS.SEND_EVENT, 'API', true);
      const [count, error, count2, error2] = csm.getMetrics();
      expect(dims(count)).toEqual(['WidgetType=CustomChatWidget', 'Category=API', 'ContentType=text/plain', 'Metric=Count']);
      expect(dims(error)).toEqual(['WidgetType=CustomChatWidget', 'Category=API', 'ContentType=text/plain', 'Metric=Error']);
      expect([count.value, error.value, count2.value, error2.value]).toEqual([1, 0, 1, 1]);
      expect(count.unit).toBe('Count');
    });

    it('plain count: [WidgetType, Category, Metric=Count, extra]', () => {
      csm.addCountMetric(CSM_WEBSOCKET_METRICS.CONNECTION_GAINED, 'API', [{ name: 'Region', value: 'us-east-1' }]);
      const [metric] = csm.getMetrics();
      expect(metric.metricName).toBe('WebsocketConnectionGained');
      expect(dims(metric)).toEqual(['WidgetType=CustomChatWidget', 'Category=API', 'Metric=Count', 'Region=us-east-1']);
    });

    it('agent counts carry their value', () => {
      csm.addAgentCountMetric(CSM_AGENT_METRICS.AGENT_CREATE_PARTICIPANT_ERROR_RATE, 0);
      expect(csm.getMetrics()[0]).toMatchObject({ metricName: 'AGENT_CREATE_PARTICIPANT_ERROR_RATE', value: 0, unit: 'Count' });
    });

    it('names the authentication methods (upstream records them as "undefined")', () => {
      csm.addCountAndErrorMetric(CSM_API_METRICS.GET_AUTHENTICATION_URL, 'API', false);
      csm.addLatencyMetric(CSM_API_METRICS.CANCEL_PARTICIPANT_AUTHENTICATION, 10, 'API');
      expect(csm.getMetrics().map((m) => m.metricName)).toEqual([
        'GetAuthenticationUrl',
        'GetAuthenticationUrl',
        'CancelParticipantAuthentication',
      ]);
    });

    it('drops (and logs) metrics without a name instead of recording "undefined"', () => {
      const warn = jest.fn();
      logManager.updateLoggerConfig({ customizedLogger: { warn } });
      csm.addCountMetric(undefined as unknown as string, 'API');
      csm.addCountMetric('undefined', 'API');
      expect(csm.getMetrics()).toEqual([]);
      expect(warn).toHaveBeenCalledTimes(2);
    });

    it('uses csmConfig.widgetType as the first dimension', () => {
      csm.updateCsmConfig({ widgetType: 'MyWidget' });
      csm.addCountMetric('SendMessage', 'API');
      expect(csm.getMetrics()[0].dimensions[0]).toEqual({ name: 'WidgetType', value: 'MyWidget' });
    });

    it('keeps at most 10 dimensions, keeping the Metric dimension of a count/error pair', () => {
      const extra = Array.from({ length: 12 }, (_, i) => ({ name: `D${i}`, value: String(i) }));
      csm.addLatencyMetric('SendMessage', 1, 'API', extra);
      csm.addCountAndErrorMetric('SendMessage', 'API', false, extra);
      const [latency, count, error] = csm.getMetrics();
      expect(latency.dimensions).toHaveLength(10);
      expect(count.dimensions).toHaveLength(10);
      expect(count.dimensions[9]).toEqual({ name: 'Metric', value: 'Count' });
      expect(error.dimensions[9]).toEqual({ name: 'Metric', value: 'Error' });
    });

    it('keeps only the last 1000 metrics in memory', () => {
      for (let i = 0; i < MAX_BUFFERED_METRICS + 5; i += 1) csm.addLatencyMetric('SendMessage', i, 'API');
      const metrics = csm.getMetrics();
      expect(metrics).toHaveLength(MAX_BUFFERED_METRICS);
      expect(metrics[0].value).toBe(5);
    });

    it('records nothing when disabled', () => {
      csm.disable();
      csm.addCountMetric('SendMessage', 'API');
      expect(csm.getMetrics()).toEqual([]);
      expect(csm.isEnabled()).toBe(false);
    });
  });

  describe('publishing', () => {
    it('holds metrics until initializeCSM, then publishes what was queued', async () => {
      const publisher = jest.fn();
      csm.updateCsmConfig({ publisher, batchSize: 2 });
      csm.addCountMetric('A', 'API');
      csm.addCountMetric('B', 'API');
      expect(publisher).not.toHaveBeenCalled();
      csm.initializeCSM();
      expect(publisher).toHaveBeenCalledTimes(1);
      expect(publisher.mock.calls[0][0].map((m: CsmMetric) => m.metricName)).toEqual(['A', 'B']);
    });

    it('sends a batch as soon as batchSize metrics are queued (default 30)', () => {
      const publisher = jest.fn();
      csm.updateCsmConfig({ publisher });
      csm.initializeCSM();
      for (let i = 0; i < 29; i += 1) csm.addCountMetric('SendMessage', 'API');
      expect(publisher).not.toHaveBeenCalled();
      csm.addCountMetric('SendMessage', 'API');
      expect(publisher).toHaveBeenCalledTimes(1);
      expect(publisher.mock.calls[0][0]).toHaveLength(30);
    });

    it('flushes what is queued every flushIntervalMs, and the timer stops when nothing is queued', () => {
      const publisher = jest.fn();
      csm.updateCsmConfig({ publisher, flushIntervalMs: 1000 });
      csm.initializeCSM();
      expect(jest.getTimerCount()).toBe(0);
      csm.addCountMetric('SendMessage', 'API');
      expect(jest.getTimerCount()).toBe(1);
      jest.advanceTimersByTime(999);
      expect(publisher).not.toHaveBeenCalled();
      jest.advanceTimersByTime(1);
      expect(publisher).toHaveBeenCalledTimes(1);
      expect(jest.getTimerCount()).toBe(0);
      csm.addCountMetric('SendMessage', 'API');
      jest.advanceTimersByTime(1000);
      expect(publisher).toHaveBeenCalledTimes(2);
    });

    it('runs no timer without a publisher; metrics stay readable', () => {
      csm.initializeCSM();
      csm.addCountMetric('SendMessage', 'API');
      expect(jest.getTimerCount()).toBe(0);
      expect(csm.getMetrics()).toHaveLength(1);
    });

    it('a publisher configured later receives the backlog', async () => {
      csm.initializeCSM();
      csm.addCountMetric('Early', 'API');
      const publisher = jest.fn();
      csm.updateCsmConfig({ publisher });
      await csm.flush();
      expect(publisher.mock.calls[0][0][0].metricName).toBe('Early');
    });

    it('flush() sends everything in batches and waits for the publisher', async () => {
      const batches: number[] = [];
      let settle: () => void = () => undefined;
      const publisher = jest.fn((batch: CsmMetric[]) => {
        batches.push(batch.length);
        return new Promise<void>((resolve) => {
          settle = resolve;
        });
      });
      csm.updateCsmConfig({ publisher, batchSize: 4 });
      csm.addCountMetric('SendMessage', 'API');
      csm.addCountAndErrorMetric('SendMessage', 'API', false);
      csm.initializeCSM();
      let flushed = false;
      const done = csm.flush().then(() => {
        flushed = true;
      });
      await Promise.resolve();
      expect(batches).toEqual([3]);
      expect(flushed).toBe(false);
      settle();
      await done;
      expect(flushed).toBe(true);
    });

    it('logs a publisher that throws or rejects, and keeps going', async () => {
      const error = jest.fn();
      logManager.updateLoggerConfig({ customizedLogger: { error } });
      const publisher = jest
        .fn<void | Promise<void>, [CsmMetric[]]>()
        .mockImplementationOnce(() => {
          throw new Error('sync failure');
        })
        .mockImplementationOnce(() => Promise.reject(new Error('async failure')));
      csm.updateCsmConfig({ publisher, batchSize: 1 });
      csm.initializeCSM();
      csm.addCountMetric('One', 'API');
      csm.addCountMetric('Two', 'API');
      await csm.flush();
      await Promise.resolve();
      expect(error).toHaveBeenCalledTimes(2);
      expect(String(error.mock.calls[0][0])).toContain('sync failure');
      expect(String(error.mock.calls[1][0])).toContain('async failure');
      csm.addCountMetric('Three', 'API');
      expect(publisher).toHaveBeenCalledTimes(3);
    });

    it('disable() drops the queue and stops the timer', async () => {
      const publisher = jest.fn();
      csm.updateCsmConfig({ publisher });
      csm.initializeCSM();
      csm.addCountMetric('SendMessage', 'API');
      csm.disable();
      expect(jest.getTimerCount()).toBe(0);
      csm.setEnabled(true);
      await csm.flush();
      expect(publisher).not.toHaveBeenCalled();
    });

    it('falls back to the defaults for invalid batch settings', () => {
      const publisher = jest.fn();
      csm.updateCsmConfig({ publisher, batchSize: -1, flushIntervalMs: Number.NaN });
      csm.initializeCSM();
      for (let i = 0; i < 30; i += 1) csm.addCountMetric('SendMessage', 'API');
      expect(publisher).toHaveBeenCalledTimes(1);
    });
  });
});
