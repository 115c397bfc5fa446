import { Migration } from '@mikro-orm/migrations';

export class Migration20261124061410_webhooks extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "webhook_attempt" ("id" uuid not null, "delivery_id" uuid not null, "attempted_at" timestamptz(3) not null, "status_code" int null, "duration_ms" int not null, "error" varchar(500) null, constraint "webhook_attempt_pkey" primary key ("id"));`);
    this.addSql(`create index "webhook_attempt_delivery_idx" on "webhook_attempt" ("delivery_id");`);

    this.addSql(`create table "webhook_delivery" ("id" uuid not null, "subscription_id" uuid not null, "account_id" uuid not null, "event_id" uuid not null, "event_type" varchar(64) not null, "body" text not null, "status" varchar(16) not null, "attempts" int not null default 0, "next_attempt_at" timestamptz(3) null, "locked_until" timestamptz(3) null, "lease_id" uuid null, "last_status_code" int null, "last_error" varchar(500) null, "event_created_at" timestamptz(3) not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "delivered_at" timestamptz(3) null, constraint "webhook_delivery_pkey" primary key ("id"));`);
    this.addSql(`create index "webhook_delivery_due_idx" on "webhook_delivery" ("next_attempt_at") where "status" = 'PENDING';`);
    this.addSql(`create index "webhook_delivery_subscription_idx" on "webhook_delivery" ("subscription_id", "id");`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_event_subscription_unique" unique ("event_id", "subscription_id");`);

    this.addSql(`create table "webhook_subscription" ("id" uuid not null, "account_id" uuid not null, "callback_url" varchar(2048) not null, "event_types" text[] not null, "secret" varchar(200) not null, "status" varchar(16) not null, "created_at" timestamptz(3) not null, "deleted_at" timestamptz(3) null, constraint "webhook_subscription_pkey" primary key ("id"));`);
    this.addSql(`create index "webhook_subscription_account_idx" on "webhook_subscription" ("account_id", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "webhook_attempt" cascade;`);

    this.addSql(`drop table if exists "webhook_delivery" cascade;`);

    this.addSql(`drop table if exists "webhook_subscription" cascade;`);
  }

}
