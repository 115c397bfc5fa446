import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The Quotes module's raw SQL, only where a measurement put it here (ADR 18). Placeholders are
 * MikroORM's `?`.
 */

/**
 * The quotes a batch of payments names, locked in id order so two batches naming the same quotes
 * never deadlock. Raw because `em.find` with a lock mode cost about a seventh of a create
 * payment's service CPU in the bench's profile; the rows are still mapped by the ORM (`em.map`),
 * so a reservation is written by the unit of work at commit.
 */
export const LOCK_QUOTES = `select * from quote where id in (?) order by id for update`;

export const quotesSql = {
  /** The quotes' rows by column name (for `em.map`); none for an empty list. */
  lockQuotes(em: EntityManager, ids: readonly string[]): Promise<Record<string, unknown>[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return em.execute<Record<string, unknown>[]>(LOCK_QUOTES, [[...ids]]);
  },
};
