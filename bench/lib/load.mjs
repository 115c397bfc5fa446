// Load generators: autocannon against the service, closed loops through pg (the ceilings) and
// through undici (set-up work and the soak).
import autocannon from 'autocannon';
import { Pool as HttpPool } from 'undici';
import { now, percentile } from './util.mjs';

/** Runs autocannon and resolves with its result plus our own wall-clock duration. */
export async function cannon(options, instanceRef = {}) {
  const started = now();
  const instance = autocannon({ excludeErrorStats: true, ...options });
  instanceRef.instance = instance;
  const result = await instance;
  return { result, wallSeconds: (now() - started) / 1000 };
}

/** The figures we keep from an autocannon result. `ok` is the count of successful answers. */
export function summarize({ result, wallSeconds }, ok = result['2xx']) {
  return {
    rate: ok / wallSeconds,
    ok,
    seconds: wallSeconds,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: result.statusCodeStats,
  };
}

/**
 * `concurrency` workers, each with its own pooled pg client, run `work(client)` back to back for
 * `seconds` (or until `work` returns false). Returns rate and latency like autocannon's figures.
 */
export async function pgLoop(pool, { concurrency, seconds, work }) {
  const latencies = [];
  let errors = 0;
  let firstError;
  const deadline = now() + seconds * 1000;
  const started = now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      const client = await pool.connect();
      try {
        while (now() < deadline) {
          const t = now();
          try {
            if ((await work(client)) === false) return;
            latencies.push(now() - t);
          } catch (error) {
            errors++;
            firstError ??= error;
          }
        }
      } finally {
        client.release();
      }
    }),
  );
  const elapsed = (now() - started) / 1000;
  if (errors && !latencies.length) throw firstError;
  return {
    rate: latencies.length / elapsed,
    ok: latencies.length,
    seconds: elapsed,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    errors,
    firstError: firstError ? String(firstError.message ?? firstError) : undefined,
  };
}

/** An HTTP client for set-up calls and custom loops. */
export class Api {
  constructor(base, apiKey, connections = 32) {
    this.base = base;
    this.pool = new HttpPool(base, { connections, keepAliveTimeout: 30_000 });
    this.headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
  }

  async call(method, path, body) {
    const res = await this.pool.request({
      method,
      path,
      headers: this.headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.body.text();
    let json;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    return { status: res.statusCode, body: json };
  }

  async expect(status, method, path, body) {
    const res = await this.call(method, path, body);
    if (res.status !== status) {
      throw new Error(
        `${method} ${path}: expected ${status}, got ${res.status}: ${JSON.stringify(res.body).slice(0, 500)}`,
      );
    }
    return res.body;
  }

  async quote() {
    const q = await this.expect(201, 'POST', '/api/v1/payments/quote', {
      currency: 'INR',
      country: 'IN',
    });
    return q.id;
  }

  /** `count` quotes made through the API, `concurrency` requests at a time. */
  async quotes(count, concurrency = 16) {
    const ids = [];
    let issued = 0;
    await Promise.all(
      Array.from({ length: Math.min(concurrency, count) }, async () => {
        while (issued < count) {
          issued++;
          ids.push(await this.quote());
        }
      }),
    );
    return ids;
  }

  close() {
    return this.pool.close();
  }
}
