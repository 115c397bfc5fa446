import { Migration } from '@mikro-orm/migrations';

/** Issue 12, part 4: the outbox read as the events store (ADR 10), one index per filter. */
export class Migration20261201203000_events_store extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "outbox_event_account_id_idx" on "outbox_event" ("account_id", "id");`);
    this.addSql(`create index "outbox_event_account_type_idx" on "outbox_event" ("account_id", "type", "id");`);
    this.addSql(`create index "outbox_event_account_aggregate_idx" on "outbox_event" ("account_id", "aggregate_id", "id");`);
    this.addSql(`create index "outbox_event_account_occurred_idx" on "outbox_event" ("account_id", "occurred_at");`);
  }

  override async down(): Promise<void> {
    for (const name of ['id', 'type', 'aggregate', 'occurred'])
      this.addSql(`drop index if exists "outbox_event_account_${name}_idx";`);
  }
}
