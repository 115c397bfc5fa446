import { Migration } from '@mikro-orm/migrations';

/** Issue 12, part 3: a recovered delivery gets a fresh retry window. */
export class Migration20261201202000_delivery_recovery extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "webhook_delivery" add column "retry_window_from" timestamptz(3) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "webhook_delivery" drop column "retry_window_from";`);
  }
}
