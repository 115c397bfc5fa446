/**
 * The event types a subscription can ask for. The list is part of the public API (an unknown
 * type is a 400), so it lives here once and the DTO validation and the fan-out both read it.
 */
export const WEBHOOK_EVENT_TYPES = [
  'payment.created',
  'payment.processing',
  'payment.paid',
  'payment.failed',
  'payment.cancelled',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

const KNOWN: ReadonlySet<string> = new Set(WEBHOOK_EVENT_TYPES);

export function isWebhookEventType(value: unknown): value is WebhookEventType {
  return typeof value === 'string' && KNOWN.has(value);
}

/** Every type the events store answers for: the payment events (and, later, operations events). */
export const RECORDED_EVENT_TYPES: readonly string[] = [...WEBHOOK_EVENT_TYPES];
