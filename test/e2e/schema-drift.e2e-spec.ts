import { MikroORM } from '@mikro-orm/postgresql';
import { standaloneOrmOptions } from '../../src/database/orm-options';
import { createTestDatabase } from '../support/test-database';

/** MikroORM's own bookkeeping table: created by the migrator, never declared as an entity. */
const MIGRATIONS_TABLE = 'mikro_orm_migrations';

/** The generator's SQL as separate statements, without blank lines, comments, or the migrations table. */
function meaningfulStatements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\r?\n|$)/)
    .map((statement) =>
      statement
        .split(/\r?\n/)
        .filter((line) => line.trim() !== '' && !line.trim().startsWith('--'))
        .join('\n')
        .trim(),
    )
    .filter((statement) => statement !== '' && !statement.includes(MIGRATIONS_TABLE))
    .map((statement) => `${statement};`);
}

describe('Schema drift: the migrations produce exactly the schema the entities describe', () => {
  let orm: MikroORM;

  beforeAll(async () => {
    // A copy of the template database that the global setup migrated with every migration.
    orm = await MikroORM.init(standaloneOrmOptions(await createTestDatabase(), 2));
  });

  afterAll(async () => {
    await orm?.close(true);
  });

  it('has nothing to update, add or drop', async () => {
    const sql = await orm.getSchemaGenerator().getUpdateSchemaSQL({
      wrap: false,
      safe: false,
      dropTables: true,
    });
    const drift = meaningfulStatements(sql);
    if (drift.length > 0) {
      throw new Error(
        `The migrated database differs from the entities. Add a migration ` +
          `(npm run migration:create -- --name <what-changed>) or fix the entity. ` +
          `SQL that would bring the database in line with the entities:\n\n${drift.join('\n')}`,
      );
    }
    expect(drift).toEqual([]);
  });
});
