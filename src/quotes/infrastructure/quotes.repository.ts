import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Quote } from '../domain/quote';
import { quotesSql } from './quotes.sql';

@Injectable()
export class QuotesRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * One insert statement, no unit of work: a new quote has nothing else to write with it, and a
   * flush (changeset, begin, insert, commit) costs three and a half times its CPU (issue 14).
   */
  async add(quote: Quote): Promise<void> {
    await this.em.insert(quote);
  }

  /** Locked in id order (`LOCK_QUOTES`), and managed: a reservation is flushed at commit. */
  async lock(ids: readonly string[]): Promise<Quote[]> {
    const rows = await quotesSql.lockQuotes(this.em, ids);
    return rows.map((row) => this.em.map(Quote, row));
  }

  /** A quote `lock` loaded in this transaction; its changes are written when the transaction commits. */
  locked(id: string): Quote {
    const quote = this.em.getUnitOfWork().getById<Quote>(Quote.name, id);
    if (!quote) throw new Error(`quote ${id} was not locked in this transaction`);
    return quote;
  }
}
