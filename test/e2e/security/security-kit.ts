/**
 * Shared helpers of the security suite (test/e2e/security/) and the fault suite (test/faults/):
 * bounded concurrency, tallies, problem+json checks and database fingerprints read with `pg`.
 */
import { Client } from 'pg';
import type { Response } from 'supertest';
import type { TestApp } from '../../support/test-app';

/** The tables whose content a rejected request must leave alone. */
export const STATE_TABLES = [
  'account',
  'payment',
  'quote',
  'outbox_event',
  'webhook_subscription',
  'webhook_delivery',
  'webhook_attempt',
  'payout_job',
] as const;

/** Runs `fn` over `items` with at most `limit` in flight; results in input order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export function tally<T>(
  values: Iterable<T>,
  key: (v: T) => string | number = (v) => String(v),
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) {
    const k = String(key(v));
    out[k] = (out[k] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Makes supertest reuse one listening server instead of listening once per request. */
export async function listen(t: TestApp): Promise<string> {
  const server = t.app.getHttpServer();
  if (!server.address()) await t.app.listen(0, '127.0.0.1');
  const address = server.address() as { port: number };
  return `http://127.0.0.1:${address.port}`;
}

export async function connect(databaseUrl: string): Promise<Client> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  return db;
}

/** One md5 per table over all of its rows: any insert, update or delete changes it. */
export async function fingerprint(
  db: Client,
  tables: readonly string[] = STATE_TABLES,
): Promise<Record<string, string>> {
  const sql = tables
    .map(
      (t) =>
        `select '${t}' as t, count(*)::text || ':' || coalesce(md5(string_agg(x::text, '|' order by x::text)), '-') as f from ${t} x`,
    )
    .join(' union all ');
  const { rows } = await db.query<{ t: string; f: string }>(sql);
  return Object.fromEntries(rows.map((r) => [r.t, r.f]));
}

/**
 * `fingerprint` made cheap for many calls: PostgreSQL assigns a transaction id to every
 * transaction that writes (or locks rows), so while the next transaction id has not moved, no
 * row can have changed and the last fingerprint still holds; only then are the tables read.
 */
export class StateWatcher {
  private lastXmax = '';
  private last: Record<string, string> = {};
  constructor(
    private readonly db: Client,
    private readonly tables: readonly string[] = STATE_TABLES,
  ) {}

  async current(): Promise<Record<string, string>> {
    const { rows } = await this.db.query<{ x: string }>(
      'select pg_snapshot_xmax(pg_current_snapshot())::text as x',
    );
    if (rows[0].x !== this.lastXmax) {
      this.last = await fingerprint(this.db, this.tables);
      this.lastXmax = rows[0].x;
    }
    return this.last;
  }
}

export async function count(db: Client, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await db.query<{ n: string }>(sql, params);
  return Number(rows[0].n);
}

/** Why `res` is not a proper problem+json answer for its status, or null when it is one. */
export function problemDefect(res: {
  status: number;
  headers: Record<string, string>;
  text?: string;
  body?: unknown;
}): string | null {
  if (res.status < 400) return null;
  const type = String(res.headers['content-type'] ?? '');
  if (!type.startsWith('application/problem+json'))
    return `status ${res.status} with content-type "${type}": ${String(res.text).slice(0, 200)}`;
  let body: { status?: unknown; code?: unknown };
  try {
    body = JSON.parse(res.text ?? '') as typeof body;
  } catch {
    return `status ${res.status}: problem body is not JSON: ${String(res.text).slice(0, 200)}`;
  }
  if (body.status !== res.status)
    return `status ${res.status} but problem.status ${JSON.stringify(body.status)}`;
  if (typeof body.code !== 'string' || body.code === '')
    return `status ${res.status} without a string code: ${String(res.text).slice(0, 200)}`;
  return null;
}

export function expectProblemJson(res: Response, status?: number, code?: string): void {
  expect(problemDefect(res)).toBeNull();
  if (status !== undefined) expect(res.status).toBe(status);
  if (code !== undefined) expect(res.body.code).toBe(code);
}

/** console.log that Jest prints with the test's output: every test reports its figures. */
export function report(label: string, figures: Record<string, unknown>): void {
  // eslint-disable-next-line no-console
  console.log(`${label}: ${JSON.stringify(figures)}`);
}
