// `npm run bench`: builds, starts the service as a user would, runs the phases (bench/phases/, one
// file each) beside ceilings measured in the same run, judges the rows against bench/targets.mjs,
// prints the tables and writes bench/results/*.json. Not a test: it never runs in CI, and nothing
// asserts a time. See bench/README.md.
//   BENCH_PHASES=floor,get npm run bench       # some phases only (start-up always runs)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import pg from 'pg';
import { API_KEY, CPU_PROF_DIR, ctx, K } from './lib/context.mjs';
import { Api } from './lib/load.mjs';
import { printResults, writeResults } from './lib/report.mjs';
import { MAIN, ROOT, tail } from './lib/service.mjs';
import {
  busyCpuPercent,
  CpuMeter,
  envFlag,
  envNumber,
  log,
  median,
  now,
  round,
  RssSampler,
  sleep,
} from './lib/util.mjs';
import { backlog } from './phases/backlog.mjs';
import { batch } from './phases/batch.mjs';
import { create } from './phases/create.mjs';
import { floor } from './phases/floor.mjs';
import { get } from './phases/get.mjs';
import { latency } from './phases/latency.mjs';
import { quote } from './phases/quote.mjs';
import { retention } from './phases/retention.mjs';
import { soak } from './phases/soak.mjs';
import { startup } from './phases/startup.mjs';
import { webhooks } from './phases/webhooks.mjs';

/** In the order they run: later phases use the payments and quotes the earlier ones left. */
const PHASES = { floor, quote, create, batch, get, webhooks, latency, backlog, retention, soak };
const selected = (process.env.BENCH_PHASES || Object.keys(PHASES).join(','))
  .split(',')
  .map((p) => p.trim())
  .filter((p) => p && p !== 'none');
const unknown = selected.filter((p) => !(p in PHASES));
if (unknown.length) {
  console.error(
    `unknown BENCH_PHASES: ${unknown.join(', ')}; known: ${Object.keys(PHASES).join(', ')}`,
  );
  process.exit(2);
}
const results = ctx.results;
results.knobs.phases = selected;
results.knobs.databaseUrl = process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded';

function build() {
  if (envFlag('BENCH_SKIP_BUILD')) return;
  log('npm run build');
  const run = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (run.status !== 0) throw new Error('npm run build failed');
}

async function waitQuiet() {
  const quietWait = envNumber('BENCH_WAIT_QUIET_SECONDS', 0);
  if (quietWait <= 0) return;
  const t = now();
  let busy = await busyCpuPercent(1000);
  while (busy > 25 && now() - t < quietWait * 1000) busy = await busyCpuPercent(2000);
  log(
    `machine ${busy.toFixed(0)}% busy after waiting ${((now() - t) / 1000).toFixed(0)} s for it to quieten (BENCH_WAIT_QUIET_SECONDS)`,
  );
}

/** After start-up: the meters, a pool to the database, the demo account and the API client. */
async function connect() {
  ctx.cleanups.push(() => ctx.svc.stop());
  ctx.cpuMeter = new CpuMeter({ servicePid: ctx.svc.pid, postmasterPid: ctx.postmasterPid });
  ctx.rss = new RssSampler(ctx.svc.pid);
  ctx.cleanups.push(() => ctx.rss.stop());
  await sleep(500);
  ctx.F.rssIdleAfterStartMb = ctx.rss.samples.at(-1)?.mb;
  ctx.pool = new pg.Pool({
    connectionString: ctx.dbUrl,
    max: Math.max(K.connections, K.soakConnections) + 4,
  });
  ctx.cleanups.push(() => ctx.pool.end());
  const hash = createHash('sha256').update(API_KEY).digest('hex');
  const { rows: acct } = await ctx.pool.query('select id from account where api_key_hash = $1', [
    hash,
  ]);
  if (!acct.length) throw new Error('no demo account: is NODE_ENV production?');
  ctx.accountId = acct[0].id;
  const { rows: ver } = await ctx.pool.query('show server_version');
  results.machine.postgres = ver[0].server_version;
  ctx.api = new Api(ctx.svc.base, API_KEY, 64);
  ctx.cleanups.push(() => ctx.api.close());
}

async function runPhase(name) {
  const t = now();
  // What other processes take from this machine just before the phase (the service is idle).
  const busy = await busyCpuPercent(1000);
  (results.machineBusyBeforePhase ??= {})[name] = {
    cpuBusyPercent: round(busy, 0),
    loadAverage1m: round(loadavg()[0], 2),
  };
  if (busy > 25)
    results.notes.push(
      `before ${name}: ${busy.toFixed(0)}% of the CPU was busy with other processes; its figures are noisy`,
    );
  try {
    await PHASES[name]();
  } catch (error) {
    log(`phase ${name} FAILED: ${error.stack ?? error}`);
    results.notes.push(`phase ${name} failed: ${error.message}`);
    if (ctx.svc.exited)
      throw new Error(
        `service A exited: ${JSON.stringify(ctx.svc.exited)}\n${tail(ctx.svc.logFile)}`,
      );
  }
  (results.phaseSeconds ??= {})[name] = round((now() - t) / 1000, 1);
}

async function main() {
  const started = now();
  build();
  log(`built ${MAIN}; work dir ${ctx.work}`);
  await waitQuiet();
  if (CPU_PROF_DIR) mkdirSync(CPU_PROF_DIR, { recursive: true });
  await startup();
  await connect();
  for (const name of Object.keys(PHASES)) if (selected.includes(name)) await runPhase(name);
  const load = ctx.rss.samples.filter((s) => s.phase.startsWith('load:'));
  if (load.length) {
    const max = Math.max(...load.map((s) => s.mb));
    ctx.F.rssUnderLoadMb = { max, median: median(load.map((s) => s.mb)) };
    ctx.rows.push({
      key: 'rssLoad',
      label: 'RSS under load (max over load phases)',
      value: max,
      unit: 'MB',
      ceiling: ctx.F.rssIdleAfterStartMb,
      ceilingLabel: 'idle after start',
    });
  }
  results.totalSeconds = round((now() - started) / 1000, 1);
}

async function cleanup() {
  for (const fn of ctx.cleanups.reverse()) {
    try {
      await fn();
    } catch {
      // best effort
    }
  }
  if (!envFlag('BENCH_KEEP_DATA')) rmSync(ctx.work, { recursive: true, force: true });
}

// A reader that goes away (`npm run bench | head`) must not crash the run before its clean-up.
process.stdout.on('error', () => undefined);

let interrupted = false;
process.once('SIGINT', () => {
  interrupted = true;
  log('interrupted: stopping the services');
  void cleanup().then(() => process.exit(130));
});

try {
  await main();
} catch (error) {
  results.notes.push(`aborted: ${error.message}`);
  console.error(error);
  process.exitCode = 1;
} finally {
  if (!interrupted) {
    await cleanup();
    printResults(results, writeResults(results));
  }
}
