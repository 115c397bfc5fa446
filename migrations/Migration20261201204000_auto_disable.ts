import { Migration } from '@mikro-orm/migrations';

/** Issue 12, part 5: auto-disable after WEBHOOK_DISABLE_AFTER_MS of nothing but failures. */
export class Migration20261201204000_auto_disable extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "webhook_subscription" add column "failing_since" timestamptz(3) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "webhook_subscription" drop column "failing_since";`);
  }
}
