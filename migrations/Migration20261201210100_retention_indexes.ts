import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 12, retention (ADR 0016): each retention delete finds its oldest rows through an index,
 * instead of scanning a table that grows by millions of rows.
 */
export class Migration20261201210100_retention_indexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "webhook_attempt_attempted_at_idx" on "webhook_attempt" ("attempted_at");`,
    );
    this.addSql(
      `create index "webhook_delivery_finished_idx" on "webhook_delivery" ("event_created_at") where "status" in ('DELIVERED', 'FAILED', 'CANCELLED');`,
    );
    this.addSql(
      `create index "outbox_event_published_idx" on "outbox_event" ("occurred_at") where "published_at" is not null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "outbox_event_published_idx";`);
    this.addSql(`drop index "webhook_delivery_finished_idx";`);
    this.addSql(`drop index "webhook_attempt_attempted_at_idx";`);
  }
}
