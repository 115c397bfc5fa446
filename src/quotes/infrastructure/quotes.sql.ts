import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The Quotes module's raw SQL, only where a measurement put it here (ADR 18). Placeholders are
 * MikroORM's `?`. Both statements are on the create-payment path: `em.find` with a lock mode cost
 * about a seventh of a create payment's service CPU in the bench's profile, and the unit of work's
 * flush of the reservation about a tenth.
 */

/**
 * The quotes a batch of payments names, locked in id order so two batches naming the same quotes
 * never deadlock. The rows are mapped to `Quote`s by the ORM, untracked: `SAVE_QUOTE_USAGE` writes
 * what `Quote.reserve` and `Quote.release` decided.
 */
export const LOCK_QUOTES = `select * from quote where id in (?) order by id for update`;

/** The quotes' `usedAt` as their domain objects now hold it (one statement per value). */
export const SAVE_QUOTE_USAGE = `update quote set used_at = ? where id in (?)`;

export const quotesSql = {
  /** The quotes' rows by column name (for the ORM's mapping); none for an empty list. */
  lockQuotes(em: EntityManager, ids: readonly string[]): Promise<Record<string, unknown>[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return em.execute<Record<string, unknown>[]>(LOCK_QUOTES, [[...ids]]);
  },

  async saveUsage(em: EntityManager, usedAt: Date | null, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await em.execute(SAVE_QUOTE_USAGE, [usedAt, [...ids]], 'run');
  },
};
