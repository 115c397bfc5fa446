import { EntitySchema } from '@mikro-orm/postgresql';
import { OutboxEvent } from './outbox-event';

export const OutboxEventSchema = new EntitySchema<OutboxEvent>({
  class: OutboxEvent,
  tableName: 'outbox_event',
  properties: {
    id: { type: 'uuid', primary: true },
    type: { type: 'string', length: 64 },
    aggregateId: { type: 'uuid' },
    accountId: { type: 'uuid' },
    payload: { type: 'json' },
    occurredAt: { type: 'Date', columnType: 'timestamptz(3)' },
    publishedAt: { type: 'Date', columnType: 'timestamptz(3)', nullable: true },
    attempts: { type: 'integer', default: 0 },
    availableAt: { type: 'Date', columnType: 'timestamptz(3)' },
    lastError: { type: 'string', length: 500, nullable: true },
  },
  // The relay's claim reads only unpublished rows, in id order: a partial index keeps that
  // query as fast with millions of published rows as with none.
  indexes: [
    {
      name: 'outbox_event_unpublished_idx',
      expression:
        'create index "outbox_event_unpublished_idx" on "outbox_event" ("id") where "published_at" is null',
    },
    // The events API (ADR 10): every filter starts with the account and has its own index.
    { name: 'outbox_event_account_id_idx', properties: ['accountId', 'id'] },
    { name: 'outbox_event_account_type_idx', properties: ['accountId', 'type', 'id'] },
    { name: 'outbox_event_account_aggregate_idx', properties: ['accountId', 'aggregateId', 'id'] },
    { name: 'outbox_event_account_occurred_idx', properties: ['accountId', 'occurredAt'] },
    // Retention (ADR 0016) deletes published events oldest first, never an unpublished one.
    {
      name: 'outbox_event_published_idx',
      expression:
        'create index "outbox_event_published_idx" on "outbox_event" ("occurred_at") where "published_at" is not null',
    },
  ],
});
