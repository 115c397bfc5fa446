import { MikroORM } from '@mikro-orm/postgresql';
import { allEntitySchemas } from '../../src/database/entity-schemas';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The running service knows only the entities its modules register (`forFeature`); the CLI and
 * the schema-drift check find them by file name. Both must see the same tables.
 */
describe('Every schema file is registered by its module', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  it('the service maps exactly the tables the schema files declare', () => {
    const registered = Object.values(t.app.get(MikroORM).getMetadata().getAll())
      .filter((meta) => !meta.embeddable && !meta.virtual)
      .map((meta) => meta.tableName)
      .sort();
    const declared = allEntitySchemas()
      .map((schema) => schema.meta.tableName)
      .sort();
    expect(declared.length).toBeGreaterThan(0);
    expect(registered).toEqual(declared);
  });
});
