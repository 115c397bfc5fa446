// Fresh data dir → first 200 from /health/ready; ceiling: embedded PostgreSQL alone. Leaves
// instance A running (ctx.svc) for every later phase, and says which database it uses.
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { CPU_PROF_DIR, ctx } from '../lib/context.mjs';
import { embeddedDatabaseUrl, ROOT, serviceEnv, startService } from '../lib/service.mjs';
import { log, now } from '../lib/util.mjs';

const profileArgs = () => (CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`] : []);

async function postgresAloneMs() {
  const require = createRequire(import.meta.url);
  const { startEmbeddedPostgres } = require(
    join(ROOT, 'dist', 'src', 'database', 'embedded-postgres.js'),
  );
  const pgDir = join(ctx.work, 'pg-alone');
  const t = now();
  const alone = await startEmbeddedPostgres(pgDir);
  const ms = now() - t;
  await alone.stop();
  rmSync(pgDir, { recursive: true, force: true });
  return ms;
}

export async function startup() {
  const external = process.env.DATABASE_URL;
  log('start-up: embedded PostgreSQL alone (initdb + start) on a fresh directory');
  const pgAloneMs = await postgresAloneMs();

  const dataDir = join(ctx.work, 'data-a');
  log('start-up: the service on a fresh DATA_DIR');
  const port = await ctx.portFor(0);
  const fresh = await ctx.window('startup', () =>
    startService({
      name: 'service (fresh data dir)',
      port,
      env: serviceEnv({ DATA_DIR: dataDir, WEBHOOK_ALLOW_PRIVATE_URLS: 'true' }),
      logFile: join(ctx.work, 'service-a.log'),
      nodeArgs: external ? [] : profileArgs(),
    }),
  );
  ctx.F.startup = { readyMs: fresh.readyMs, embeddedPostgresAloneMs: pgAloneMs };
  log(`  ready in ${fresh.readyMs.toFixed(0)} ms (PostgreSQL alone: ${pgAloneMs.toFixed(0)} ms)`);
  ctx.rows.push({
    key: 'startup',
    label: 'start-up to ready, fresh data dir',
    value: fresh.readyMs,
    unit: 'ms',
    ceiling: pgAloneMs,
    ceilingLabel: 'embedded PG initdb+start alone',
    ratio: fresh.readyMs / pgAloneMs,
  });

  if (external) {
    await fresh.stop();
    ctx.svc = await startService({
      name: 'service A',
      port: await ctx.portFor(0),
      env: serviceEnv({ DATABASE_URL: external, WEBHOOK_ALLOW_PRIVATE_URLS: 'true' }),
      logFile: join(ctx.work, 'service-a.log'),
      nodeArgs: profileArgs(),
    });
    ctx.results.databaseUrl = external.replace(/:[^:@/]*@/, ':***@');
    ctx.dbUrl = external;
    return;
  }
  ctx.svc = fresh;
  const pidFile = readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8');
  ctx.postmasterPid = Number(pidFile.split('\n')[0]);
  ctx.dbUrl = embeddedDatabaseUrl(dataDir);
}
