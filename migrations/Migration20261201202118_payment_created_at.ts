import { Migration } from '@mikro-orm/migrations';

export class Migration20261201202118_payment_created_at extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "payment_account_created_at_id_idx" on "payment" ("account_id", "created_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "payment_account_created_at_id_idx";`);
  }

}
