import { Migration } from '@mikro-orm/migrations';

export class Migration20261124060335_quotes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "quote" ("id" uuid not null, "account_id" uuid not null, "currency" char(3) not null, "country" char(2) not null, "fee_minor" bigint not null, "expires_at" timestamptz(3) not null, "created_at" timestamptz(3) not null, "used_at" timestamptz(3) null, constraint "quote_pkey" primary key ("id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "quote" cascade;`);
  }

}
