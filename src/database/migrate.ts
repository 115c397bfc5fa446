import type { MikroORM } from '@mikro-orm/postgresql';

/** An arbitrary constant: every instance of the service takes the same advisory lock. */
const MIGRATION_LOCK_KEY = 815_724_001;

/**
 * Applies pending migrations while holding a PostgreSQL advisory lock on one pinned connection, so
 * that instances starting together apply them once: the others wait, then find nothing pending.
 */
export async function migrateWithLock(orm: MikroORM): Promise<string[]> {
  const knex = orm.em.getConnection().getKnex();
  const applied: string[] = [];
  await knex.transaction(async (trx) => {
    await trx.raw('select pg_advisory_xact_lock(?)', [MIGRATION_LOCK_KEY]);
    const migrations = await orm.getMigrator().up();
    applied.push(...migrations.map((m) => m.name));
  });
  return applied;
}

export async function pendingMigrations(orm: MikroORM): Promise<string[]> {
  return (await orm.getMigrator().getPendingMigrations()).map((m) => m.name);
}
