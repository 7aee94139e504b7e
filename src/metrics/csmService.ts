// Client-side metrics (`connect.ChatSession.csmService`). Keeps upstream's method names, but records correct
// names and durations and hands batches to a publisher the app configures. It runs no script, blob or worker
// and makes no request of its own, so it works under a strict CSP.
//
// Lifecycle: metrics recorded before `initializeCSM()` wait in the queue and are published from init on
// (upstream queues them until its library has loaded). A batch goes out when `batchSize` metrics are queued,
// and a timer flushes the rest every `flushIntervalMs`; it runs only while something is queued.

import { logManager } from '../log/logManager.js';
import { TimerGroup } from '../timing/timers.js';
import { nonEmptyString } from '../util/values.js';
import type { ChatCsmConfig, CsmDimension, CsmMetric } from '../types.js';
import {
  agentCountMetric,
  cleanDimensions,
  countAndErrorMetrics,
  countMetric,
  latencyMetric,
  type MetricContext,
} from './csmMetrics.js';
import { CSM_CATEGORY, DEFAULT_WIDGET_TYPE } from './csmNames.js';

/** Where metrics go and how they are batched. */
export type CsmPublisher = (metrics: CsmMetric[]) => void | Promise<void>;

interface ResolvedCsmConfig {
  widgetType: string;
  publisher: CsmPublisher | undefined;
  batchSize: number;
  flushIntervalMs: number;
}

export const CSM_DEFAULTS = Object.freeze({ widgetType: DEFAULT_WIDGET_TYPE, batchSize: 30, flushIntervalMs: 30_000 });

/** Metrics kept for `getMetrics()` and, separately, waiting for the publisher; the oldest are dropped beyond it. */
export const MAX_BUFFERED_METRICS = 1000;

export class CsmService {
  private config: ResolvedCsmConfig = defaultConfig();
  private enabled = true;
  private initialized = false;
  /** Waiting for the publisher. */
  private queue: CsmMetric[] = [];
  /** The last metrics recorded, whether or not published, for `getMetrics()`. */
  private recent: CsmMetric[] = [];
  /** Its one timer, 'flush'. */
  private readonly timers = new TimerGroup();
  private readonly log = logManager.getLogger({ prefix: 'ChatJS-csmService' });

  /** Starts publishing (once); metrics recorded before it are published now. */
  initializeCSM(): void {
    if (!this.enabled || this.initialized) return;
    this.initialized = true;
    this.log.info('Client-side metrics initialised', { widgetType: this.config.widgetType, publisher: !!this.config.publisher });
    this.publishFullBatches();
    this.armFlushTimer();
  }

  /** Applies the keys present in `csmConfig`; invalid numbers fall back to the defaults. */
  updateCsmConfig(csmConfig: ChatCsmConfig | null | undefined): void {
    if (!csmConfig || typeof csmConfig !== 'object') return;
    const next = { ...this.config };
    if ('widgetType' in csmConfig) next.widgetType = nonEmptyString(csmConfig.widgetType) ?? DEFAULT_WIDGET_TYPE;
    if ('publisher' in csmConfig) next.publisher = typeof csmConfig.publisher === 'function' ? csmConfig.publisher : undefined;
    if ('batchSize' in csmConfig) next.batchSize = positiveInteger(csmConfig.batchSize) ?? CSM_DEFAULTS.batchSize;
    if ('flushIntervalMs' in csmConfig) {
      next.flushIntervalMs = positiveInteger(csmConfig.flushIntervalMs) ?? CSM_DEFAULTS.flushIntervalMs;
    }
    const intervalChanged = next.flushIntervalMs !== this.config.flushIntervalMs;
    this.config = next;
    if (intervalChanged || !next.publisher) this.clearFlushTimer();
    this.publishFullBatches();
    this.armFlushTimer();
  }

  /** Records a latency of `timeDifference` ms. */
  addLatencyMetric(method: string, timeDifference: number, category: string, otherDimensions?: CsmDimension[]): void {
    this.recordSafely(method, (ctx) => [
      latencyMetric(ctx, method, timeDifference, categoryOrApi(category), cleanDimensions(otherDimensions)),
    ]);
  }

  /** Records the latency from `startTime` (epoch ms, e.g. `Date.now()` before the call) until now. */
  addLatencyMetricWithStartTime(method: string, startTime: number, category: string, otherDimensions?: CsmDimension[]): void {
    this.addLatencyMetric(method, Date.now() - startTime, category, otherDimensions);
  }

  /** Records a Count of 1 and an Error of 1 (failed) or 0 (succeeded). */
  addCountAndErrorMetric(method: string, category: string, error: boolean, otherDimensions?: CsmDimension[]): void {
    this.recordSafely(method, (ctx) =>
      countAndErrorMetrics(ctx, method, categoryOrApi(category), error === true, cleanDimensions(otherDimensions)),
    );
  }

