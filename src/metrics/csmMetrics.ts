// Pure builders for client-side metrics: names, units and dimension order of chatjs-behavior §6.2.
// They never produce a metric named "undefined" or a latency that is really a timestamp: such input throws a
// ValueError, which the service logs and drops.

import { ValueError } from '../errors.js';
import type { CsmDimension, CsmMetric } from '../types.js';
import {
  CSM_DIMENSIONS,
  CSM_METRIC_KINDS,
  CSM_NAMESPACE,
  CSM_UNITS,
  MAX_DIMENSIONS,
} from './csmNames.js';

/** A latency above a day is not a latency (most likely an epoch timestamp passed by mistake). */
export const MAX_LATENCY_MS = 24 * 60 * 60 * 1000;


const dimension = (name: string, value: string): CsmDimension => ({ name, value });

/** The caller's extra dimensions, cleaned: each needs a name; values become strings. */
export function cleanDimensions(extra: readonly CsmDimension[] | undefined): CsmDimension[] {
  if (!Array.isArray(extra)) return [];
  return extra
    .filter((d): d is CsmDimension => !!d && typeof d.name === 'string' && d.name !== '')
    .map((d) => dimension(d.name, String(d.value)));
}

function checkedName(name: unknown): string {
  if (typeof name !== 'string' || name === '' || name === 'undefined') {
    throw new ValueError(`metric name must be a non-empty string, got ${String(name)}`);
  }
  return name;
}

function build(name: unknown, unit: string, value: number, dimensions: CsmDimension[], timestamp: number): CsmMetric {
  // Dimensions beyond the limit are dropped from the end, so WidgetType and the fixed ones always stay.
  const limited = dimensions.slice(0, MAX_DIMENSIONS);
  return Object.freeze({
    metricName: checkedName(name),
    unit,
    value,
    timestamp,
    dimensions: Object.freeze(limited) as CsmDimension[],
    namespace: CSM_NAMESPACE,
  });
}

/** Shared inputs of every builder. */
export interface MetricContext {
  widgetType: string;
  timestamp: number;
}

/** Latency in ms: dimensions `[WidgetType, Metric=Latency, Category, …extra]`. */
export function latencyMetric(
  ctx: MetricContext,
  name: unknown,
  latencyMs: number,
  category: string,
  extra: CsmDimension[],
): CsmMetric {
  if (typeof latencyMs !== 'number' || !Number.isFinite(latencyMs) || latencyMs < 0 || latencyMs > MAX_LATENCY_MS) {
    throw new ValueError(`latency of ${String(name)} must be a duration in ms, got ${String(latencyMs)}`);
  }
  return build(
    name,
    CSM_UNITS.MILLISECONDS,
    latencyMs,
    [
      dimension(CSM_DIMENSIONS.WIDGET_TYPE, ctx.widgetType),
      dimension(CSM_DIMENSIONS.METRIC, CSM_METRIC_KINDS.LATENCY),
      dimension(CSM_DIMENSIONS.CATEGORY, category),
      ...extra,
    ],
    ctx.timestamp,
  );
}

/** The Count (1) and Error (0/1) pair: dimensions `[WidgetType, Category, …extra, Metric=Count|Error]`. */
export function countAndErrorMetrics(
  ctx: MetricContext,
  name: unknown,
  category: string,
  isError: boolean,
  extra: CsmDimension[],
): [CsmMetric, CsmMetric] {
  const head = [dimension(CSM_DIMENSIONS.WIDGET_TYPE, ctx.widgetType), dimension(CSM_DIMENSIONS.CATEGORY, category), ...extra];
  // The Metric dimension is last here, so keep it inside the limit by trimming the extras instead.
  const fitted = head.slice(0, MAX_DIMENSIONS - 1);
  const count = [...fitted, dimension(CSM_DIMENSIONS.METRIC, CSM_METRIC_KINDS.COUNT)];
  const error = [...fitted, dimension(CSM_DIMENSIONS.METRIC, CSM_METRIC_KINDS.ERROR)];
  return [
    build(name, CSM_UNITS.COUNT, 1, count, ctx.timestamp),
    build(name, CSM_UNITS.COUNT, isError ? 1 : 0, error, ctx.timestamp),
  ];
}

/** A plain count of 1: dimensions `[WidgetType, Category, Metric=Count, …extra]`. */
export function countMetric(ctx: MetricContext, name: unknown, category: string, extra: CsmDimension[]): CsmMetric {
  return build(
    name,
    CSM_UNITS.COUNT,
    1,
    [
      dimension(CSM_DIMENSIONS.WIDGET_TYPE, ctx.widgetType),
      dimension(CSM_DIMENSIONS.CATEGORY, category),
      dimension(CSM_DIMENSIONS.METRIC, CSM_METRIC_KINDS.COUNT),
      ...extra,
    ],
    ctx.timestamp,
  );
}

/** An agent-flow count with its given value: dimensions `[WidgetType]`. */
export function agentCountMetric(ctx: MetricContext, name: unknown, count: number): CsmMetric {
  if (typeof count !== 'number' || !Number.isFinite(count)) {
    throw new ValueError(`count of ${String(name)} must be a number, got ${String(count)}`);
  }
  return build(name, CSM_UNITS.COUNT, count, [dimension(CSM_DIMENSIONS.WIDGET_TYPE, ctx.widgetType)], ctx.timestamp);
}
