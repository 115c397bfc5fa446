import { Migration } from '@mikro-orm/migrations';

/** Issue 12, part 1: PAUSED / DISABLED subscriptions, their description, rate limit and updatedAt. */
export class Migration20261201200000_subscription_states extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "webhook_subscription" add column "disabled_reason" varchar(500) null, add column "description" varchar(256) null, add column "rate_limit_per_second" int null, add column "updated_at" timestamptz(3) null;`);
    this.addSql(`update "webhook_subscription" set "updated_at" = coalesce("deleted_at", "created_at");`);
    this.addSql(`alter table "webhook_subscription" alter column "updated_at" set not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "webhook_subscription" drop column "disabled_reason", drop column "description", drop column "rate_limit_per_second", drop column "updated_at";`);
  }
}
