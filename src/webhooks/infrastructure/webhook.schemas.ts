import { EntitySchema } from '@mikro-orm/postgresql';

export interface SubscriptionRecord {
  id: string;
  accountId: string;
  callbackUrl: string;
  eventTypes: string[];
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
  status: string;
  disabledReason: string | null;
  /** The first failed attempt since the last success (auto-disable), or null. */
  failingSince: Date | null;
  description: string | null;
  rateLimitPerSecond: number | null;
  /** Lease times within the last rate window, shared by every instance's claim (raw SQL only). */
  rateRecent: Date[] | null;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

export const SubscriptionSchema = new EntitySchema<SubscriptionRecord>({
  name: 'SubscriptionRecord',
  tableName: 'webhook_subscription',
  properties: {
    id: { type: 'uuid', primary: true },
    accountId: { type: 'uuid' },
    callbackUrl: { type: 'string', length: 2048 },
    eventTypes: { type: 'text[]' },
    secret: { type: 'string', length: 200 },
    // Kept like the current secret, only to sign during a rotation's overlap; never shown.
    previousSecret: { type: 'string', length: 200, nullable: true },
    previousSecretExpiresAt: { type: 'Date', columnType: 'timestamptz(3)', nullable: true },
    status: { type: 'string', length: 16 },
    disabledReason: { type: 'string', length: 500, nullable: true },
    failingSince: { type: 'Date', columnType: 'timestamptz(3)', nullable: true },
    description: { type: 'string', length: 256, nullable: true },
    rateLimitPerSecond: { type: 'integer', nullable: true },
    rateRecent: { type: 'unknown', columnType: 'timestamptz[]', nullable: true, lazy: true },
    createdAt: { type: 'Date', columnType: 'timestamptz(3)' },
    updatedAt: { type: 'Date', columnType: 'timestamptz(3)' },
    deletedAt: { type: 'Date', columnType: 'timestamptz(3)', nullable: true },
  },
  indexes: [{ name: 'webhook_subscription_account_idx', properties: ['accountId', 'id'] }],
});

export interface DeliveryRecord {
  id: string;
  subscriptionId: string;
  accountId: string;
  eventId: string;
  eventType: string;
  body: string;
  status: string;
  attempts: number;
  nextAttemptAt: Date | null;
  lockedUntil: Date | null;
  leaseId: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  eventCreatedAt: Date;
  /** Where the retry window starts when it is not the event's time (a recovered delivery). */
  retryWindowFrom: Date | null;
  /** The owner asked for this attempt (manual retry): it is sent whatever the subscription's status. */
  manualRetry: boolean;
  createdAt: Date;
  updatedAt: Date;
  deliveredAt: Date | null;
}

export const DeliverySchema = new EntitySchema<DeliveryRecord>({
  name: 'DeliveryRecord',
  tableName: 'webhook_delivery',
  properties: {
    id: { type: 'uuid', primary: true },
    subscriptionId: { type: 'uuid' },
    accountId: { type: 'uuid' },
    eventId: { type: 'uuid' },
    eventType: { type: 'string', length: 64 },
    body: { type: 'text' },
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

export interface AttemptRecord {
  id: string;
  deliveryId: string;
  attemptedAt: Date;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
}

export const AttemptSchema = new EntitySchema<AttemptRecord>({
  name: 'AttemptRecord',
  tableName: 'webhook_attempt',
  properties: {
    id: { type: 'uuid', primary: true },
    deliveryId: { type: 'uuid', index: 'webhook_attempt_delivery_idx' },
    attemptedAt: { type: 'Date', columnType: 'timestamptz(3)' },
    statusCode: { type: 'integer', nullable: true },
    durationMs: { type: 'integer' },
    error: { type: 'string', length: 500, nullable: true },
  },
  // Retention (ADR 16) deletes attempts oldest first.
  indexes: [{ name: 'webhook_attempt_attempted_at_idx', properties: ['attemptedAt'] }],
});
