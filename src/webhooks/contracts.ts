/** What other modules may know of webhooks, free of NestJS and of the ORM. */
export {
  RECORDED_EVENT_TYPES,
  SUBSCRIBABLE_EVENT_TYPES,
  SUBSCRIPTION_DISABLED,
  WEBHOOK_EVENT_TYPES,
  type WebhookEventType,
} from './domain/event-types';
/** The body of every delivery and of the events API; `data` of subscription.disabled is a SubscriptionView. */
export type { EventEnvelope } from './domain/event-envelope';
export type { SubscriptionView } from './domain/subscription';
