import { EntitySchema } from '@mikro-orm/core';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** `src/` under ts-node and Jest, `dist/src/` when built: the folder this file was loaded from. */
const sourceRoot = join(__dirname, '..');
const ext = __filename.endsWith('.ts') ? 'ts' : 'js';
const SCHEMA_FILE = new RegExp(`\\.schemas?\\.${ext}$`);

/**
 * Every module's `*.schema.ts` (or `*.schemas.ts`), found by name rather than imported: the
 * running service registers them per module (`MikroOrmModule.forFeature`), and only the MikroORM
 * CLI and the schema-drift check need all of them at once. Loaded with `require` so that Jest's
 * module system (which cannot run MikroORM's dynamic `import()` of a folder glob) loads them too.
 */
export function allEntitySchemas(): EntitySchema[] {
  const files = readdirSync(sourceRoot, { recursive: true, encoding: 'utf8' })
    .filter((file) => SCHEMA_FILE.test(file))
    .sort();
  return files.flatMap((file) =>
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    Object.values(require(join(sourceRoot, file)) as Record<string, unknown>).filter(
      (value): value is EntitySchema => value instanceof EntitySchema,
    ),
  );
}
