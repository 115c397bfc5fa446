// A migrated database of its own for a phase that fills millions of rows (a service start that
// runs no loop migrates it), dropped at the end unless BENCH_KEEP_SCRATCH_DB is set.
import { join } from 'node:path';
import pg from 'pg';
import { ctx } from './context.mjs';
import { serviceEnv, startService } from './service.mjs';
import { envFlag, log } from './util.mjs';

export async function scratchDatabase(phase, portOffset) {
  const dbName = `bench_${phase}_${ctx.run}`;
  await ctx.pool.query(`create database ${dbName}`);
  const url = new URL(ctx.dbUrl);
  url.pathname = `/${dbName}`;
  ctx.cleanups.push(async () => {
    if (envFlag('BENCH_KEEP_SCRATCH_DB') || envFlag('BENCH_KEEP_BACKLOG_DB')) return;
    await ctx.pool.query(`drop database if exists ${dbName} with (force)`).catch(() => undefined);
  });
  log(`${phase}: migrating the separate database ${dbName} (a service start with ROLE=api)`);
  const migrator = await startService({
    name: `${phase} migrator`,
    port: await ctx.portFor(portOffset),
    env: serviceEnv({ DATABASE_URL: url.toString(), ROLE: 'api' }),
    logFile: join(ctx.work, `service-${phase}-migrator.log`),
  });
  await migrator.stop();
  const pool = new pg.Pool({ connectionString: url.toString(), max: 4 });
  ctx.cleanups.push(() => pool.end());
  return { dbName, pool };
}

/** UUID v7 where PostgreSQL has it (≥ 18), so rows made together sit together in the indexes. */
export async function uuidFunction(pool) {
  const { rows } = await pool.query(
    `select exists (select 1 from pg_proc where proname = 'uuidv7') as v7`,
  );
  return rows[0].v7 ? 'uuidv7()' : 'gen_random_uuid()';
}
