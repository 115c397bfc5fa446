/**
 * Shared helpers of the Webhooks e2e and crash suites, one import for them all: the receiver,
 * Standard Webhooks verification, the subscription and delivery API calls, backoff and metrics
 * readers. Each lives in a module named after what it holds, re-exported here so that every
 * importer keeps `./webhook-fixtures`.
 */
export * from './webhook-receiver';
export * from './webhook-verify';
export * from './webhook-api';
export * from './webhook-backoff';
export { metricSample } from './metrics-text';
export { sleep } from './wait-for';
