import { Migration } from '@mikro-orm/migrations';

/** Issue 12: a manual retry is sent even while the subscription is paused or disabled. */
export class Migration20261201205000_manual_retry extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "webhook_delivery" add column "manual_retry" boolean not null default false;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "webhook_delivery" drop column "manual_retry";`);
  }
}
