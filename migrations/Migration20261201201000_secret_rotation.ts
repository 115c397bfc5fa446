import { Migration } from '@mikro-orm/migrations';

/** Issue 12, part 2: the previous secret signs too until its overlap ends. */
export class Migration20261201201000_secret_rotation extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "webhook_subscription" add column "previous_secret" varchar(200) null, add column "previous_secret_expires_at" timestamptz(3) null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "webhook_subscription" drop column "previous_secret", drop column "previous_secret_expires_at";`,
    );
  }
}
