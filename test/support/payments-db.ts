/**
 * The app and the database of the Payments e2e suite: a fresh app per file, and direct PostgreSQL
 * reads of the rows the API promises to write (or not).
 */
import { Client } from 'pg';
import { createTestApp, type TestApp } from './test-app';
import type { PaymentView } from './payments-types';

export interface PaymentsContext {
  t: TestApp;
  db: Client;
}

/**
 * Starts the whole app on a fresh database in `beforeAll` (and a `pg` client on that database),
 * closes both in `afterAll`. Read `ctx.t` / `ctx.db` inside tests only.
 */
export function usePaymentsApp(env: Record<string, string> = {}): PaymentsContext {
  const ctx = {} as PaymentsContext;
  beforeAll(async () => {
    ctx.t = await createTestApp({ env });
    ctx.db = await connectDb(ctx.t.databaseUrl);
  });
  afterAll(async () => {
    await ctx.db?.end();
    await ctx.t?.close();
  });
  return ctx;
}

export async function connectDb(databaseUrl: string): Promise<Client> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  return db;
}

export async function countRows(
  db: Client,
  table: 'payment' | 'outbox_event' | 'quote' | 'payout_job',
  where = 'true',
  params: unknown[] = [],
): Promise<number> {
  const { rows } = await db.query<{ n: string }>(
    `select count(*) as n from ${table} where ${where}`,
    params,
  );
  return Number(rows[0].n);
}

/** The figures "nothing written" is checked against. */
export interface WriteCounts {
  payments: number;
  events: number;
  usedQuotes: number;
}

export async function writeCounts(db: Client): Promise<WriteCounts> {
  return {
    payments: await countRows(db, 'payment'),
    events: await countRows(db, 'outbox_event'),
    usedQuotes: await countRows(db, 'quote', 'used_at is not null'),
  };
}

export interface PaymentRow {
  id: string;
  account_id: string;
  external_ref: string;
  quote_id: string;
  status: string;
  amount_minor: string;
  currency: string;
  country: string;
  fee_minor: string;
  beneficiary: { name: string; accountNumber: string; bankCode: string | null };
  reference: string | null;
  purpose: string | null;
  metadata: Record<string, string>;
  failure_reason: string | null;
  version: number;
}

export async function paymentRowsByRef(db: Client, externalRef: string): Promise<PaymentRow[]> {
  return (
    await db.query<PaymentRow>('select * from payment where external_ref = $1', [externalRef])
  ).rows;
}

export async function paymentRowById(db: Client, id: string): Promise<PaymentRow | undefined> {
  return (await db.query<PaymentRow>('select * from payment where id = $1', [id])).rows[0];
}

export interface OutboxRow {
  id: string;
  type: string;
  aggregate_id: string;
  account_id: string;
  payload: PaymentView;
}

/** The outbox rows of one payment, oldest first (event ids are UUID v7). */
export async function outboxRowsOf(db: Client, paymentId: string): Promise<OutboxRow[]> {
  return (
    await db.query<OutboxRow>(
      'select id, type, aggregate_id, account_id, payload from outbox_event where aggregate_id = $1 order by id',
      [paymentId],
    )
  ).rows;
}

export async function quoteUsedAt(db: Client, quoteId: string): Promise<Date | null> {
  const { rows } = await db.query<{ used_at: Date | null }>(
    'select used_at from quote where id = $1',
    [quoteId],
  );
  if (rows.length === 0) throw new Error(`quote ${quoteId} is not stored`);
  return rows[0].used_at;
}
