// The webhook side of the bench: a receiver in this process, one subscription to it, a real
// envelope, and the measurement of how fast due deliveries reach the receiver.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { ctx, K } from './context.mjs';
import { startReceiver } from './receiver.mjs';
import { ROOT } from './service.mjs';
import { paymentItem } from './sql.mjs';
import { log, median, now, percentile, round, sleep } from './util.mjs';

/** The receiver, the subscription and a real envelope body; made once, by the first phase asking. */
export async function ensureSubscription() {
  if (ctx.hooks) return ctx.hooks;
  const receiver = await startReceiver();
  ctx.cleanups.push(() => receiver.close());
  const sub = await ctx.api.expect(201, 'POST', '/api/v1/payments/subscribe', {
    callbackUrl: receiver.url,
  });
  // A real envelope (the body every delivery of a payment.created event carries).
  await ctx.topUpQuotes(1);
  const created = await ctx.api.expect(201, 'POST', '/api/v1/payments', {
    payments: [paymentItem(ctx.apiQuotes.pop(), ctx.nextRef('env'))],
  });
  const payment = created.results[0].payment;
  const envelopeBody = JSON.stringify({
    id: uuidv7(),
    type: 'payment.created',
    createdAt: payment.createdAt,
    accountId: ctx.accountId,
    data: payment,
  });
  await ctx.waitOutboxDrained();
  await sleep(1000);
  ctx.hooks = { receiver, subscriptionId: sub.id, envelopeBody };
  return ctx.hooks;
}

/**
 * `count - 1` more subscriptions of the bench's account to the same receiver (another path each), so
 * a delivery window can spread its work the way many endpoints do; `remove` deletes them again, so
 * the later phases' events still go to one subscription.
 */
export async function moreSubscriptions(count) {
  const { receiver, subscriptionId } = ctx.hooks;
  const ids = [subscriptionId];
  for (let i = 1; i < count; i++) {
    const sub = await ctx.api.expect(201, 'POST', '/api/v1/payments/subscribe', {
      callbackUrl: `${receiver.url}/${i}`,
    });
    ids.push(sub.id);
  }
  const remove = async () => {
    for (const id of ids.slice(1))
      await ctx.api.expect(204, 'DELETE', `/api/v1/payments/subscriptions/${id}`);
  };
  return { ids, remove };
}

/** `$4` due deliveries dealt round-robin to the subscriptions `$1`. */
const INSERT_DUE = `insert into webhook_delivery (id, subscription_id, account_id, event_id, event_type, body, status, attempts, next_attempt_at, event_created_at, created_at, updated_at)
  select gen_random_uuid(), ($1::uuid[])[1 + i % cardinality($1::uuid[])], $2, gen_random_uuid(), 'payment.created', $3, 'PENDING', 0, now(), now(), now(), now()
  from generate_series(1, $4) as i`;

/** Idle gaps at the receiver (> 10 ms without a delivery): the dispatcher between two passes. */
function idleGaps(times, spanMs) {
  const gaps = [];
  for (let i = 1; i < times.length; i++)
    if (times[i] - times[i - 1] > 10) gaps.push(times[i] - times[i - 1]);
  return {
    count: gaps.length,
    medianMs: round(median(gaps)),
    p90Ms: round(percentile(gaps, 90)),
    maxMs: round(percentile(gaps, 100)),
    shareOfWindow: round(gaps.reduce((a, b) => a + b, 0) / spanMs, 3),
  };
}

/** Receipts per 250 ms from the first one: bursts and stalls of the dispatcher at a glance. */
const timeline = (times, first) =>
  times
    .reduce((acc, t) => {
      const i = Math.floor((t - first) / 250);
      acc[i] = (acc[i] ?? 0) + 1;
      return acc;
    }, [])
    .map((n) => n ?? 0);

/**
 * Cancels what the window left undelivered. The dispatcher may be recording a batch meanwhile, and
 * two multi-row updates in different row orders can deadlock: PostgreSQL then aborts one of them
 * (the service retries its own), so the bench retries this one.
 */
