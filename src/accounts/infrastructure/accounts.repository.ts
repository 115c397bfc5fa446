import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Account } from '../domain/account';

@Injectable()
export class AccountsRepository {
  constructor(private readonly em: EntityManager) {}

  async add(account: Account): Promise<void> {
    await this.em.persist(account).flush();
  }

  /** Inserts unless an account with the same key hash exists: safe when instances start together. */
  async addIfAbsent(account: Account): Promise<boolean> {
    const inserted = await this.em
      .createQueryBuilder(Account)
      .insert(account)
      .onConflict('apiKeyHash')
      .ignore()
      .execute<{ affectedRows: number }>('run');
    return inserted.affectedRows > 0;
  }

  async findIdByKeyHash(apiKeyHash: string): Promise<string | undefined> {
    const account = await this.em.findOne(Account, { apiKeyHash }, { fields: ['id'] });
    return account?.id;
  }
}
