// The state every phase shares: the knobs, the results being filled, the service under test, a
// pg pool to its database, the API client, and the measuring helpers (windows, CPU per operation).
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { freePort, ROOT } from './service.mjs';
import { CpuMeter, envNumber, log, now, round, sleep } from './util.mjs';

const DURATION = envNumber('BENCH_DURATION', 10);
/** Knobs (bench/README.md lists them all). */
export const K = {
  connections: envNumber('BENCH_CONNECTIONS', 16),
  quoteSeconds: envNumber('BENCH_QUOTE_SECONDS', DURATION),
  createSeconds: envNumber('BENCH_CREATE_SECONDS', 15),
  fixedSeconds: envNumber('BENCH_FIXED_RATE_SECONDS', 15),
  getSeconds: envNumber('BENCH_GET_SECONDS', DURATION),
  floorSeconds: envNumber('BENCH_FLOOR_SECONDS', DURATION),
  batchCount: envNumber('BENCH_BATCHES', 20),
  batchSingles: envNumber('BENCH_BATCH_SINGLES', 200),
  webhookSeconds: envNumber('BENCH_WEBHOOK_SECONDS', DURATION),
  webhookCeilingSeconds: envNumber('BENCH_WEBHOOK_CEILING_SECONDS', 5),
  webhookConcurrency: envNumber('BENCH_WEBHOOK_CONCURRENCY', 50),
  webhookSubscriptions: envNumber('BENCH_WEBHOOK_SUBSCRIPTIONS', 20),
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
export const API_KEY = 'sk_test_demo';
export const CPU_PROF_DIR = process.env.BENCH_CPU_PROF || '';
const BASE_PORT = envNumber('BENCH_PORT', 0);
const RUN = randomUUID().slice(0, 8);

function gitInfo() {
  try {
    const git = (...args) => execFileSync('git', args, { cwd: ROOT }).toString().trim();
    const dirty = git('status', '--porcelain').split('\n').filter(Boolean).length;
    return { commit: git('rev-parse', 'HEAD'), dirtyFiles: dirty };
  } catch {
    return null;
  }
}

/** Now on the clock `--cpu-prof` profiles use (CLOCK_MONOTONIC), in microseconds. */
const monoUs = () => Number(process.hrtime.bigint() / 1000n);

const work = mkdtempSync(join(tmpdir(), 'payments-bench-'));
// Run as root, the embedded server runs as a `postgres` user that must reach its directory.
chmodSync(work, 0o755);

let refSeq = 0;

export const ctx = {
  run: RUN,
  work,
  /** Functions run at the end, last registered first. */
  cleanups: [],
  results: {
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
    knobs: { ...K, cpuProf: CPU_PROF_DIR || null },
    figures: {},
    rows: [],
    notes: [],
  },
  /** Set by the start-up phase: instance A (the one every phase measures) and its database. */
  svc: undefined,
  dbUrl: undefined,
  postmasterPid: null,
  /** Set once the service is up. */
  pool: undefined,
  api: undefined,
  accountId: undefined,
  rss: undefined,
  cpuMeter: undefined,
  /** Unused quotes made through the API. */
  apiQuotes: [],
  /** The webhook receiver and subscription, made by the first phase that needs them. */
  hooks: undefined,

  get F() {
    return this.results.figures;
  },
  get rows() {
    return this.results.rows;
  },
  nextRef: (prefix = 'b') => `${prefix}-${RUN}-${refSeq++}`,
  /** BENCH_PORT + offset when set, else a port the kernel says is free. */
  portFor: async (offset) => (BASE_PORT ? BASE_PORT + offset : freePort()),

  /**
   * Records when a measured window ran (so bench/profile-summary.mjs can cut a profile to it) and
   * the CPU the service, PostgreSQL and the bench used meanwhile.
   */
  async window(name, fn) {
    const startUs = monoUs();
    const before = this.cpuMeter?.snapshot();
    try {
      return await fn();
    } finally {
      const w = ((this.results.windows ??= {})[name] = { startUs, endUs: monoUs() });
      if (before) w.cpu = CpuMeter.diff(before, this.cpuMeter.snapshot());
    }
  },

  /** CPU milliseconds per operation in a window, by process. */
  cpuPer(name, ops) {
    const cpu = this.results.windows?.[name]?.cpu;
    if (!cpu || !ops) return null;
    const per = (v) => (v === null ? null : round(v / ops, 3));
    return {
      serviceMs: per(cpu.serviceMs),
      postgresMs: per(cpu.postgresMs),
      benchMs: per(cpu.benchMs),
      ops,
    };
  },

  async topUpQuotes(needed) {
    const missing = Math.ceil(needed) - this.apiQuotes.length;
    if (missing <= 0) return;
    const t = now();
    this.apiQuotes.push(...(await this.api.quotes(missing, 16)));
    log(`  made ${missing} quotes through the API in ${((now() - t) / 1000).toFixed(1)} s`);
  },

  /** Seconds until `sql` (a count) answers 0, or null after `timeoutMs`. */
  async waitZero(sql, timeoutMs = 60_000) {
    const t = now();
    while (now() - t < timeoutMs) {
      const { rows } = await this.pool.query(sql);
      if (rows[0].n === 0) return (now() - t) / 1000;
      await sleep(100);
    }
    return null;
  },

  waitOutboxDrained(timeoutMs) {
    return this.waitZero(
      'select count(*)::int as n from outbox_event where published_at is null',
      timeoutMs,
    );
  },

  /** Waits until no delivery is waiting: a backlog left by an earlier phase would count as latency. */
  waitDeliveriesDrained(timeoutMs) {
    return this.waitZero(
      `select count(*)::int as n from webhook_delivery where status = 'PENDING'`,
      timeoutMs,
    );
  },
};