async function cancelPending(subscriptionIds) {
  for (let attempt = 1; ; attempt++) {
    try {
      await ctx.pool.query(
        `update webhook_delivery set status = 'CANCELLED', next_attempt_at = null where subscription_id = any($1) and status = 'PENDING'`,
        [subscriptionIds],
      );
      return;
    } catch (error) {
      if (error.code !== '40P01' || attempt === 5) throw error;
      log(`  cancelling the window's leftovers: deadlock, attempt ${attempt} of 5`);
      await sleep(100);
    }
  }
}

/**
 * Inserts `count` due deliveries, spread over `subscriptionIds`, and measures how fast the running
 * instance(s) deliver them.
 */
export async function measureDeliveries(
  label,
  count,
  subscriptionIds = [ctx.hooks.subscriptionId],
) {
  const { receiver, envelopeBody } = ctx.hooks;
  receiver.state.reset();
  receiver.state.latencyPrefix = null;
  const { rows: clock } = await ctx.pool.query('select now() as t');
  await ctx.pool.query(INSERT_DUE, [subscriptionIds, ctx.accountId, envelopeBody, count]);
  // Statistics as autovacuum keeps them in production. Never analyzed (a fresh database), the
  // planner's default selectivities make the claim sort the whole backlog (10–20 ms a claim) until
  // autovacuum's first analyze; the windows measure the dispatcher, not that first minute.
  await ctx.pool.query('analyze webhook_delivery');
  const windowMs = K.webhookSeconds * 1000;
  const t0 = now();
  while (now() - t0 < windowMs + 15_000) {
    const s = receiver.state;
    if (s.count >= count) break;
    if (s.first !== null && now() - s.first >= windowMs) break;
    await sleep(50);
  }
  const s = receiver.state;
  const first = s.first ?? t0;
  const inWindow = s.times.filter((t) => t - first <= windowMs);
  const spanMs = s.count >= count ? s.last - first : windowMs;
  const rate = spanMs > 0 ? (inWindow.length - 1) / (spanMs / 1000) : 0;
  await cancelPending(subscriptionIds);
  await sleep(2000);
  const { rows: statuses } = await ctx.pool.query(
    `select status, count(*)::int as n from webhook_delivery where subscription_id = any($1) and created_at >= $2 group by status`,
    [subscriptionIds, clock[0].t],
  );
  const figure = {
    inserted: count,
    idleGaps: idleGaps(inWindow, spanMs),
    timeline: timeline(inWindow, first),
    received: s.count,
    duplicates: s.duplicates,
    firstReceiptAfterMs: s.first === null ? null : s.first - t0,
    windowSeconds: spanMs / 1000,
    rate,
    statuses: Object.fromEntries(statuses.map((r) => [r.status, r.n])),
  };
  await ctx.pool.query(
    `delete from webhook_delivery where subscription_id = any($1) and status = 'CANCELLED'`,
    [subscriptionIds],
  );
  const g = figure.idleGaps;
  log(
    `  ${label}: ${rate.toFixed(0)} deliveries/s (${s.count} received, first after ${figure.firstReceiptAfterMs?.toFixed(0)} ms; ` +
      `${g.count} idle gaps > 10 ms, median ${g.medianMs} ms, ${(100 * g.shareOfWindow).toFixed(0)}% of the time)`,
  );
  return figure;
}

/** The receiver's own capacity: plain undici POSTs of the same body from another process. */
export async function receiverCeiling() {
  const { receiver, envelopeBody } = ctx.hooks;
  const args = JSON.stringify({
    url: receiver.url,
    concurrency: K.webhookConcurrency,
    seconds: K.webhookCeilingSeconds,
    body: envelopeBody,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'payments-api-webhooks/1.0',
      'webhook-timestamp': '0',
      'webhook-signature': 'v1,x',
    },
  });
  receiver.state.reset();
  const script = join(ROOT, 'bench', 'lib', 'flood-child.mjs');
  const child = spawn(process.execPath, [script, args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  await new Promise((resolve) => child.once('exit', resolve));
  const r = JSON.parse(out);
  return { rate: r.count / r.seconds, ...r };
}
