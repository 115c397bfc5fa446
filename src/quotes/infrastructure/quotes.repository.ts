import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { untrackedEntity } from '../../shared/infrastructure/untracked-entity';
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

  /** Locked in id order until the transaction ends (`LOCK_QUOTES`); untracked, see `saveUsage`. */
  async lock(ids: readonly string[]): Promise<Quote[]> {
    const rows = await quotesSql.lockQuotes(this.em, ids);
    return rows.map((row) => untrackedEntity(this.em, Quote, row));
  }

  /** Writes the quotes' `usedAt` as `reserve` or `release` left it: one statement per value. */
  async saveUsage(quotes: readonly Quote[]): Promise<void> {
    const byUsedAt = new Map<number | null, Quote[]>();
    for (const quote of quotes) {
      const key = quote.usedAt?.getTime() ?? null;
      const group = byUsedAt.get(key);
      if (group) group.push(quote);
      else byUsedAt.set(key, [quote]);
    }
    for (const group of byUsedAt.values()) {
      await quotesSql.saveUsage(
        this.em,
        group[0].usedAt,
        group.map((quote) => quote.id),
      );
    }
  }
}
