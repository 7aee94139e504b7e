// Client-side metrics: a no-op until the session's metrics are wired to csmService.
import type { FeatureContext, MetricsFeature } from './types.js';

export function createMetrics(_context: FeatureContext): MetricsFeature {
  return { apiCall: () => undefined, websocket: () => undefined };
}
