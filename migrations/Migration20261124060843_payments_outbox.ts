import { Migration } from '@mikro-orm/migrations';

export class Migration20261124060843_payments_outbox extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "outbox_event" ("id" uuid not null, "type" varchar(64) not null, "aggregate_id" uuid not null, "account_id" uuid not null, "payload" jsonb not null, "occurred_at" timestamptz(3) not null, "published_at" timestamptz(3) null, "attempts" int not null default 0, "available_at" timestamptz(3) not null, "last_error" varchar(500) null, constraint "outbox_event_pkey" primary key ("id"));`);
    this.addSql(`create index "outbox_event_unpublished_idx" on "outbox_event" ("id") where "published_at" is null;`);

    this.addSql(`create table "payment" ("id" uuid not null, "account_id" uuid not null, "external_ref" varchar(64) not null, "quote_id" uuid not null, "status" varchar(16) not null, "amount_minor" bigint not null, "currency" char(3) not null, "country" char(2) not null, "fee_minor" bigint not null, "beneficiary" jsonb not null, "reference" varchar(140) null, "purpose" varchar(64) null, "metadata" jsonb not null, "failure_reason" varchar(500) null, "version" int not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, constraint "payment_pkey" primary key ("id"));`);
    this.addSql(`create index "payment_account_id_idx" on "payment" ("account_id", "id");`);
    this.addSql(`create index "payment_account_status_id_idx" on "payment" ("account_id", "status", "id");`);
    this.addSql(`alter table "payment" add constraint "payment_account_external_ref_unique" unique ("account_id", "external_ref");`);

    this.addSql(`create table "payout_job" ("payment_id" uuid not null, "account_id" uuid not null, "step" varchar(16) not null, "due_at" timestamptz(3) not null, constraint "payout_job_pkey" primary key ("payment_id"));`);
    this.addSql(`create index "payout_job_due_at_idx" on "payout_job" ("due_at");`);

  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "outbox_event" cascade;`);

    this.addSql(`drop table if exists "payment" cascade;`);

    this.addSql(`drop table if exists "payout_job" cascade;`);
  }

}
