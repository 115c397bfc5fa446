// Create quote: autocannon POST /payments/quote against a single `insert into quote` through pg
// at the same concurrency.
import { v7 as uuidv7 } from 'uuid';
import { ctx, K } from '../lib/context.mjs';
import { cannon, pgLoop, summarize } from '../lib/load.mjs';
import { log, round } from '../lib/util.mjs';

const INSERT_QUOTE = `insert into quote (id, account_id, currency, country, fee_minor, expires_at, created_at, used_at)
  values ($1, $2, $3, $4, $5, $6, $7, $8)`;

export async function quote() {
  const { connections, quoteSeconds: seconds } = K;
  log(`create quote: SQL ceiling (single insert) at ${connections} connections for ${seconds} s`);
  const ceiling = await ctx.window('quote-ceiling', () =>
    pgLoop(ctx.pool, {
      concurrency: connections,
      seconds,
      work: async (client) => {
        const t = new Date();
        const expires = new Date(t.getTime() + 86_400_000);
        await client.query(INSERT_QUOTE, [
          uuidv7(),
          ctx.accountId,
          'INR',
          'IN',
          '2500',
          expires,
          t,
          null,
        ]);
      },
    }),
  );
  log(`create quote: service under autocannon, ${connections} connections for ${seconds} s`);
  ctx.rss.phase = 'load:quote';
  const run = await ctx.window('quote', () =>
    cannon({
      url: ctx.svc.base,
      connections,
      duration: seconds,
      headers: ctx.api.headers,
      requests: [
        {
          method: 'POST',
          path: '/api/v1/payments/quote',
          body: JSON.stringify({ currency: 'INR', country: 'IN' }),
          onResponse: (status, body) => {
            if (status === 201) ctx.apiQuotes.push(JSON.parse(body).id);
          },
        },
      ],
    }),
  );
  ctx.rss.phase = 'idle';
  const service = summarize(run);
  service.cpu = ctx.cpuPer('quote', service.ok);
  ceiling.cpu = ctx.cpuPer('quote-ceiling', ceiling.ok);
  ctx.F.createQuote = { service, ceiling };
  ctx.rows.push({
    key: 'createQuote',
    label: `create quote req/s (${connections} conns)`,
    value: service.rate,
    unit: '/s',
    ceiling: ceiling.rate,
    ceilingLabel: 'pg insert',
    ratio: service.rate / ceiling.rate,
  });
  ctx.rows.push({
    key: 'createQuoteLatency',
    label: 'create quote p50 / p99',
    value: `${service.p50} / ${service.p99} ms`,
    ceiling: `${round(ceiling.p50)} / ${round(ceiling.p99)} ms`,
  });
}
