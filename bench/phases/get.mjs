// Get payment: autocannon GET /payments/{id} over the payments made so far, against the bare Nest
// app (issue 14's target) and against the raw pg select by id (the SQL ceiling).
import { ctx, K } from '../lib/context.mjs';
import { bareNestCeiling } from '../lib/bare-nest.mjs';
import { cannon, pgLoop, summarize } from '../lib/load.mjs';
import { paymentItem, SELECT_PAYMENT_BY_ID } from '../lib/sql.mjs';
import { log, round } from '../lib/util.mjs';

const IDS = 'select id from payment where account_id = $1 order by id desc limit 20000';

async function paymentIds() {
  let { rows } = await ctx.pool.query(IDS, [ctx.accountId]);
  if (rows.length < 100) {
    await ctx.topUpQuotes(1000);
    for (let i = 0; i < 10; i++) {
      const payments = Array.from({ length: 100 }, () =>
        paymentItem(ctx.apiQuotes.pop(), ctx.nextRef('get')),
      );
      await ctx.api.expect(201, 'POST', '/api/v1/payments', { payments });
    }
    ({ rows } = await ctx.pool.query(IDS, [ctx.accountId]));
  }
  return rows.map((r) => r.id);
}

export async function get() {
  const list = await paymentIds();
  const bareNest = await bareNestCeiling();
  let i = 0;
  log(`get payment: raw pg select by id at ${K.connections} connections for ${K.getSeconds} s`);
  const ceiling = await ctx.window('get-ceiling', () =>
    pgLoop(ctx.pool, {
      concurrency: K.connections,
      seconds: K.getSeconds,
      work: async (client) => {
        const { rows } = await client.query(SELECT_PAYMENT_BY_ID, [
          list[i++ % list.length],
          ctx.accountId,
        ]);
        if (rows.length !== 1) throw new Error('payment not found');
      },
    }),
  );
  log(
    `get payment: service under autocannon at ${K.connections} connections for ${K.getSeconds} s`,
  );
  ctx.rss.phase = 'load:get';
  let j = 0;
  const run = await ctx.window('get', () =>
    cannon({
      url: ctx.svc.base,
      connections: K.connections,
      duration: K.getSeconds,
      headers: { authorization: ctx.api.headers.authorization },
      requests: [
        {
          method: 'GET',
          setupRequest: (req) => ({ ...req, path: `/api/v1/payments/${list[j++ % list.length]}` }),
        },
      ],
    }),
  );
  ctx.rss.phase = 'idle';
  const service = summarize(run);
  service.cpu = ctx.cpuPer('get', service.ok);
  ceiling.cpu = ctx.cpuPer('get-ceiling', ceiling.ok);
  ctx.F.getPayment = { service, ceiling, bareNest };
  log(
    `  service ${service.rate.toFixed(0)} req/s vs bare Nest ${bareNest.rate.toFixed(0)} vs pg ${ceiling.rate.toFixed(0)} /s`,
  );
  ctx.rows.push({
    key: 'getPayment',
    label: `get payment req/s (${K.connections} conns)`,
    value: service.rate,
    unit: '/s',
    ceiling: bareNest.rate,
    ceilingLabel: 'bare Nest + Express',
    ratio: service.rate / bareNest.rate,
  });
  ctx.rows.push({
    key: 'getPaymentVsSql',
    label: 'get payment req/s vs its SQL',
    value: service.rate,
    unit: '/s',
    ceiling: ceiling.rate,
    ceilingLabel: 'pg select by id',
    ratio: service.rate / ceiling.rate,
  });
  ctx.rows.push({
    key: 'getPaymentLatency',
    label: 'get payment p50 / p99',
    value: `${service.p50} / ${service.p99} ms`,
    ceiling: `${round(ceiling.p50)} / ${round(ceiling.p99)} ms`,
  });
}
