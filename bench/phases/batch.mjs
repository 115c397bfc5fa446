// Batches: requests of 100 payments interleaved with requests of 1, one at a time; the median
// time of a batch of 100 against the median time of a batch of 1.
import { ctx, K } from '../lib/context.mjs';
import { paymentItem } from '../lib/sql.mjs';
import { log, median, now, percentile } from '../lib/util.mjs';

async function post(size) {
  const payments = Array.from({ length: size }, () =>
    paymentItem(ctx.apiQuotes.pop(), ctx.nextRef('batch')),
  );
  const t = now();
  const res = await ctx.api.call('POST', '/api/v1/payments', { payments });
  const ms = now() - t;
  if (res.status !== 201)
    throw new Error(`batch of ${size}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  return ms;
}

export async function batch() {
  const n100 = K.batchCount;
  const singlesPerBatch = Math.max(1, Math.round(K.batchSingles / n100));
  await ctx.topUpQuotes(n100 * 100 + n100 * singlesPerBatch + 5 + 100 + 10); // + the warm-up
  log(
    `batches: ${n100} requests of 100 payments vs ${n100 * singlesPerBatch} of 1, one at a time, interleaved`,
  );
  const one = [];
  const hundred = [];
  for (let i = 0; i < 5; i++) await post(1); // warm-up
  await post(100);
  ctx.rss.phase = 'load:batch';
  for (let i = 0; i < n100; i++) {
    hundred.push(await ctx.window(`batch100-${i}`, () => post(100)));
    for (let j = 0; j < singlesPerBatch; j++) one.push(await post(1));
  }
  ctx.rss.phase = 'idle';
  await ctx.waitOutboxDrained();
  const b100 = median(hundred);
  const b1 = median(one);
  ctx.F.batches = {
    batchOf100: {
      medianMs: b100,
      p90Ms: percentile(hundred, 90),
      perPaymentMs: b100 / 100,
      n: hundred.length,
    },
    batchOf1: { medianMs: b1, p90Ms: percentile(one, 90), perPaymentMs: b1, n: one.length },
  };
  log(
    `  batch of 100: ${b100.toFixed(1)} ms (${(b100 / 100).toFixed(2)} ms/payment); batch of 1: ${b1.toFixed(1)} ms`,
  );
  ctx.rows.push({
    key: 'batch100',
    label: 'batch of 100, time per batch (median)',
    value: b100,
    unit: 'ms',
    ceiling: b1,
    ceilingLabel: 'batch of 1',
    ratio: b100 / b1,
  });
  ctx.rows.push({
    key: 'batch100PerPayment',
    label: 'batch of 100, time per payment',
    value: b100 / 100,
    unit: 'ms',
    ceiling: b1,
    ceilingLabel: 'batch of 1',
    ratio: b100 / 100 / b1,
  });
}
