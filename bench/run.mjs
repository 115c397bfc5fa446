// `npm run bench`: builds, starts the service as a user would, measures every figure of issue 5
// beside a ceiling measured in the same run, prints the table and writes bench/results/*.json.
// Not a test: it never runs in CI, and nothing asserts a time. See bench/README.md.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { Api, cannon, pgLoop, summarize } from './lib/load.mjs';
import { startReceiver } from './lib/receiver.mjs';
import { embeddedDatabaseUrl, freePort, MAIN, ROOT, serviceEnv, startService, tail } from './lib/service.mjs';
import {
  CLAIM_DUE,
  insertQuotes,
  PAYMENT_COLUMNS,
  paymentItem,
  paymentTransaction,
} from './lib/sql.mjs';
import {
  busyCpuPercent,
  CpuMeter,
  envFlag,
  envNumber,
  log,
  median,
  now,
  percentile,
  renderTable,
  round,
  RssSampler,
  slope,
  sleep,
} from './lib/util.mjs';

// ---------------------------------------------------------------------------------------------
// Knobs (bench/README.md lists them all)
// ---------------------------------------------------------------------------------------------
const DURATION = envNumber('BENCH_DURATION', 10);
const K = {
  connections: envNumber('BENCH_CONNECTIONS', 16),
  quoteSeconds: envNumber('BENCH_QUOTE_SECONDS', DURATION),
  createSeconds: envNumber('BENCH_CREATE_SECONDS', 15),
  fixedSeconds: envNumber('BENCH_FIXED_RATE_SECONDS', 15),
  getSeconds: envNumber('BENCH_GET_SECONDS', DURATION),
  batchCount: envNumber('BENCH_BATCHES', 20),
  batchSingles: envNumber('BENCH_BATCH_SINGLES', 200),
  webhookSeconds: envNumber('BENCH_WEBHOOK_SECONDS', DURATION),
  webhookCeilingSeconds: envNumber('BENCH_WEBHOOK_CEILING_SECONDS', 5),
  webhookConcurrency: envNumber('BENCH_WEBHOOK_CONCURRENCY', 50),
  latencySeconds: envNumber('BENCH_LATENCY_SECONDS', 20),
  latencyRate: envNumber('BENCH_LATENCY_RATE', 200),
  latencyBatch: envNumber('BENCH_LATENCY_BATCH', 10),
  backlogDone: envNumber('BENCH_BACKLOG_DELIVERED', 1_000_000),
  backlogPending: envNumber('BENCH_BACKLOG_PENDING', 100_000),
  claimIterations: envNumber('BENCH_CLAIM_ITERATIONS', 50),
  soakSeconds: envNumber('BENCH_SOAK_SECONDS', 120),
  soakConnections: envNumber('BENCH_SOAK_CONNECTIONS', 8),
  quoteFactor: envNumber('BENCH_QUOTE_FACTOR', 0.7),
};
const ALL_PHASES = ['quote', 'create', 'batch', 'get', 'webhooks', 'latency', 'backlog', 'soak'];
const PHASES = new Set(
  (process.env.BENCH_PHASES || ALL_PHASES.join(',')).split(',').map((p) => p.trim()).filter(Boolean),
);
const CPU_PROF_DIR = process.env.BENCH_CPU_PROF || '';
const API_KEY = 'sk_test_demo';
const RUN = randomUUID().slice(0, 8);
const BASE_PORT = envNumber('BENCH_PORT', 0);
/** BENCH_PORT + offset when set, else a port the kernel says is free. */
const portFor = async (offset) => (BASE_PORT ? BASE_PORT + offset : freePort());

const results = {
  startedAt: new Date().toISOString(),
  run: RUN,
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGb: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  },
  git: gitInfo(),
  knobs: { ...K, phases: [...PHASES], databaseUrl: process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded', cpuProf: CPU_PROF_DIR || null },
  figures: {},
  rows: [],
  notes: [],
};
const F = results.figures;
const rows = results.rows;

function gitInfo() {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT }).toString().trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: ROOT }).toString().trim().split('\n').filter(Boolean).length;
    return { commit, dirtyFiles: dirty };
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Shared state
// ---------------------------------------------------------------------------------------------
const work = mkdtempSync(join(tmpdir(), 'payments-bench-'));
// Run as root, the embedded server runs as a `postgres` user that must reach its directory.
chmodSync(work, 0o755);
const cleanups = [];
let svc; // instance A: the one every phase measures
let pool; // pg pool to A's database
let api;
let accountId;
let rss;
const apiQuotes = []; // unused quotes made through the API
let refSeq = 0;
const nextRef = (prefix = 'b') => `${prefix}-${RUN}-${refSeq++}`;

/** Now on the clock `--cpu-prof` profiles use (CLOCK_MONOTONIC), in microseconds. */
const monoUs = () => Number(process.hrtime.bigint() / 1000n);
let cpuMeter; // CPU seconds of the service, its PostgreSQL and the bench (set after start-up)
/**
 * Records when a measured window ran (so bench/profile-summary.mjs can cut a profile to it) and
 * the CPU the service, PostgreSQL and the bench used meanwhile.
 */
async function window(name, fn) {
  const startUs = monoUs();
  const before = cpuMeter?.snapshot();
  try {
    return await fn();
  } finally {
    const w = ((results.windows ??= {})[name] = { startUs, endUs: monoUs() });
    if (before) w.cpu = CpuMeter.diff(before, cpuMeter.snapshot());
  }
}

/** CPU milliseconds per operation in a window, by process. */
function cpuPer(name, ops) {
  const cpu = results.windows?.[name]?.cpu;
  if (!cpu || !ops) return null;
  const per = (v) => (v === null ? null : round(v / ops, 3));
  return { serviceMs: per(cpu.serviceMs), postgresMs: per(cpu.postgresMs), benchMs: per(cpu.benchMs), ops };
}

async function topUpQuotes(needed) {
  const missing = Math.ceil(needed) - apiQuotes.length;
  if (missing <= 0) return;
  const t = now();
  apiQuotes.push(...(await api.quotes(missing, 16)));
  log(`  made ${missing} quotes through the API in ${((now() - t) / 1000).toFixed(1)} s`);
}

async function waitOutboxDrained(timeoutMs = 60_000) {
  const t = now();
  while (now() - t < timeoutMs) {
    const { rows: r } = await pool.query('select count(*)::int as n from outbox_event where published_at is null');
    if (r[0].n === 0) return (now() - t) / 1000;
    await sleep(100);
  }
  return null;
}

