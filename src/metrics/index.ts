// Client-side metrics: the service, its builders' limits and the metric names.
export { CsmService, csmService, CSM_DEFAULTS, MAX_BUFFERED_METRICS, type CsmPublisher } from './csmService.js';
export { MAX_LATENCY_MS } from './csmMetrics.js';
export * from './csmNames.js';
