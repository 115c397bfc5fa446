/**
 * The event types a subscription can ask for. The list is part of the public API (an unknown
 * type is a 400), so it lives here once and the DTO validation and the fan-out both read it.
 * `WEBHOOK_EVENT_TYPES` are the payment events, the default set of a subscription.
 */
export const WEBHOOK_EVENT_TYPES = [
  'payment.created',
  'payment.processing',
  'payment.paid',
  'payment.failed',
  'payment.cancelled',
] as const;

/** Operations events: only sent to subscriptions that name them, never part of the default set. */
export const SUBSCRIPTION_DISABLED = 'subscription.disabled';

/** Every type a subscription may name. */
export const SUBSCRIBABLE_EVENT_TYPES = [...WEBHOOK_EVENT_TYPES, SUBSCRIPTION_DISABLED] as const;

export type WebhookEventType = (typeof SUBSCRIBABLE_EVENT_TYPES)[number];

const KNOWN: ReadonlySet<string> = new Set(SUBSCRIBABLE_EVENT_TYPES);

export function isWebhookEventType(value: unknown): value is WebhookEventType {
  return typeof value === 'string' && KNOWN.has(value);
}

/** Every type the events store answers for. */
export const RECORDED_EVENT_TYPES: readonly string[] = SUBSCRIBABLE_EVENT_TYPES;
