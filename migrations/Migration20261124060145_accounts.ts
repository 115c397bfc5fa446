import { Migration } from '@mikro-orm/migrations';

export class Migration20261124060145 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "account" ("id" uuid not null, "name" varchar(200) not null, "api_key_hash" varchar(64) not null, "created_at" timestamptz(3) not null, constraint "account_pkey" primary key ("id"));`);
    this.addSql(`alter table "account" add constraint "account_api_key_hash_unique" unique ("api_key_hash");`);
  }

}
