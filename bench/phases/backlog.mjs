// Backlog: the dispatcher's claim on a table with 1 M delivered and 100 k due rows, in a database
// of its own, against the same claim with exactly one batch due and no history.
import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { ctx, K } from '../lib/context.mjs';
import { scratchDatabase, uuidFunction } from '../lib/scratch-database.mjs';
import { claimDue, paymentItem } from '../lib/sql.mjs';
import { log, median, now, percentile } from '../lib/util.mjs';

const insertSql = (
  newUuid,
) => `insert into webhook_delivery (id, subscription_id, account_id, event_id, event_type, body, status, attempts, next_attempt_at, last_status_code, event_created_at, created_at, updated_at, delivered_at)
  select ${newUuid}, $1, $2, ${newUuid}, 'payment.created', $3, $4::varchar, $5,
         case when $4::varchar = 'PENDING' then now() - interval '1 minute' + (g * interval '1 microsecond') end,
         case when $4::varchar = 'DELIVERED' then 200 end,
         now() - interval '1 hour', now() - interval '1 hour', now() - interval '1 hour',
         case when $4::varchar = 'DELIVERED' then now() - interval '1 hour' end
  from generate_series(1, $6::int) g`;

// cap = limit: the one subscription of this table may fill the whole batch, as in a service whose
// WEBHOOK_MAX_IN_FLIGHT_PER_SUBSCRIPTION is at least the batch.
const claimStatement = (limit) => {
  const n = new Date();
  return claimDue({
    now: n,
    leaseUntil: new Date(n.getTime() + 60_000),
    leaseId: randomUUID(),
    limit,
    cap: limit,
  });
};

/** Median time of the claim, each run in `begin … rollback`, and its plan. */
async function measureClaim(pool, label, limit) {
  await pool.query('vacuum analyze webhook_delivery');
  const client = await pool.connect();
  try {
    const times = [];
    let leased = 0;
    for (let i = 0; i < K.claimIterations + 5; i++) {
      const { sql, params } = claimStatement(limit);
      await client.query('begin');
      const t = now();
      const r = await client.query(sql, params);
      const ms = now() - t;
      await client.query('rollback');
      if (i >= 5) times.push(ms);
      leased = r.rowCount;
    }
    await client.query('begin');
    const explained = claimStatement(limit);
    const plan = await client.query(
      `explain (analyze, buffers) ${explained.sql}`,
      explained.params,
    );
    await client.query('rollback');
    const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
    const f = {
      label,
      medianMs: median(times),
      p90Ms: percentile(times, 90),
      leased,
      usesDueIndex: /webhook_delivery_due_idx/.test(text),
      seqScan: /Seq Scan on webhook_delivery/.test(text),
      plan: text,
    };
    log(
      `  ${label}: claim ${f.medianMs.toFixed(2)} ms median (${leased} leased), due index: ${f.usesDueIndex}`,
    );
    return f;
  } finally {
    client.release();
  }
}

export async function backlog() {
  const { dbName, pool } = await scratchDatabase('backlog', 2);
  const sub = uuidv7();
  const acct = uuidv7();
  await pool.query(
    `insert into webhook_subscription (id, account_id, callback_url, event_types, secret, status, created_at, updated_at) values ($1, $2, 'http://127.0.0.1:9/hook', '{payment.created}', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'ACTIVE', now(), now())`,
    [sub, acct],
  );
  const newUuid = await uuidFunction(pool);
  const body =
    ctx.hooks?.envelopeBody ??
    JSON.stringify({
      id: uuidv7(),
      type: 'payment.created',
      createdAt: new Date().toISOString(),
      accountId: acct,
      data: paymentItem(uuidv7(), 'x'),
    });
  const insert = (count, status) =>
    pool.query(insertSql(newUuid), [
      sub,
      acct,
      body,
      status,
      status === 'DELIVERED' ? 1 : 0,
      count,
    ]);
  const limit = K.webhookConcurrency * 2; // the dispatcher's batch: WEBHOOK_CONCURRENCY × 2
  const empty = await measureClaim(pool, 'empty table', limit);
  await insert(limit, 'PENDING');
  const oneBatch = await measureClaim(
    pool,
    `one batch due (${limit} PENDING), nothing else`,
    limit,
  );
  log(
    `backlog: inserting ${K.backlogDone} DELIVERED + ${K.backlogPending - limit} more PENDING rows`,
  );
  const t = now();
  await insert(K.backlogDone, 'DELIVERED');
  await insert(K.backlogPending - limit, 'PENDING');
  const loadSeconds = (now() - t) / 1000;
  log(`  inserted in ${loadSeconds.toFixed(1)} s`);
  const full = await measureClaim(
    pool,
    `${K.backlogDone} DELIVERED + ${K.backlogPending} PENDING`,
    limit,
  );
  ctx.F.backlog = { database: dbName, ids: newUuid, loadSeconds, empty, oneBatch, backlog: full };
  console.log(`\nEXPLAIN (ANALYZE, BUFFERS) of the claim, ${full.label}:\n${full.plan}\n`);
  ctx.rows.push({
    key: 'backlogClaim',
    label: `claim with ${K.backlogDone / 1e6}M done + ${K.backlogPending / 1e3}k due`,
    value: full.medianMs,
    unit: 'ms',
    ceiling: oneBatch.medianMs,
    ceilingLabel: `one batch due, no history`,
    ratio: full.medianMs / oneBatch.medianMs,
    usesDueIndex: full.usesDueIndex,
  });
  ctx.rows.push({
    key: 'backlogClaimVsEmpty',
    label: 'claim, backlog vs literally empty table',
    value: full.medianMs,
    unit: 'ms',
    ceiling: empty.medianMs,
    ceilingLabel: 'empty table (0 leased)',
    ratio: full.medianMs / empty.medianMs,
  });
}
