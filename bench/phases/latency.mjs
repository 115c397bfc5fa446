// Webhooks end to end: the outbox relay's throughput on a burst of committed events
// (diagnostic), then commit-to-receipt latency at an even rate of payments made through the API.
import { ctx, K } from '../lib/context.mjs';
import { pacedCreates } from '../lib/creates.mjs';
import { ensureSubscription } from '../lib/hooks.mjs';
import { envNumber, log, now, percentile, sleep } from '../lib/util.mjs';

const INSERT_EVENTS = `insert into outbox_event (id, type, aggregate_id, account_id, payload, occurred_at, available_at)
  select gen_random_uuid(), 'payment.created', gen_random_uuid(), $1, $2::jsonb, now(), now() from generate_series(1, $3)`;

/** How fast the relay (claim, fan-out per event, mark published) and the dispatcher drain a burst. */
async function relayThroughput() {
  const n = envNumber('BENCH_RELAY_EVENTS', 2000);
  if (n <= 0) return null;
  const { receiver, envelopeBody } = ctx.hooks;
  receiver.state.reset();
  const payload = JSON.parse(envelopeBody).data;
  const t0 = now();
  await ctx.window('relay', async () => {
    await ctx.pool.query(INSERT_EVENTS, [ctx.accountId, JSON.stringify(payload), n]);
    await ctx.waitOutboxDrained(120_000);
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
    cpuPerEvent: ctx.cpuPer('relay', n),
  };
  log(
    `  outbox relay: ${n} events published in ${relaySeconds.toFixed(1)} s (${figure.relayEventsPerSecond.toFixed(0)}/s, includes up to one 500 ms poll), all delivered after ${deliveredSeconds.toFixed(1)} s`,
  );
  return figure;
}

export async function latency() {
  const { receiver } = await ensureSubscription();
  log('webhooks: outbox relay throughput on a burst of committed events (diagnostic)');
  const F = ctx.F;
  F.relay = await relayThroughput();
  if (F.relay) {
    ctx.rows.push({
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
  const size = Math.max(1, K.latencyBatch);
  await ctx.topUpQuotes(rate * K.latencySeconds * 1.2 + 200 + size);
  await ctx.waitOutboxDrained();
  await ctx.waitDeliveriesDrained();
  const prefix = `lat-${ctx.run}-`;
  receiver.state.reset();
  receiver.state.latencyPrefix = prefix;
  log(
    `webhooks: commit-to-receipt latency, ${rate} events/s (${rate / size} creates/s of ${size} items) for ${K.latencySeconds} s`,
  );
  const sent = await ctx.window('latency', () =>
    pacedCreates({
      seconds: K.latencySeconds,
      requestsPerSecond: rate / size,
      phase: 'load:latency',
      prefix: prefix.slice(0, -1),
      size,
    }),
  );
  const t = now();
  while (receiver.state.latencies.length < sent.ok && now() - t < 15_000) await sleep(100);
  const lat = receiver.state.latencies;
  receiver.state.latencyPrefix = null;
  const figure = {
    cpuPerEvent: ctx.cpuPer('latency', sent.ok),
    itemsPerRequest: size,
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
  ctx.rows.push({
    key: 'latencyP50',
    label: `commit-to-receipt p50 at ${rate} events/s`,
    value: figure.p50,
    unit: 'ms',
  });
  ctx.rows.push({
    key: 'latencyP99',
    label: `commit-to-receipt p99 at ${rate} events/s`,
    value: figure.p99,
    unit: 'ms',
    // A run that lost receipts fails whatever its p99.
    complete: lat.length >= sent.ok,
  });
}
