import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { type AccountRecord, AccountSchema } from './account.schema';

@Injectable()
export class AccountsRepository {
  constructor(private readonly em: EntityManager) {}

  async insert(account: AccountRecord): Promise<void> {
    await this.em.insert(AccountSchema, account);
  }

  /** Inserts unless an account with the same key hash exists: safe when instances start together. */
  async insertIfAbsent(account: AccountRecord): Promise<boolean> {
    const rows = await this.em.execute(
      `insert into account (id, name, api_key_hash, created_at) values (?, ?, ?, ?)
       on conflict (api_key_hash) do nothing returning id`,
      [account.id, account.name, account.apiKeyHash, account.createdAt],
    );
    return rows.length > 0;
  }

  async findIdByKeyHash(apiKeyHash: string): Promise<string | undefined> {
    const [row] = await this.em.execute<{ id: string }[]>(
      'select id from account where api_key_hash = ?',
      [apiKeyHash],
    );
    return row?.id;
  }
}
