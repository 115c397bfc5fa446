import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 12, fairness and limits: the lease times of a subscription's last rate window (shared by
 * every instance's claim), and an index of the leases in flight, which the claim counts per
 * subscription against WEBHOOK_MAX_IN_FLIGHT_PER_SUBSCRIPTION.
 */
export class Migration20261201210000_delivery_fairness extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "webhook_subscription" add column "rate_recent" timestamptz[] null;`);
    this.addSql(
      `create index "webhook_delivery_in_flight_idx" on "webhook_delivery" ("subscription_id", "locked_until") where "status" = 'PENDING' and "lease_id" is not null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "webhook_delivery_in_flight_idx";`);
    this.addSql(`alter table "webhook_subscription" drop column "rate_recent";`);
  }
}
