// Retention: the clean-up's deletes (the service's own statements, from dist/) on a database of
// its own holding a few million old rows, timed per deleted row, and the dispatcher's claim timed
// beside them: without the clean-up, then while it runs.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { v7 as uuidv7 } from 'uuid';
import { ctx, K } from '../lib/context.mjs';
import { scratchDatabase, uuidFunction } from '../lib/scratch-database.mjs';
import { claimDue } from '../lib/sql.mjs';
import { envNumber, log, median, now, percentile } from '../lib/util.mjs';

const require = createRequire(import.meta.url);
const OLD_DELIVERIES = envNumber('BENCH_RETENTION_DELIVERIES', 1_000_000);
const BATCH = envNumber('BENCH_RETENTION_BATCH', 1000);
const DUE = 20_000;
const numbered = (sql) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/** n old events, each published with one DELIVERED delivery and two attempts; `due` PENDING ones. */
async function fill(pool, uuid) {
  const sub = uuidv7();
  const acct = uuidv7();
  await pool.query(
    `insert into webhook_subscription (id, account_id, callback_url, event_types, secret, status, created_at, updated_at) values ($1, $2, 'http://127.0.0.1:9/hook', '{payment.created}', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'ACTIVE', now(), now())`,
    [sub, acct],
  );
  const old = `now() - interval '40 days' + g * interval '1 millisecond'`;
  await pool.query(
    `insert into outbox_event (id, type, aggregate_id, account_id, payload, occurred_at, published_at, attempts, available_at)
     select ${uuid}, 'payment.created', ${uuid}, $1, '{"id":"x"}', ${old}, ${old}, 0, ${old} from generate_series(1, $2::int) g`,
    [acct, OLD_DELIVERIES],
  );
  await pool.query(
    `insert into webhook_delivery (id, subscription_id, account_id, event_id, event_type, body, status, attempts, event_created_at, created_at, updated_at, delivered_at)
     select ${uuid}, $1, $2, e.id, e.type, '{}', 'DELIVERED', 2, e.occurred_at, e.occurred_at, e.occurred_at, e.occurred_at from outbox_event e`,
    [sub, acct],
  );
  await pool.query(
    `insert into webhook_attempt (id, delivery_id, attempted_at, status_code, duration_ms)
     select ${uuid}, d.id, d.event_created_at + k * interval '1 second', case when k = 1 then 503 else 200 end, 5
     from webhook_delivery d, generate_series(1, 2) k`,
  );
  await pool.query(
    `insert into webhook_delivery (id, subscription_id, account_id, event_id, event_type, body, status, attempts, next_attempt_at, event_created_at, created_at, updated_at)
     select ${uuid}, $1, $2, ${uuid}, 'payment.created', '{}', 'PENDING', 0, now() - interval '1 minute' + g * interval '1 microsecond', now(), now(), now() from generate_series(1, $3::int) g`,
    [sub, acct, DUE],
  );
  await pool.query('vacuum analyze');
}

/** Claim times (begin … rollback) on one connection until `until()` says stop, or n runs. */
async function timeClaims(pool, { runs, until }) {
  const client = await pool.connect();
  const times = [];
  try {
    for (let i = 0; until ? !until() : i < runs; i++) {
      const t0 = new Date();
      const { sql, params } = claimDue({
        now: t0,
        leaseUntil: new Date(t0.getTime() + 60_000),
        leaseId: randomUUID(),
        limit: K.webhookConcurrency * 2,
        cap: K.webhookConcurrency * 2,
      });
      await client.query('begin');
      const t = now();
      await client.query(sql, params);
      times.push(now() - t);
      await client.query('rollback');
    }
  } finally {
    client.release();
  }
  return { medianMs: median(times), p99Ms: percentile(times, 99), runs: times.length };
}

/** Runs every delete in batches until none deletes anything; per-statement times and rows. */
async function cleanUp(pool) {
  const { RETENTION_DELETES } = require('../../dist/src/retention/retention.sql.js');
  const cutoff = new Date(Date.now() - 30 * 86_400_000);
  const statements = [];
  let rows = 0;
  for (const [table, sql] of Object.entries(RETENTION_DELETES)) {
    for (;;) {
      const t = now();
      const r = await pool.query(numbered(sql), [cutoff, BATCH]);
      statements.push(now() - t);
      rows += r.rowCount;
      if (r.rowCount === 0) break;
    }
    log(`  ${table}: done after ${statements.length} statements so far`);
  }
  return { rows, statements };
}

export async function retention() {
  const { pool } = await scratchDatabase('retention', 3);
  log(`retention: ${OLD_DELIVERIES} old events + deliveries, ${2 * OLD_DELIVERIES} attempts`);
  const t = now();
  await fill(pool, await uuidFunction(pool));
  const loadSeconds = (now() - t) / 1000;
  log(`  filled in ${loadSeconds.toFixed(1)} s`);
  const quiet = await timeClaims(pool, { runs: K.claimIterations });
  let finished = false;
  const t1 = now();
  const [busy, cleaned] = await Promise.all([
    timeClaims(pool, { until: () => finished }),
    cleanUp(pool).finally(() => {
      finished = true;
    }),
  ]);
  const seconds = (now() - t1) / 1000;
  // Rows deleted by the statements' own count (attempts deleted with their delivery not included).
  const perRowUs = (seconds * 1e6) / cleaned.rows;
  log(
    `  deleted ${cleaned.rows} rows in ${seconds.toFixed(1)} s (${perRowUs.toFixed(1)} µs/row, statement p99 ${percentile(cleaned.statements, 99).toFixed(1)} ms); claim ${quiet.medianMs.toFixed(2)} → ${busy.medianMs.toFixed(2)} ms`,
  );
  ctx.F.retention = { loadSeconds, seconds, rows: cleaned.rows, perRowUs, quiet, busy };
  ctx.F.retention.statementP99Ms = percentile(cleaned.statements, 99);
  ctx.rows.push({
    key: 'retentionPerRow',
    label: `retention: time per deleted row (${cleaned.rows} rows, batches of ${BATCH})`,
    value: perRowUs,
    unit: 'µs',
  });
  ctx.rows.push({
    key: 'retentionClaim',
    label: 'claim median while the clean-up runs',
    value: busy.medianMs,
    unit: 'ms',
    ceiling: quiet.medianMs,
    ceilingLabel: 'same claim, no clean-up',
    ratio: busy.medianMs / quiet.medianMs,
  });
}
