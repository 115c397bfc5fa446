// Ways of creating payments through the API under load: autocannon at full speed, or evenly
// paced (as a steady production load arrives); and the SQL ceiling evenly paced too.
import { ctx, K } from './context.mjs';
import { cannon, summarize } from './load.mjs';
import { paymentItem } from './sql.mjs';
import { now, percentile, sleep } from './util.mjs';

const items = (n, prefix) =>
  Array.from({ length: n }, () => paymentItem(ctx.apiQuotes.pop(), ctx.nextRef(prefix)));

/** autocannon POST /payments, one fresh quote and externalRef per item. */
export async function createPaymentsRun({ seconds, phase, prefix = 'ac', size = 1 }) {
  const ref = {};
  let created = 0;
  let exhausted = false;
  ctx.rss.phase = phase;
  const setupRequest = (req) => {
    if (ctx.apiQuotes.length < size) {
      if (!exhausted) {
        exhausted = true;
        setImmediate(() => ref.instance?.stop());
      }
      return { ...req, method: 'GET', path: '/bench-quotes-exhausted', body: undefined };
    }
    return { ...req, body: JSON.stringify({ payments: items(size, prefix) }) };
  };
  const run = await cannon(
    {
      url: ctx.svc.base,
      connections: K.connections,
      duration: seconds,
      headers: ctx.api.headers,
      requests: [
        {
          method: 'POST',
          path: '/api/v1/payments',
          setupRequest,
          onResponse: (status) => {
            if (status === 201) created += size;
          },
        },
      ],
    },
    ref,
  );
  ctx.rss.phase = 'idle';
  if (exhausted)
    ctx.results.notes.push(
      `${phase}: ran out of quotes after ${run.wallSeconds.toFixed(1)} s (raise BENCH_QUOTE_FACTOR)`,
    );
  return { ...summarize(run, created), quotesExhausted: exhausted };
}

/**
 * Runs `send` at an even pace (one call every 1/rate s); autocannon's overallRate releases a
 * second's worth of requests at once, which measures a burst. `send` resolves to the count it made.
 */
export async function paced({ seconds, perSecond, send, until = () => true }) {
  const total = Math.round(seconds * perSecond);
  const start = now();
  const inflight = [];
  const times = [];
  let ok = 0;
  for (let i = 0; i < total && until(); i++) {
    const t = now();
    inflight.push(
      send().then((n) => {
        times.push(now() - t);
        ok += n;
      }),
    );
    const wait = start + ((i + 1) * 1000) / perSecond - now();
    if (wait > 0) await sleep(wait);
  }
  await Promise.all(inflight);
  const rate = ok / ((now() - start) / 1000);
  return { ok, rate, p50: percentile(times, 50), p99: percentile(times, 99) };
}

/** POST /payments of `size` items each, evenly paced. */
export async function pacedCreates({ seconds, requestsPerSecond, size, prefix, phase }) {
  ctx.rss.phase = phase;
  const result = await paced({
    seconds,
    perSecond: requestsPerSecond,
    until: () => ctx.apiQuotes.length >= size,
    send: () =>
      ctx.api
        .call('POST', '/api/v1/payments', { payments: items(size, prefix) })
        .then((res) => (res.status === 201 ? size : 0)),
  });
  ctx.rss.phase = 'idle';
  return result;
}
