import { type Constructor, EntitySchema } from '@mikro-orm/postgresql';
import { Delivery } from '../domain/delivery';

export const DeliverySchema = new EntitySchema<Delivery>({
  // The constructor is private: the ORM rebuilds stored deliveries from the prototype.
  class: Delivery as unknown as Constructor<Delivery>,
  tableName: 'webhook_delivery',
  properties: {
    id: { type: 'uuid', primary: true },
    subscriptionId: { type: 'uuid' },
    accountId: { type: 'uuid' },
    eventId: { type: 'uuid' },
    eventType: { type: 'string', length: 64 },
    // Only an attempt sends it (the claim reads it); the delivery log never shows it.
    body: { type: 'text', lazy: true },
    status: { type: 'string', length: 16 },
    attempts: { type: 'integer', default: 0 },
    nextAttemptAt: { type: 'Date', columnType: 'timestamptz(3)', nullable: true },
    lockedUntil: { type: 'Date', columnType: 'timestamptz(3)', nullable: true },
    leaseId: { type: 'uuid', nullable: true },
    lastStatusCode: { type: 'integer', nullable: true },
    lastError: { type: 'string', length: 500, nullable: true },
    eventCreatedAt: { type: 'Date', columnType: 'timestamptz(3)' },
    retryWindowFrom: { type: 'Date', columnType: 'timestamptz(3)', nullable: true },
    manualRetry: { type: 'boolean', default: false },
    createdAt: { type: 'Date', columnType: 'timestamptz(3)' },
    updatedAt: { type: 'Date', columnType: 'timestamptz(3)' },
    deliveredAt: { type: 'Date', columnType: 'timestamptz(3)', nullable: true },
  },
  // One delivery per event and subscription, however often the event is relayed.
  uniques: [
    {
      name: 'webhook_delivery_event_subscription_unique',
      properties: ['eventId', 'subscriptionId'],
    },
  ],
  indexes: [
    // The dispatcher's claim reads only due PENDING rows: finished deliveries cost it nothing.
    {
      name: 'webhook_delivery_due_idx',
      expression:
        'create index "webhook_delivery_due_idx" on "webhook_delivery" ("next_attempt_at") where "status" = \'PENDING\'',
    },
    { name: 'webhook_delivery_subscription_idx', properties: ['subscriptionId', 'id'] },
    // The claim counts each subscription's leases in flight (WEBHOOK_MAX_IN_FLIGHT_PER_SUBSCRIPTION).
    {
      name: 'webhook_delivery_in_flight_idx',
      expression:
        'create index "webhook_delivery_in_flight_idx" on "webhook_delivery" ("subscription_id", "locked_until") where "status" = \'PENDING\' and "lease_id" is not null',
    },
    // Retention (ADR 16) deletes finished deliveries oldest first, never a PENDING one.
    {
      name: 'webhook_delivery_finished_idx',
      expression:
        'create index "webhook_delivery_finished_idx" on "webhook_delivery" ("event_created_at") where "status" in (\'DELIVERED\', \'FAILED\', \'CANCELLED\')',
    },
  ],
});
