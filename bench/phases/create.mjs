// Create payment (1 item per request): the service at full speed against the same SQL in one
// transaction through pg, then both at half the service's measured rate, evenly paced, for p99.
import { ctx, K } from '../lib/context.mjs';
import { createPaymentsRun, paced, pacedCreates } from '../lib/creates.mjs';
import { pgLoop } from '../lib/load.mjs';
import { insertQuotes, paymentTransaction } from '../lib/sql.mjs';
import { envNumber, log, round } from '../lib/util.mjs';

/** The SQL ceiling's quotes, inserted straight into the table, used one per transaction. */
function sqlQuoteSource(quotes) {
  let q = 0;
  return {
    left: () => q < quotes.length,
    transaction: (client) =>
      paymentTransaction(client, ctx.accountId, quotes[q++], ctx.nextRef('sql')),
  };
}

async function ceilingAtMax(source) {
  log(
    `create payment: SQL ceiling (lock quote, use it, insert payment + outbox, one transaction) at ${K.connections} connections for ${K.createSeconds} s`,
  );
  const ceiling = await ctx.window('create-ceiling', () =>
    pgLoop(ctx.pool, {
      concurrency: K.connections,
      seconds: K.createSeconds,
      work: async (client) => {
        if (!source.left()) return false;
        await source.transaction(client);
      },
    }),
  );
  if (!source.left())
    ctx.results.notes.push('the SQL ceiling ran out of quotes: raise BENCH_CEILING_QUOTES');
  log(
    `  ceiling ${ceiling.rate.toFixed(0)} tx/s, p50 ${ceiling.p50.toFixed(1)} ms, p99 ${ceiling.p99.toFixed(1)} ms`,
  );
  return ceiling;
}

/** The same transactions at `rate`/s, evenly paced, each on a pooled connection. */
async function ceilingAtRate(source, rate) {
  return paced({
    seconds: K.fixedSeconds,
    perSecond: rate,
    until: source.left,
    send: async () => {
      const client = await ctx.pool.connect();
      try {
        await source.transaction(client);
        return 1;
      } finally {
        client.release();
      }
    },
  });
}

export async function create() {
  log('create payment: inserting quotes for the SQL ceiling');
  const quotes = await insertQuotes(
    ctx.pool,
    ctx.accountId,
    envNumber('BENCH_CEILING_QUOTES', 100_000),
  );
  const source = sqlQuoteSource(quotes);
  const ceiling = await ceilingAtMax(source);
  await ctx.waitOutboxDrained();

  await ctx.topUpQuotes(ceiling.rate * K.createSeconds * K.quoteFactor);
  log(
    `create payment: service under autocannon, 1 item per request, ${K.connections} connections for ${K.createSeconds} s (${ctx.apiQuotes.length} quotes ready)`,
  );
  const max = await ctx.window('create', () =>
    createPaymentsRun({ seconds: K.createSeconds, phase: 'load:create' }),
  );
  const drainSeconds = await ctx.waitOutboxDrained();
  log(
    `  service ${max.rate.toFixed(0)} req/s, p50 ${max.p50} ms, p99 ${max.p99} ms; outbox drained ${drainSeconds?.toFixed(1)} s after the run`,
  );

  const halfRate = Math.max(1, Math.round(max.rate / 2));
  log(`create payment: SQL ceiling at ${halfRate} tx/s (half the service's maximum), paced`);
  const ceilingHalf = await ceilingAtRate(source, halfRate);
  await ctx.waitOutboxDrained();
  await ctx.topUpQuotes(halfRate * K.fixedSeconds * 1.1 + 50);
  log(`create payment: service at ${halfRate} req/s for ${K.fixedSeconds} s, paced`);
  const fixed = await ctx.window('create-fixed', () =>
    pacedCreates({
      seconds: K.fixedSeconds,
      requestsPerSecond: halfRate,
      size: 1,
      prefix: 'fixed',
      phase: 'load:create-fixed',
    }),
  );
  await ctx.waitOutboxDrained();
  log(
    `  p50 ${fixed.p50} ms, p99 ${fixed.p99} ms at ${fixed.rate.toFixed(0)} req/s (SQL: p99 ${round(ceilingHalf.p99)} ms)`,
  );

  max.cpu = ctx.cpuPer('create', max.ok);
  ceiling.cpu = ctx.cpuPer('create-ceiling', ceiling.ok);
  fixed.cpu = ctx.cpuPer('create-fixed', fixed.ok);
  ctx.F.createPayment = {
    service: max,
    ceiling,
    fixedRate: { target: halfRate, ...fixed },
    ceilingAtFixedRate: ceilingHalf,
    outboxDrainSecondsAfterRun: drainSeconds,
  };
  ctx.rows.push({
    key: 'createPayment',
    label: `create payment req/s (1 item, ${K.connections} conns)`,
    value: max.rate,
    unit: '/s',
    ceiling: ceiling.rate,
    ceilingLabel: 'same SQL via pg',
    ratio: max.rate / ceiling.rate,
  });
  ctx.rows.push({
    key: 'createPaymentLatency',
    label: 'create payment p50 / p99 at max',
    value: `${max.p50} / ${max.p99} ms`,
    ceiling: `${round(ceiling.p50)} / ${round(ceiling.p99)} ms`,
  });
  ctx.rows.push({
    key: 'createPaymentFixedP99',
    label: `create payment p99 at ${halfRate}/s (half max)`,
    value: fixed.p99,
    unit: 'ms',
    ceiling: ceilingHalf.p99,
    ceilingLabel: 'same SQL p99, same rate',
    ratio: fixed.p99 / ceilingHalf.p99,
  });
}