/** Waits until no delivery is waiting: a backlog left by an earlier phase would count as latency. */
async function waitDeliveriesDrained(timeoutMs = 60_000) {
  const t = now();
  while (now() - t < timeoutMs) {
    const { rows: r } = await pool.query(`select count(*)::int as n from webhook_delivery where status = 'PENDING'`);
    if (r[0].n === 0) return (now() - t) / 1000;
    await sleep(100);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Phases
// ---------------------------------------------------------------------------------------------

/** Fresh data dir → first 200 from /health/ready; ceiling: embedded PostgreSQL alone. */
async function phaseStartup() {
  log('start-up: embedded PostgreSQL alone (initdb + start) on a fresh directory');
  const require = createRequire(import.meta.url);
  const { startEmbeddedPostgres } = require(join(ROOT, 'dist', 'src', 'database', 'embedded-postgres.js'));
  const pgDir = join(work, 'pg-alone');
  let t = now();
  const alone = await startEmbeddedPostgres(pgDir);
  const pgAloneMs = now() - t;
  await alone.stop();
  rmSync(pgDir, { recursive: true, force: true });

  const dataDir = join(work, 'data-a');
  log('start-up: the service on a fresh DATA_DIR');
  const portA = await portFor(0);
  t = now();
  const fresh = await window('startup', () => startService({
    name: 'service (fresh data dir)',
    port: portA,
    env: serviceEnv({ DATA_DIR: dataDir, WEBHOOK_ALLOW_PRIVATE_URLS: 'true' }),
    logFile: join(work, 'service-a.log'),
    nodeArgs: CPU_PROF_DIR && !process.env.DATABASE_URL ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`] : [],
  }));
  F.startup = { readyMs: fresh.readyMs, embeddedPostgresAloneMs: pgAloneMs };
  log(`  ready in ${fresh.readyMs.toFixed(0)} ms (PostgreSQL alone: ${pgAloneMs.toFixed(0)} ms)`);
  rows.push({
    key: 'startup',
    label: 'start-up to ready, fresh data dir',
    value: fresh.readyMs,
    unit: 'ms',
    ceiling: pgAloneMs,
    ceilingLabel: 'embedded PG initdb+start alone',
    ratio: fresh.readyMs / pgAloneMs,
    target: '≤ 5000 ms',
    pass: fresh.readyMs <= 5000,
  });

  if (process.env.DATABASE_URL) {
    await fresh.stop();
    svc = await startService({
      name: 'service A',
      port: await portFor(0),
      env: serviceEnv({ DATABASE_URL: process.env.DATABASE_URL, WEBHOOK_ALLOW_PRIVATE_URLS: 'true' }),
      logFile: join(work, 'service-a.log'),
      nodeArgs: CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`] : [],
    });
    results.databaseUrl = process.env.DATABASE_URL.replace(/:[^:@/]*@/, ':***@');
    return process.env.DATABASE_URL;
  }
  svc = fresh;
  postmasterPid = Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  return embeddedDatabaseUrl(dataDir);
}

async function phaseQuote() {
  log(`create quote: SQL ceiling (single insert) at ${K.connections} connections for ${K.quoteSeconds} s`);
  const ceiling = await window('quote-ceiling', () => pgLoop(pool, {
    concurrency: K.connections,
    seconds: K.quoteSeconds,
    work: async (client) => {
      const t = new Date();
      await client.query(
        `insert into quote (id, account_id, currency, country, fee_minor, expires_at, created_at, used_at) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [uuidv7(), accountId, 'INR', 'IN', '2500', new Date(t.getTime() + 86_400_000), t, null],
      );
    },
  }));
  log(`create quote: service under autocannon, ${K.connections} connections for ${K.quoteSeconds} s`);
  rss.phase = 'load:quote';
  const run = await window('quote', () => cannon({
    url: svc.base,
    connections: K.connections,
    duration: K.quoteSeconds,
    headers: api.headers,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/payments/quote',
        body: JSON.stringify({ currency: 'INR', country: 'IN' }),
        onResponse: (status, body) => {
          if (status === 201) apiQuotes.push(JSON.parse(body).id);
        },
      },
    ],
  }));
  rss.phase = 'idle';
  const service = summarize(run);
  service.cpu = cpuPer('quote', service.ok);
  ceiling.cpu = cpuPer('quote-ceiling', ceiling.ok);
  F.createQuote = { service, ceiling };
  rows.push({
    key: 'createQuote',
    label: `create quote req/s (${K.connections} conns)`,
    value: service.rate,
    unit: '/s',
    ceiling: ceiling.rate,
    ceilingLabel: 'pg insert',
    ratio: service.rate / ceiling.rate,
  });
  rows.push({
    key: 'createQuoteLatency',
    label: 'create quote p50 / p99',
    value: `${service.p50} / ${service.p99} ms`,
    ceiling: `${round(ceiling.p50)} / ${round(ceiling.p99)} ms`,
  });
}

async function phaseCreate() {
  // Ceiling: the same transaction straight through pg, on quotes inserted by SQL.
  log('create payment: inserting quotes for the SQL ceiling');
  const sqlQuotes = await insertQuotes(pool, accountId, envNumber('BENCH_CEILING_QUOTES', 100_000));
  let q = 0;
  log(`create payment: SQL ceiling (lock quote, use it, insert payment + outbox, one transaction) at ${K.connections} connections for ${K.createSeconds} s`);
  const ceiling = await window('create-ceiling', () => pgLoop(pool, {
    concurrency: K.connections,
    seconds: K.createSeconds,
    work: async (client) => {
      if (q >= sqlQuotes.length) return false;
      await paymentTransaction(client, accountId, sqlQuotes[q++], nextRef('sql'));
    },
  }));
  if (q >= sqlQuotes.length) results.notes.push('the SQL ceiling ran out of quotes: raise BENCH_CEILING_QUOTES');
  log(`  ceiling ${ceiling.rate.toFixed(0)} tx/s, p50 ${ceiling.p50.toFixed(1)} ms, p99 ${ceiling.p99.toFixed(1)} ms`);
  await waitOutboxDrained();

  await topUpQuotes(ceiling.rate * K.createSeconds * K.quoteFactor);
  log(`create payment: service under autocannon, 1 item per request, ${K.connections} connections for ${K.createSeconds} s (${apiQuotes.length} quotes ready)`);
  const max = await window('create', () => createPaymentsRun({ seconds: K.createSeconds, phase: 'load:create' }));
  const drainSeconds = await waitOutboxDrained();
  log(`  service ${max.rate.toFixed(0)} req/s, p50 ${max.p50} ms, p99 ${max.p99} ms; outbox drained ${drainSeconds?.toFixed(1)} s after the run`);

  const halfRate = Math.max(1, Math.round(max.rate / 2));
  await topUpQuotes(halfRate * K.fixedSeconds * 1.1 + 50);
  log(`create payment: fixed rate ${halfRate} req/s (half the measured maximum) for ${K.fixedSeconds} s`);
  // Evenly paced, as a steady production load arrives (autocannon's overallRate sends bursts).
  const fixed = await window('create-fixed', () =>
    pacedCreates({ seconds: K.fixedSeconds, requestsPerSecond: halfRate, items: 1, prefix: 'fixed', phase: 'load:create-fixed' }),
  );
  await waitOutboxDrained();
  log(`  p50 ${fixed.p50} ms, p99 ${fixed.p99} ms at ${fixed.rate.toFixed(0)} req/s`);

  max.cpu = cpuPer('create', max.ok);
  ceiling.cpu = cpuPer('create-ceiling', ceiling.ok);
  fixed.cpu = cpuPer('create-fixed', fixed.ok);
  F.createPayment = { service: max, ceiling, fixedRate: { target: halfRate, ...fixed }, outboxDrainSecondsAfterRun: drainSeconds };
  rows.push({
    key: 'createPayment',
    label: `create payment req/s (1 item, ${K.connections} conns)`,
    value: max.rate,
    unit: '/s',
    ceiling: ceiling.rate,
    ceilingLabel: 'same SQL via pg',
    ratio: max.rate / ceiling.rate,
    target: '≥ 0.40×',
    pass: max.rate / ceiling.rate >= 0.4,
  });
  rows.push({
    key: 'createPaymentLatency',
    label: 'create payment p50 / p99 at max',
    value: `${max.p50} / ${max.p99} ms`,
    ceiling: `${round(ceiling.p50)} / ${round(ceiling.p99)} ms`,
  });
  rows.push({
    key: 'createPaymentFixedP99',
    label: `create payment p99 at ${halfRate}/s (half max)`,
    value: fixed.p99,
    unit: 'ms',
    ceiling: ceiling.p99,
    ceilingLabel: 'SQL p99 at max',
    target: '≤ 25 ms',
    pass: fixed.p99 <= 25,
  });
}

/** autocannon POST /payments, one fresh quote and externalRef per request. */
async function createPaymentsRun({ seconds, overallRate, phase, prefix = 'ac', items = 1 }) {
  const ref = {};
  let created = 0;
  let exhausted = false;
  rss.phase = phase;
  const run = await cannon(
    {
      url: svc.base,
      connections: K.connections,
      duration: seconds,
      overallRate,
      headers: api.headers,
      requests: [
        {
          method: 'POST',
          path: '/api/v1/payments',
          setupRequest: (req) => {
            if (apiQuotes.length < items) {
              if (!exhausted) {
                exhausted = true;
                setImmediate(() => ref.instance?.stop());
              }
              return { ...req, method: 'GET', path: '/bench-quotes-exhausted', body: undefined };
            }
            const payments = Array.from({ length: items }, () => paymentItem(apiQuotes.pop(), nextRef(prefix)));
            return { ...req, body: JSON.stringify({ payments }) };
          },
          onResponse: (status) => {
            if (status === 201) created += items;
          },
        },
      ],
    },
    ref,
  );
  rss.phase = 'idle';
  if (exhausted) results.notes.push(`${phase}: ran out of quotes after ${run.wallSeconds.toFixed(1)} s (raise BENCH_QUOTE_FACTOR)`);
  return { ...summarize(run, created), quotesExhausted: exhausted };
}

/**
 * Creates payments at an even pace (one request every 1/rate s), as events arrive in production.
 * autocannon's overallRate releases a second's worth of requests at once, which measures a burst.
 */
async function pacedCreates({ seconds, requestsPerSecond, items, prefix, phase }) {
  rss.phase = phase;
  const total = Math.round(seconds * requestsPerSecond);
  const start = now();
  const inflight = [];
  const times = [];
  let ok = 0;
  for (let i = 0; i < total && apiQuotes.length >= items; i++) {
    const payments = Array.from({ length: items }, () => paymentItem(apiQuotes.pop(), nextRef(prefix)));
    const t = now();
    inflight.push(
      api.call('POST', '/api/v1/payments', { payments }).then((res) => {
        times.push(now() - t);
        if (res.status === 201) ok += items;
      }),
    );
    const wait = start + ((i + 1) * 1000) / requestsPerSecond - now();
    if (wait > 0) await sleep(wait);
  }
  await Promise.all(inflight);
  rss.phase = 'idle';
  return { ok, rate: ok / ((now() - start) / 1000), p50: percentile(times, 50), p99: percentile(times, 99) };
}

async function phaseBatch() {
  const n100 = K.batchCount;
  const singlesPerBatch = Math.max(1, Math.round(K.batchSingles / n100));
  await topUpQuotes(n100 * 100 + n100 * singlesPerBatch + 5 + 100 + 10); // + the warm-up requests
  log(`batches: ${n100} requests of 100 payments vs ${n100 * singlesPerBatch} of 1, one at a time, interleaved`);
  const one = [];
  const hundred = [];
  const post = async (size) => {
    const items = Array.from({ length: size }, () => paymentItem(apiQuotes.pop(), nextRef('batch')));
    const t = now();
    const res = await api.call('POST', '/api/v1/payments', { payments: items });
    const ms = now() - t;
    if (res.status !== 201) throw new Error(`batch of ${size}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    return ms;
  };
  for (let i = 0; i < 5; i++) await post(1); // warm-up
  await post(100);
  rss.phase = 'load:batch';
  for (let i = 0; i < n100; i++) {
    hundred.push(await window(`batch100-${i}`, () => post(100)));
    for (let j = 0; j < singlesPerBatch; j++) one.push(await post(1));
  }
  rss.phase = 'idle';
  await waitOutboxDrained();
  const b100 = median(hundred);
  const b1 = median(one);
  F.batches = {
    batchOf100: { medianMs: b100, p90Ms: percentile(hundred, 90), perPaymentMs: b100 / 100, n: hundred.length },
    batchOf1: { medianMs: b1, p90Ms: percentile(one, 90), perPaymentMs: b1, n: one.length },
  };
  log(`  batch of 100: ${b100.toFixed(1)} ms (${(b100 / 100).toFixed(2)} ms/payment); batch of 1: ${b1.toFixed(1)} ms`);
  rows.push({
    key: 'batch100',
    label: 'batch of 100, time per batch (median)',
    value: b100,
    unit: 'ms',
    ceiling: b1,
    ceilingLabel: 'batch of 1',
    ratio: b100 / b1,
    target: '≤ 5×',
    pass: b100 / b1 <= 5,
  });
  rows.push({
    key: 'batch100PerPayment',
    label: 'batch of 100, time per payment',
    value: b100 / 100,
    unit: 'ms',
    ceiling: b1,
    ceilingLabel: 'batch of 1',
    ratio: b100 / 100 / b1,
  });
}

async function phaseGet() {
  let { rows: ids } = await pool.query('select id from payment where account_id = $1 order by id desc limit 20000', [accountId]);
  if (ids.length < 100) {
    await topUpQuotes(1000);
    for (let i = 0; i < 10; i++) {
      await api.expect(201, 'POST', '/api/v1/payments', {
        payments: Array.from({ length: 100 }, () => paymentItem(apiQuotes.pop(), nextRef('get'))),
      });
    }
    ({ rows: ids } = await pool.query('select id from payment where account_id = $1 order by id desc limit 20000', [accountId]));
  }
  const list = ids.map((r) => r.id);
  let i = 0;
  log(`get payment: raw pg select by id at ${K.connections} connections for ${K.getSeconds} s`);
  const ceiling = await window('get-ceiling', () => pgLoop(pool, {
    concurrency: K.connections,
    seconds: K.getSeconds,
    work: async (client) => {
      const { rows: r } = await client.query(`select ${PAYMENT_COLUMNS} from payment where id = $1 and account_id = $2`, [list[i++ % list.length], accountId]);
      if (r.length !== 1) throw new Error('payment not found');
    },
  }));
  log(`get payment: service under autocannon at ${K.connections} connections for ${K.getSeconds} s`);
  rss.phase = 'load:get';
  let j = 0;
  const run = await window('get', () => cannon({
    url: svc.base,
    connections: K.connections,
    duration: K.getSeconds,
    headers: { authorization: api.headers.authorization },
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/v1/payments/${list[j++ % list.length]}` }) }],
  }));
  rss.phase = 'idle';
  const service = summarize(run);
  service.cpu = cpuPer('get', service.ok);
  ceiling.cpu = cpuPer('get-ceiling', ceiling.ok);
  // The framework's own floor: a public route with no database (still the global middleware,
  // logger, metrics and guards), to tell framework cost from the payment read's.
  const floorSeconds = envNumber('BENCH_FLOOR_SECONDS', 5);
  let floor = null;
  if (floorSeconds > 0) {
    const floorRun = await window('floor', () => cannon({ url: `${svc.base}/health/live`, connections: K.connections, duration: floorSeconds }));
    floor = summarize(floorRun);
    floor.cpu = cpuPer('floor', floor.ok);
  }
  F.getPayment = { service, ceiling, frameworkFloor: floor };
  log(`  service ${service.rate.toFixed(0)} req/s vs pg ${ceiling.rate.toFixed(0)} /s`);
  rows.push({
    key: 'getPayment',
    label: `get payment req/s (${K.connections} conns)`,
    value: service.rate,
    unit: '/s',
    ceiling: ceiling.rate,
    ceilingLabel: 'pg select by id',
    ratio: service.rate / ceiling.rate,
    target: '≥ 0.50×',
    pass: service.rate / ceiling.rate >= 0.5,
  });
  if (floor) {
    rows.push({
      key: 'frameworkFloor',
      label: 'framework floor: GET /health/live req/s',
      value: floor.rate,
      unit: '/s',
      ceiling: ceiling.rate,
      ceilingLabel: 'pg select by id',
      ratio: floor.rate / ceiling.rate,
    });
  }
  rows.push({
    key: 'getPaymentLatency',
    label: 'get payment p50 / p99',
    value: `${service.p50} / ${service.p99} ms`,
    ceiling: `${round(ceiling.p50)} / ${round(ceiling.p99)} ms`,
  });
}

// --- webhooks ---------------------------------------------------------------------------------
let receiver;
let subscriptionId;
let envelopeBody;

async function ensureSubscription() {
  if (subscriptionId) return;
  receiver = await startReceiver();
  cleanups.push(() => receiver.close());
  const sub = await api.expect(201, 'POST', '/api/v1/payments/subscribe', { callbackUrl: receiver.url });
  subscriptionId = sub.id;
  // A real envelope (the body every delivery of a payment.created event carries).
  await topUpQuotes(1);
  const created = await api.expect(201, 'POST', '/api/v1/payments', { payments: [paymentItem(apiQuotes.pop(), nextRef('env'))] });
  const payment = created.results[0].payment;
  envelopeBody = JSON.stringify({ id: uuidv7(), type: 'payment.created', createdAt: payment.createdAt, accountId, data: payment });
  await waitOutboxDrained();
  await sleep(1000);
}

/** Inserts `count` due deliveries and measures how fast the running instance(s) deliver them. */
async function measureDeliveries(label, count) {
  receiver.state.reset();
  receiver.state.latencyPrefix = null;
  const { rows: clock } = await pool.query('select now() as t');
  await pool.query(
    `insert into webhook_delivery (id, subscription_id, account_id, event_id, event_type, body, status, attempts, next_attempt_at, event_created_at, created_at, updated_at)
     select gen_random_uuid(), $1, $2, gen_random_uuid(), 'payment.created', $3, 'PENDING', 0, now(), now(), now(), now()
     from generate_series(1, $4)`,
    [subscriptionId, accountId, envelopeBody, count],
  );
  const window = K.webhookSeconds * 1000;
  const t0 = now();
  while (now() - t0 < window + 15_000) {
    const s = receiver.state;
    if (s.count >= count) break;
    if (s.first !== null && now() - s.first >= window) break;
    await sleep(50);
  }
  const s = receiver.state;
  const first = s.first ?? t0;
  const inWindow = s.times.filter((t) => t - first <= window);
  const spanMs = s.count >= count ? s.last - first : window;
  const rate = spanMs > 0 ? (inWindow.length - 1) / (spanMs / 1000) : 0;
  await pool.query(`update webhook_delivery set status = 'CANCELLED', next_attempt_at = null where subscription_id = $1 and status = 'PENDING'`, [subscriptionId]);
  await sleep(2000);
  const { rows: statuses } = await pool.query(
    `select status, count(*)::int as n from webhook_delivery where subscription_id = $1 and created_at >= $2 group by status`,
    [subscriptionId, clock[0].t],
  );
  // Idle gaps at the receiver (> 10 ms without a delivery): the dispatcher between two passes.
  const gaps = [];
  for (let i = 1; i < inWindow.length; i++) if (inWindow[i] - inWindow[i - 1] > 10) gaps.push(inWindow[i] - inWindow[i - 1]);
  const figure = {
    inserted: count,
    idleGaps: {
      count: gaps.length,
      medianMs: round(median(gaps)),
      p90Ms: round(percentile(gaps, 90)),
      maxMs: round(percentile(gaps, 100)),
      shareOfWindow: round(gaps.reduce((a, b) => a + b, 0) / spanMs, 3),
    },
    // Receipts per 250 ms from the first one: bursts and stalls of the dispatcher at a glance.
    timeline: inWindow.reduce((acc, t) => {
      const i = Math.floor((t - first) / 250);
      acc[i] = (acc[i] ?? 0) + 1;
      return acc;
    }, []).map((n) => n ?? 0),
    received: s.count,
    duplicates: s.duplicates,
    firstReceiptAfterMs: s.first === null ? null : s.first - t0,
    windowSeconds: spanMs / 1000,
    rate,
    statuses: Object.fromEntries(statuses.map((r) => [r.status, r.n])),
  };
  await pool.query(`delete from webhook_delivery where subscription_id = $1 and status = 'CANCELLED'`, [subscriptionId]);
  log(`  ${label}: ${rate.toFixed(0)} deliveries/s (${s.count} received, first after ${figure.firstReceiptAfterMs?.toFixed(0)} ms; ${gaps.length} idle gaps > 10 ms, median ${figure.idleGaps.medianMs} ms, ${(100 * figure.idleGaps.shareOfWindow).toFixed(0)}% of the time)`);
  return figure;
}

async function receiverCeiling() {
  const args = JSON.stringify({
    url: receiver.url,
    concurrency: K.webhookConcurrency,
    seconds: K.webhookCeilingSeconds,
    body: envelopeBody,
    headers: { 'content-type': 'application/json', 'user-agent': 'payments-api-webhooks/1.0', 'webhook-timestamp': '0', 'webhook-signature': 'v1,x' },
  });
  receiver.state.reset();
  const child = spawn(process.execPath, [join(ROOT, 'bench', 'lib', 'flood-child.mjs'), args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  await new Promise((resolve) => child.once('exit', resolve));
  const r = JSON.parse(out);
  return { rate: r.count / r.seconds, ...r };
}

async function phaseWebhooks() {
  await ensureSubscription();
  log(`webhooks: receiver ceiling (undici, ${K.webhookConcurrency} connections, another process) for ${K.webhookCeilingSeconds} s`);
  const ceiling = await receiverCeiling();
  log(`  receiver takes ${ceiling.rate.toFixed(0)} POST/s`);
  const perInstance = Math.ceil(envNumber('BENCH_WEBHOOK_EXPECTED_RATE', 3000) * K.webhookSeconds);
  log(`webhooks: ${perInstance} due deliveries, one instance`);
  rss.phase = 'load:webhooks';
  const one = await window('webhooks-one', () => measureDeliveries('one instance', perInstance));
  rss.phase = 'idle';

  log('webhooks: starting a second instance on the same database');
  const b = await startService({
    name: 'service B',
    port: await portFor(1),
    env: serviceEnv({ DATABASE_URL: dbUrl, WEBHOOK_ALLOW_PRIVATE_URLS: 'true' }),
    logFile: join(work, 'service-b.log'),
  });
  cleanups.push(() => b.stop());
  F.startupExistingDatabaseMs = b.readyMs;
  log(`  second instance ready in ${b.readyMs.toFixed(0)} ms`);
  await sleep(1000);
  const two = await window('webhooks-two', () => measureDeliveries('two instances', perInstance * 2));
  await b.stop();

  one.cpu = cpuPer('webhooks-one', one.received);
  two.cpu = cpuPer('webhooks-two', two.received); // instance A only
  F.webhooks = { ceiling, oneInstance: one, twoInstances: two };
  rows.push({
    key: 'deliveriesOne',
    label: 'webhook deliveries/s, one instance',
    value: one.rate,
    unit: '/s',
    ceiling: ceiling.rate,
    ceilingLabel: 'receiver, plain undici',
    ratio: one.rate / ceiling.rate,
    target: '≥ 2000/s',
    pass: one.rate >= 2000,
  });
  rows.push({
    key: 'deliveriesTwo',
    label: 'webhook deliveries/s, two instances',
    value: two.rate,
    unit: '/s',
    ceiling: one.rate,
    ceilingLabel: 'one instance',
    ratio: two.rate / one.rate,
    target: '≥ 1.7×',
    pass: two.rate / one.rate >= 1.7,
  });
}

/**
 * Diagnostic: how fast the outbox relay (claim, fan-out per event in a savepoint, mark published)
 * and then the dispatcher drain a burst of committed events for one subscription.
 */
async function relayThroughput() {
  const n = envNumber('BENCH_RELAY_EVENTS', 2000);
  if (n <= 0) return null;
  receiver.state.reset();
  const payload = JSON.parse(envelopeBody).data;
  const t0 = now();
  await window('relay', async () => {
    await pool.query(
      `insert into outbox_event (id, type, aggregate_id, account_id, payload, occurred_at, available_at)
       select gen_random_uuid(), 'payment.created', gen_random_uuid(), $1, $2::jsonb, now(), now() from generate_series(1, $3)`,
      [accountId, JSON.stringify(payload), n],
    );
    await waitOutboxDrained(120_000);
  });
  const relaySeconds = (now() - t0) / 1000;
  while (receiver.state.count < n && now() - t0 < 120_000) await sleep(50);
  const deliveredSeconds = (now() - t0) / 1000;
  const figure = {
    events: n,
    relayEventsPerSecond: n / relaySeconds,
    relaySeconds,
    deliveredAllSeconds: deliveredSeconds,
    received: receiver.state.count,
    cpuPerEvent: cpuPer('relay', n),
  };
  log(`  outbox relay: ${n} events published in ${relaySeconds.toFixed(1)} s (${figure.relayEventsPerSecond.toFixed(0)}/s, includes up to one ${'500'} ms poll), all delivered after ${deliveredSeconds.toFixed(1)} s`);
  return figure;
}

async function phaseLatency() {
  await ensureSubscription();
  log('webhooks: outbox relay throughput on a burst of committed events (diagnostic)');
  F.relay = await relayThroughput();
  if (F.relay) {
    rows.push({
      key: 'relay',
      label: 'outbox relay events/s (burst, 1 subscription)',
      value: F.relay.relayEventsPerSecond,
      unit: '/s',
      ceiling: F.createPayment?.ceiling.rate ?? null,
      ceilingLabel: 'create-payment SQL tx/s',
      ratio: F.createPayment ? F.relay.relayEventsPerSecond / F.createPayment.ceiling.rate : null,
    });
  }
  const rate = K.latencyRate;
  const items = Math.max(1, K.latencyBatch);
  await topUpQuotes(rate * K.latencySeconds * 1.2 + 200 + items);
  await waitOutboxDrained();
  await waitDeliveriesDrained();
  const prefix = `lat-${RUN}-`;
  receiver.state.reset();
  receiver.state.latencyPrefix = prefix;
  log(`webhooks: commit-to-receipt latency, ${rate} events/s (${rate / items} creates/s of ${items} items) for ${K.latencySeconds} s`);
  const sent = await window('latency', () =>
    pacedCreates({ seconds: K.latencySeconds, requestsPerSecond: rate / items, phase: 'load:latency', prefix: prefix.slice(0, -1), items }),
  );
  const t = now();
  while (receiver.state.latencies.length < sent.ok && now() - t < 15_000) await sleep(100);
  const lat = receiver.state.latencies;
  receiver.state.latencyPrefix = null;
  const figure = {
    cpuPerEvent: cpuPer('latency', sent.ok),
    itemsPerRequest: items,
    eventsPerSecond: sent.rate,
    created: sent.ok,
    received: lat.length,
    p50: percentile(lat, 50),
    p90: percentile(lat, 90),
    p99: percentile(lat, 99),
    max: percentile(lat, 100),
    createP99: sent.p99,
  };
  F.webhookLatency = figure;
  log(`  p50 ${figure.p50} ms, p99 ${figure.p99} ms (${lat.length}/${sent.ok} received)`);
  rows.push({
    key: 'latencyP50',
    label: `commit-to-receipt p50 at ${rate} events/s`,
    value: figure.p50,
    unit: 'ms',
    target: '≤ 50 ms',
    pass: figure.p50 <= 50,
  });
  rows.push({
    key: 'latencyP99',
    label: `commit-to-receipt p99 at ${rate} events/s`,
    value: figure.p99,
    unit: 'ms',
    target: '≤ 250 ms',
    pass: figure.p99 <= 250 && lat.length >= sent.ok,
  });
}

// --- backlog ----------------------------------------------------------------------------------
async function phaseBacklog() {
  const dbName = `bench_backlog_${RUN}`;
  await pool.query(`create database ${dbName}`);
  const url = new URL(dbUrl);
  url.pathname = `/${dbName}`;
  const backlogUrl = url.toString();
  cleanups.push(async () => {
    if (envFlag('BENCH_KEEP_BACKLOG_DB')) return;
    await pool.query(`drop database if exists ${dbName} with (force)`).catch(() => undefined);
  });
  log(`backlog: migrating the separate database ${dbName} (a service start with SCHEDULERS=false)`);
  const migrator = await startService({
    name: 'migrator',
    port: await portFor(2),
    env: serviceEnv({ DATABASE_URL: backlogUrl, SCHEDULERS: 'false' }),
    logFile: join(work, 'service-migrator.log'),
  });
  await migrator.stop();
  const bpool = new pg.Pool({ connectionString: backlogUrl, max: 2 });
  cleanups.push(() => bpool.end());
  const sub = uuidv7();
  const acct = uuidv7();
  await bpool.query(
    `insert into webhook_subscription (id, account_id, callback_url, event_types, secret, status, created_at) values ($1, $2, 'http://127.0.0.1:9/hook', '{payment.created}', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'ACTIVE', now())`,
    [sub, acct],
  );
  // Time-ordered ids like the service's (UUID v7, PostgreSQL ≥ 18), so that rows made together sit
  // together in the indexes as they do in production; random v4 ids would scatter a batch.
  const { rows: hasV7 } = await bpool.query(`select exists (select 1 from pg_proc where proname = 'uuidv7') as v7`);
  const newUuid = hasV7[0].v7 ? 'uuidv7()' : 'gen_random_uuid()';
  const body = envelopeBody ?? JSON.stringify({ id: uuidv7(), type: 'payment.created', createdAt: new Date().toISOString(), accountId: acct, data: paymentItem(uuidv7(), 'x') });
  const insert = (count, status) =>
    bpool.query(
      `insert into webhook_delivery (id, subscription_id, account_id, event_id, event_type, body, status, attempts, next_attempt_at, last_status_code, event_created_at, created_at, updated_at, delivered_at)
       select ${newUuid}, $1, $2, ${newUuid}, 'payment.created', $3, $4::varchar, $5,
              case when $4::varchar = 'PENDING' then now() - interval '1 minute' + (g * interval '1 microsecond') end,
              case when $4::varchar = 'DELIVERED' then 200 end,
              now() - interval '1 hour', now() - interval '1 hour', now() - interval '1 hour',
              case when $4::varchar = 'DELIVERED' then now() - interval '1 hour' end
       from generate_series(1, $6::int) g`,
      [sub, acct, body, status, status === 'DELIVERED' ? 1 : 0, count],
    );
  const limit = K.webhookConcurrency * 2; // the dispatcher's batch: WEBHOOK_CONCURRENCY × 2
  const measure = async (label) => {
    await bpool.query('vacuum analyze webhook_delivery');
    const client = await bpool.connect();
    try {
      const times = [];
      let leased = 0;
      for (let i = 0; i < K.claimIterations + 5; i++) {
        const n = new Date();
        await client.query('begin');
        const t = now();
        const r = await client.query(CLAIM_DUE, [n, limit, new Date(n.getTime() + 60_000), new Date(n.getTime() + 60_000), randomUUID(), n]);
        const ms = now() - t;
        await client.query('rollback');
        if (i >= 5) times.push(ms);
        leased = r.rowCount;
      }
      const n = new Date();
      await client.query('begin');
      const plan = await client.query(`explain (analyze, buffers) ${CLAIM_DUE}`, [n, limit, new Date(n.getTime() + 60_000), new Date(n.getTime() + 60_000), randomUUID(), n]);
      await client.query('rollback');
      const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
      const f = { label, medianMs: median(times), p90Ms: percentile(times, 90), leased, usesDueIndex: /webhook_delivery_due_idx/.test(text), seqScan: /Seq Scan on webhook_delivery/.test(text), plan: text };
      log(`  ${label}: claim ${f.medianMs.toFixed(2)} ms median (${leased} leased), due index: ${f.usesDueIndex}`);
      return f;
    } finally {
      client.release();
    }
  };
  const empty = await measure('empty table');
  await insert(limit, 'PENDING');
  const oneBatch = await measure(`one batch due (${limit} PENDING), nothing else`);
  log(`backlog: inserting ${K.backlogDone} DELIVERED + ${K.backlogPending - limit} more PENDING rows`);
  const t = now();
  await insert(K.backlogDone, 'DELIVERED');
  await insert(K.backlogPending - limit, 'PENDING');
  const loadSeconds = (now() - t) / 1000;
  log(`  inserted in ${loadSeconds.toFixed(1)} s`);
  const backlog = await measure(`${K.backlogDone} DELIVERED + ${K.backlogPending} PENDING`);
  F.backlog = { database: dbName, ids: newUuid, loadSeconds, empty, oneBatch, backlog };
  console.log(`\nEXPLAIN (ANALYZE, BUFFERS) of the claim, ${backlog.label}:\n${backlog.plan}\n`);
  rows.push({
    key: 'backlogClaim',
    label: `claim with ${K.backlogDone / 1e6}M done + ${K.backlogPending / 1e3}k due`,
    value: backlog.medianMs,
    unit: 'ms',
    ceiling: oneBatch.medianMs,
    ceilingLabel: `one batch due, no history`,
    ratio: backlog.medianMs / oneBatch.medianMs,
    target: '≤ 1.5×, due index',
    pass: backlog.medianMs / oneBatch.medianMs <= 1.5 && backlog.usesDueIndex,
  });
  rows.push({
    key: 'backlogClaimVsEmpty',
    label: 'claim, backlog vs literally empty table',
    value: backlog.medianMs,
    unit: 'ms',
    ceiling: empty.medianMs,
    ceilingLabel: 'empty table (0 leased)',
    ratio: backlog.medianMs / empty.medianMs,
  });
}

// --- soak -------------------------------------------------------------------------------------
async function metric(name) {
  const res = await api.call('GET', '/metrics');
  const match = new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+-]+)$`, 'm').exec(String(res.body));
  return match ? Number(match[1]) : null;
}

async function phaseSoak() {
  await ensureSubscription();
  const seconds = K.soakSeconds;
  log(`soak: ${K.soakConnections} clients looping quote → payment → get for ${seconds} s (BENCH_SOAK_SECONDS)`);
  const heapBefore = await metric('nodejs_heap_size_used_bytes');
  // The service's V8 heap in use, every 5 s (from its own /metrics): RSS alone hides a slow leak.
  const heap = [];
  const soakStart = now();
  const heapTimer = setInterval(() => {
    void metric('nodejs_heap_size_used_bytes')
      .then((b) => b && heap.push({ x: (now() - soakStart) / 60_000, y: b / 2 ** 20 }))
      .catch(() => undefined);
  }, 5000);
  rss.phase = 'soak';
  const deadline = now() + seconds * 1000;
  let iterations = 0;
  let failures = 0;
  const started = now();
  await window('soak', () => Promise.all(
    Array.from({ length: K.soakConnections }, async () => {
      while (now() < deadline) {
        try {
          const quoteId = await api.quote();
          const created = await api.expect(201, 'POST', '/api/v1/payments', { payments: [paymentItem(quoteId, nextRef('soak'))] });
          await api.expect(200, 'GET', `/api/v1/payments/${created.results[0].payment.id}`);
          iterations++;
        } catch (error) {
          if (failures++ === 0) log(`  soak failure: ${error.message}`);
          await sleep(100);
        }
      }
    }),
  ));
  clearInterval(heapTimer);
  rss.phase = 'idle';
  const elapsed = (now() - started) / 1000;
  await sleep(1000);
  const heapAfter = await metric('nodejs_heap_size_used_bytes');
  const samples = rss.of('soak');
  const at = (from, to) => median(samples.filter((s) => s.t >= samples[0].t + from * elapsed && s.t <= samples[0].t + to * elapsed).map((s) => s.mb));
  const warm = at(0.1, 0.2);
  const end = at(0.9, 1.0);
  const secondHalf = samples.filter((s) => s.t >= samples[0].t + elapsed / 2).map((s) => ({ x: s.t / 60, y: s.mb }));
  const figure = {
    seconds: elapsed,
    iterations,
    requestsPerSecond: (iterations * 3) / elapsed,
    failures,
    rssWarmMb: warm,
    rssEndMb: end,
    rssMaxMb: Math.max(...samples.map((s) => s.mb)),
    rssSlopeMbPerMinSecondHalf: slope(secondHalf),
    cpuPerIteration: cpuPer('soak', iterations),
    heapUsedBeforeMb: heapBefore && heapBefore / 2 ** 20,
    heapUsedAfterMb: heapAfter && heapAfter / 2 ** 20,
    heapSlopeMbPerMinSecondHalf: slope(heap.filter((h) => h.x >= elapsed / 120)),
    heapSamplesMb: heap.map((h) => [round(h.x * 60, 0), round(h.y, 1)]),
    samples: samples.map((s) => [round(s.t, 1), round(s.mb, 1)]),
  };
  F.soak = figure;
  log(
    `  RSS ${warm?.toFixed(0)} MB after warm-up → ${end?.toFixed(0)} MB at the end (second half ${figure.rssSlopeMbPerMinSecondHalf.toFixed(1)} MB/min); ` +
      `heap used ${figure.heapUsedBeforeMb?.toFixed(0)} → ${figure.heapUsedAfterMb?.toFixed(0)} MB (second half ${figure.heapSlopeMbPerMinSecondHalf.toFixed(1)} MB/min); ` +
      `${figure.requestsPerSecond.toFixed(0)} req/s, ${failures} failures`,
  );
  rows.push({
    key: 'soakRss',
    label: `RSS after ${Math.round(elapsed)} s soak`,
    value: end,
    unit: 'MB',
    ceiling: warm,
    ceilingLabel: 'RSS at 10–20% of soak',
    ratio: end / warm,
    target: '≤ 1.10× (flat)',
    pass: end / warm <= 1.1,
  });
}

// ---------------------------------------------------------------------------------------------
let dbUrl;
let postmasterPid = null;
async function main() {
  const started = now();
  if (!envFlag('BENCH_SKIP_BUILD')) {
    log('npm run build');
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build failed');
  }
  log(`built ${MAIN}; work dir ${work}; ports ${BASE_PORT ? `from ${BASE_PORT}` : 'picked free'}`);
  const quietWait = envNumber('BENCH_WAIT_QUIET_SECONDS', 0);
  if (quietWait > 0) {
    const t = now();
    let busy = await busyCpuPercent(1000);
    while (busy > 25 && now() - t < quietWait * 1000) busy = await busyCpuPercent(2000);
    log(`machine ${busy.toFixed(0)}% busy after waiting ${((now() - t) / 1000).toFixed(0)} s for it to quieten (BENCH_WAIT_QUIET_SECONDS)`);
  }
  if (CPU_PROF_DIR) mkdirSync(CPU_PROF_DIR, { recursive: true });

  dbUrl = await phaseStartup();
  cleanups.push(() => svc.stop());
  cpuMeter = new CpuMeter({ servicePid: svc.pid, postmasterPid: postmasterPid });
  rss = new RssSampler(svc.pid);
  cleanups.push(() => rss.stop());
  await sleep(500);
  F.rssIdleAfterStartMb = rss.samples.at(-1)?.mb;

  pool = new pg.Pool({ connectionString: dbUrl, max: Math.max(K.connections, K.soakConnections) + 4 });
  cleanups.push(() => pool.end());
  const { rows: acct } = await pool.query('select id from account where api_key_hash = $1', [createHash('sha256').update(API_KEY).digest('hex')]);
  if (!acct.length) throw new Error('no demo account: is NODE_ENV production?');
  accountId = acct[0].id;
  const { rows: ver } = await pool.query('show server_version');
  results.machine.postgres = ver[0].server_version;
  api = new Api(svc.base, API_KEY, 64);
  cleanups.push(() => api.close());

  const phases = { quote: phaseQuote, create: phaseCreate, batch: phaseBatch, get: phaseGet, webhooks: phaseWebhooks, latency: phaseLatency, backlog: phaseBacklog, soak: phaseSoak };
  for (const name of ALL_PHASES) {
    if (!PHASES.has(name)) continue;
    const t = now();
    // What other processes take from this machine just before the phase (the service is idle).
    const busy = await busyCpuPercent(1000);
    (results.machineBusyBeforePhase ??= {})[name] = { cpuBusyPercent: round(busy, 0), loadAverage1m: round(loadavg()[0], 2) };
    if (busy > 25) results.notes.push(`before ${name}: ${busy.toFixed(0)}% of the CPU was busy with other processes; its figures are noisy`);
    try {
      await phases[name]();
    } catch (error) {
      log(`phase ${name} FAILED: ${error.stack ?? error}`);
      results.notes.push(`phase ${name} failed: ${error.message}`);
      if (svc.exited) throw new Error(`service A exited: ${JSON.stringify(svc.exited)}\n${tail(svc.logFile)}`);
    }
    (results.phaseSeconds ??= {})[name] = round((now() - t) / 1000, 1);
  }

  const load = rss.samples.filter((s) => s.phase.startsWith('load:'));
  if (load.length) {
    F.rssUnderLoadMb = { max: Math.max(...load.map((s) => s.mb)), median: median(load.map((s) => s.mb)) };
    rows.push({ key: 'rssLoad', label: 'RSS under load (max over load phases)', value: F.rssUnderLoadMb.max, unit: 'MB', ceiling: F.rssIdleAfterStartMb, ceilingLabel: 'idle after start' });
  }
  results.totalSeconds = round((now() - started) / 1000, 1);
}

async function cleanup() {
  for (const fn of cleanups.reverse()) {
    try {
      await fn();
    } catch {
      // best effort
    }
  }
  if (!envFlag('BENCH_KEEP_DATA')) rmSync(work, { recursive: true, force: true });
}

/** CPU milliseconds per operation, by process: what each figure costs, whatever the noise. */
function renderCpuTable() {
  const lines = [];
  const add = (label, c) => {
    if (!c) return;
    const f = (v) => (v === null || v === undefined ? '—' : v.toFixed(2));
    lines.push([label, f(c.serviceMs), f(c.postgresMs), f(c.benchMs), String(c.ops)]);
  };
  add('create quote (service)', F.createQuote?.service.cpu);
  add('create quote (ceiling: pg insert)', F.createQuote?.ceiling.cpu);
  add('create payment, max (service)', F.createPayment?.service.cpu);
  add('create payment, half rate (service)', F.createPayment?.fixedRate.cpu);
  add('create payment (ceiling: same SQL)', F.createPayment?.ceiling.cpu);
  add('get payment (service)', F.getPayment?.service.cpu);
  add('get payment (ceiling: pg select)', F.getPayment?.ceiling.cpu);
  add('GET /health/live (framework floor)', F.getPayment?.frameworkFloor?.cpu);
  add('webhook delivery, one instance', F.webhooks?.oneInstance.cpu);
  add('event at 200/s, create→receipt', F.webhookLatency?.cpuPerEvent);
  add('outbox relay burst window, per event', F.relay?.cpuPerEvent);
  add('soak iteration (quote+pay+get)', F.soak?.cpuPerIteration);
  if (!lines.length) return '';
  const header = ['CPU ms per operation', 'service', 'postgres', 'bench', 'ops'];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(line)].join('\n');
}

function writeResults() {
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const stamp = results.startedAt.replace(/[:.]/g, '-');
  results.table = renderTable(rows);
  results.cpuTable = renderCpuTable();
  const text = `${JSON.stringify(results, null, 2)}\n`;
  const file = join(dir, `${stamp}.json`);
  writeFileSync(file, text);
  writeFileSync(join(dir, 'latest.json'), text);
  return file;
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
    const file = writeResults();
    console.log(`\nPayments API benchmark (${results.machine.cpus} × ${results.machine.cpuModel}, node ${process.version}, PostgreSQL ${results.machine.postgres ?? '?'}) in ${results.totalSeconds ?? '?'} s\n`);
    console.log(results.table);
    if (results.cpuTable) console.log(`\n${results.cpuTable}`);
    if (results.notes.length) console.log(`\nnotes:\n  ${results.notes.join('\n  ')}`);
    console.log(`\nwritten: ${file}\n         bench/results/latest.json`);
  }
}
