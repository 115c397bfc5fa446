import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { join } from 'node:path';
import { allEntitySchemas } from './entity-schemas';

/** The folder that holds the migrations: `dist/migrations` when built, `migrations/` under ts-node/Jest. */
const migrationsDir = join(__dirname, '..', '..', 'migrations');

/**
 * The options the service runs with: every module registers its own entities
 * (`MikroOrmModule.forFeature`), collected by `autoLoadEntities` in database.module.ts.
 */
export function ormOptions(clientUrl: string, poolSize = 20): Options {
  return defineConfig({
    clientUrl,
    extensions: [Migrator],
    // Short waits: when the database is down a request must fail fast (503), not hang for a minute.
    pool: { min: 0, max: poolSize, idleTimeoutMillis: 30000, acquireTimeoutMillis: 5000 },
    driverOptions: {
      connection: { application_name: 'payments-api', connectionTimeoutMillis: 3000 },
    },
    // A request-scoped or transaction-scoped context is always required: the global identity map
    // would leak entities between requests.
    allowGlobalContext: false,
    forceUtcTimezone: true,
    // The domain's constructors are its own: a field's initial value there is no column default.
    discovery: { inferDefaultValues: false },
    ignoreUndefinedInQuery: true,
    debug: false,
    migrations: {
      path: migrationsDir,
      pathTs: migrationsDir,
      glob: '!(*.d).{js,ts}',
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
      emit: 'ts',
      fileName: (timestamp: string, name?: string) =>
        `Migration${timestamp}${name ? `_${name}` : ''}`,
    },
    schemaGenerator: { disableForeignKeys: false },
  });
}

/** For the CLI, the migrator in tests and the schema-drift check: every module's schemas at once. */
export function standaloneOrmOptions(clientUrl: string, poolSize = 20): Options {
  return { ...ormOptions(clientUrl, poolSize), entities: allEntitySchemas() };
}
