/** The typed TypeScript client of the Payments API (see clients/typescript/README.md). */
export * from './models';
export { PaymentsApiError } from './payments-api-error';
export { PaymentsClient, type PaymentsClientOptions } from './payments-client';
export type { RetryOptions } from './retry';
export { verifyWebhook, WebhookVerificationError, type WebhookHeaders } from './webhooks';
export type { components, operations, paths } from './openapi-types';
