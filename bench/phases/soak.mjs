// Soak: clients looping quote → payment → get while webhooks flow; is RSS (and the V8 heap) flat?
import { ctx, K } from '../lib/context.mjs';
import { ensureSubscription } from '../lib/hooks.mjs';
import { paymentItem } from '../lib/sql.mjs';
import { log, median, now, round, sleep, slope } from '../lib/util.mjs';

async function metric(name) {
  const res = await ctx.api.call('GET', '/metrics');
  const match = new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+-]+)$`, 'm').exec(String(res.body));
  return match ? Number(match[1]) : null;
}

const HEAP = 'nodejs_heap_size_used_bytes';

/** The service's V8 heap in use, every 5 s (from its own /metrics): RSS alone hides a slow leak. */
function sampleHeap(heap, start) {
  return setInterval(() => {
    void metric(HEAP)
      .then((b) => b && heap.push({ x: (now() - start) / 60_000, y: b / 2 ** 20 }))
      .catch(() => undefined);
  }, 5000);
}

async function loopClients(deadline, counts) {
  await Promise.all(
    Array.from({ length: K.soakConnections }, async () => {
      while (now() < deadline) {
        try {
          const quoteId = await ctx.api.quote();
          const created = await ctx.api.expect(201, 'POST', '/api/v1/payments', {
            payments: [paymentItem(quoteId, ctx.nextRef('soak'))],
          });
          await ctx.api.expect(200, 'GET', `/api/v1/payments/${created.results[0].payment.id}`);
          counts.iterations++;
        } catch (error) {
          if (counts.failures++ === 0) log(`  soak failure: ${error.message}`);
          await sleep(100);
        }
      }
    }),
  );
}

export async function soak() {
  await ensureSubscription();
  const seconds = K.soakSeconds;
  log(
    `soak: ${K.soakConnections} clients looping quote → payment → get for ${seconds} s (BENCH_SOAK_SECONDS)`,
  );
  const heapBefore = await metric(HEAP);
  const heap = [];
  const started = now();
  const heapTimer = sampleHeap(heap, started);
  ctx.rss.phase = 'soak';
  const counts = { iterations: 0, failures: 0 };
  await ctx.window('soak', () => loopClients(now() + seconds * 1000, counts));
  clearInterval(heapTimer);
  ctx.rss.phase = 'idle';
  const elapsed = (now() - started) / 1000;
  await sleep(1000);
  const heapAfter = await metric(HEAP);
  const samples = ctx.rss.of('soak');
  const t0 = samples[0].t;
  const at = (from, to) =>
    median(
      samples
        .filter((s) => s.t >= t0 + from * elapsed && s.t <= t0 + to * elapsed)
        .map((s) => s.mb),
    );
  const warm = at(0.1, 0.2);
  const end = at(0.9, 1.0);
  const secondHalf = samples
    .filter((s) => s.t >= t0 + elapsed / 2)
    .map((s) => ({ x: s.t / 60, y: s.mb }));
  const { iterations, failures } = counts;
  const figure = {
    seconds: elapsed,
    iterations,
    requestsPerSecond: (iterations * 3) / elapsed,
    failures,
    rssWarmMb: warm,
    rssEndMb: end,
    rssMaxMb: Math.max(...samples.map((s) => s.mb)),
    rssSlopeMbPerMinSecondHalf: slope(secondHalf),
    cpuPerIteration: ctx.cpuPer('soak', iterations),
    heapUsedBeforeMb: heapBefore && heapBefore / 2 ** 20,
    heapUsedAfterMb: heapAfter && heapAfter / 2 ** 20,
    heapSlopeMbPerMinSecondHalf: slope(heap.filter((h) => h.x >= elapsed / 120)),
    heapSamplesMb: heap.map((h) => [round(h.x * 60, 0), round(h.y, 1)]),
    samples: samples.map((s) => [round(s.t, 1), round(s.mb, 1)]),
  };
  ctx.F.soak = figure;
  log(
    `  RSS ${warm?.toFixed(0)} MB after warm-up → ${end?.toFixed(0)} MB at the end (second half ${figure.rssSlopeMbPerMinSecondHalf.toFixed(1)} MB/min); ` +
      `heap used ${figure.heapUsedBeforeMb?.toFixed(0)} → ${figure.heapUsedAfterMb?.toFixed(0)} MB (second half ${figure.heapSlopeMbPerMinSecondHalf.toFixed(1)} MB/min); ` +
      `${figure.requestsPerSecond.toFixed(0)} req/s, ${failures} failures`,
  );
  ctx.rows.push({
    key: 'soakRss',
    label: `RSS after ${Math.round(elapsed)} s soak`,
    value: end,
    unit: 'MB',
    ceiling: warm,
    ceilingLabel: 'RSS at 10–20% of soak',
    ratio: end / warm,
  });
}