  /** Records a Count of 1. */
  addCountMetric(method: string, category: string, otherDimensions?: CsmDimension[]): void {
    this.recordSafely(method, (ctx) => [countMetric(ctx, method, categoryOrApi(category), cleanDimensions(otherDimensions))]);
  }

  /** Records an agent-flow count (`CSM_AGENT_METRICS`) with the given value. */
  addAgentCountMetric(metricName: string, count: number): void {
    this.recordSafely(metricName, (ctx) => [agentCountMetric(ctx, metricName, count)]);
  }

  /** The last metrics recorded (at most 1000), oldest first. */
  getMetrics(): CsmMetric[] {
    return this.recent.slice(-MAX_BUFFERED_METRICS);
  }

  /** Hands everything queued to the publisher now; resolves when the publisher has settled. Never rejects. */
  async flush(): Promise<void> {
    this.clearFlushTimer();
    if (!this.canPublish()) return;
    const sends: Array<Promise<void>> = [];
    this.dropOverflow();
    while (this.queue.length > 0) sends.push(this.publish(this.queue.splice(0, this.config.batchSize)));
    await Promise.all(sends);
  }

  /** Turns recording on or off; off also drops what is queued (a session with `disableCSM`). */
  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    if (!enabled) {
      this.queue = [];
      this.clearFlushTimer();
    }
  }

  disable(): void {
    this.setEnabled(false);
  }

  isEnabled(): boolean {
    return this.enabled;
  }

  isInitialized(): boolean {
    return this.initialized;
  }

  /** The WidgetType dimension in use. */
  getWidgetType(): string {
    return this.config.widgetType;
  }

  /** 5.0.0's field names, read-only here. */
  get widgetType(): string {
    return this.config.widgetType;
  }
  get csmInitialized(): boolean {
    return this.initialized;
  }

  private recordSafely(name: unknown, build: (ctx: MetricContext) => CsmMetric[]): void {
    if (!this.enabled) return;
    try {
      const metrics = build({ widgetType: this.config.widgetType, timestamp: Date.now() });
      metrics.forEach((metric) => this.record(metric));
    } catch (e) {
      // A bad metric must never break the call it measures.
      this.log.warn('Metric dropped:', String(name), e);
    }
  }

  private record(metric: CsmMetric): void {
    this.recent = appendBounded(this.recent, metric);
    this.queue = appendBounded(this.queue, metric);
    this.publishFullBatches();
    this.armFlushTimer();
  }

  private canPublish(): boolean {
    return this.enabled && this.initialized && this.config.publisher !== undefined;
  }

  private publishFullBatches(): void {
    if (!this.canPublish()) return;
    this.dropOverflow();
    while (this.queue.length >= this.config.batchSize) void this.publish(this.queue.splice(0, this.config.batchSize));
  }

  /** A backlog (metrics recorded before a publisher could take them) keeps only the newest MAX_BUFFERED_METRICS. */
  private dropOverflow(): void {
    if (this.queue.length > MAX_BUFFERED_METRICS) this.queue.splice(0, this.queue.length - MAX_BUFFERED_METRICS);
  }

  /** Calls the publisher; a throw or a rejection is logged and the batch dropped. The promise never rejects. */
  private publish(batch: CsmMetric[]): Promise<void> {
    const publisher = this.config.publisher;
    if (!publisher || batch.length === 0) return Promise.resolve();
    const reportFailure = (e: unknown): void => {
      this.log.error(`csmConfig.publisher failed; ${batch.length} metrics dropped`, e);
    };
    try {
      return Promise.resolve(publisher(batch)).then(() => undefined, reportFailure);
    } catch (e) {
      reportFailure(e);
      return Promise.resolve();
    }
  }

  private armFlushTimer(): void {
    if (this.timers.has('flush') || this.queue.length === 0 || !this.canPublish()) return;
    // Metrics alone must not keep a Node process (tests, SSR) alive.
    this.timers.set('flush', this.config.flushIntervalMs, () => void this.flush(), { background: true });
  }

  private clearFlushTimer(): void {
    this.timers.clear('flush');
  }
}

function defaultConfig(): ResolvedCsmConfig {
  return { ...CSM_DEFAULTS, publisher: undefined };
}

/**
 * Appends, dropping the oldest beyond MAX_BUFFERED_METRICS. Trimming happens in one splice once the list
 * holds twice the bound, so recording stays O(1) per metric (it runs for every incoming websocket item);
 * readers take the newest MAX_BUFFERED_METRICS.
 */
function appendBounded(list: CsmMetric[], metric: CsmMetric): CsmMetric[] {
  list.push(metric);
  if (list.length >= 2 * MAX_BUFFERED_METRICS) list.splice(0, list.length - MAX_BUFFERED_METRICS);
  return list;
}

function categoryOrApi(category: unknown): string {
  return nonEmptyString(category) ?? CSM_CATEGORY.API;
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

/** The service the whole SDK records through (`connect.csmService`). */
export const csmService = new CsmService();
