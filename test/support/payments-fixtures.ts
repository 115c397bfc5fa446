/**
 * Shared helpers of the Payments e2e suite (test/e2e/payments/): quotes, payment items, direct
 * PostgreSQL reads of the rows the API promises to write (or not), and a bounded wait.
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import type { Response } from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { beneficiaryFor } from './beneficiaries';
import { createTestApp, type TestApp } from './test-app';

export { BENEFICIARIES, beneficiaryFor } from './beneficiaries';

export const PAYMENTS = '/api/v1/payments';
export const QUOTES = '/api/v1/payments/quote';
export const SANDBOX = '/api/v1/sandbox/payments';
export const ADMIN_ACCOUNTS = '/api/v1/admin/accounts';

/** Builds a supertest agent authorized with one account's key. */
export type Http = () => request.Agent;

export interface Quote {
  id: string;
  currency: string;
  country: string;
  fee: { amount: string; currency: string };
  minAmount: string | null;
  maxAmount: string | null;
  beneficiaryRequirements: { field: string; format: string; required: boolean; option?: string }[];
  expiresAt: string;
  createdAt: string;
}

export interface PaymentItem {
  quoteId: string;
  externalRef: string;
  amount: string | number;
  beneficiary: { name: string; accountNumber: string; bankCode?: string | null };
  reference?: string | null;
  purpose?: string | null;
  metadata?: Record<string, string> | null;
  [extra: string]: unknown;
}

export interface PaymentView {
  id: string;
  externalRef: string;
  quoteId: string;
  status: string;
  amount: string;
  currency: string;
  country: string;
  fee: { amount: string; currency: string };
  beneficiary: { name: string; accountNumber: string; bankCode: string | null };
  reference: string | null;
  purpose: string | null;
  metadata: Record<string, string>;
  failureReason: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const ISO_UTC_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

let refCounter = 0;
/** A unique externalRef, readable in failures: `<prefix>-<n>-<random>`. */
export const newRef = (prefix = 'ref'): string =>
  `${prefix}-${++refCounter}-${randomUUID().slice(0, 8)}`;

/** A well-formed UUID (v7) that names nothing stored. */
export const unknownId = (): string => uuidv7();

// ---------------------------------------------------------------------------------------------
// App and database
// ---------------------------------------------------------------------------------------------

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
    ctx.t = await createTestApp(env);
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

// ---------------------------------------------------------------------------------------------
// API helpers
// ---------------------------------------------------------------------------------------------

export async function createQuote(http: Http, currency = 'USD', country = 'US'): Promise<Quote> {
  const res = await http().post(QUOTES).send({ currency, country });
  if (res.status !== 201)
    throw new Error(`quote ${currency}/${country}: ${res.status} ${res.text}`);
  return res.body as Quote;
}

export async function createQuotes(
  http: Http,
  n: number,
  currency = 'USD',
  country = 'US',
): Promise<Quote[]> {
  const quotes: Quote[] = [];
  for (let i = 0; i < n; i++) quotes.push(await createQuote(http, currency, country));
  return quotes;
}

/** A valid item (for a USD/US quote) with a fresh externalRef; `overrides` replace top-level fields. */
export function paymentItem(quoteId: string, overrides: Partial<PaymentItem> = {}): PaymentItem {
  return {
    quoteId,
    externalRef: newRef('pay'),
    amount: '100.00',
    beneficiary: beneficiaryFor('US'),
    ...overrides,
  };
}

export function postPayments(http: Http, payments: unknown[], atomic?: boolean): Promise<Response> {
  return http()
    .post(PAYMENTS)
    .send(atomic === undefined ? { payments } : { atomic, payments });
}

/** Creates one payment (with a new quote) and returns it as the API answered; fails loudly otherwise. */
export async function createPayment(
  http: Http,
  overrides: Partial<PaymentItem> = {},
  currency = 'USD',
  country = 'US',
): Promise<PaymentView> {
  const quote = await createQuote(http, currency, country);
  const item = paymentItem(quote.id, { beneficiary: beneficiaryFor(country), ...overrides });
  const res = await postPayments(http, [item]);
  if (res.status !== 201) throw new Error(`create payment: ${res.status} ${res.text}`);
  return res.body.results[0].payment as PaymentView;
}

export function moveInSandbox(
  http: Http,
  id: string,
  status: string,
  failureReason?: string,
): Promise<Response> {
  return http()
    .post(`${SANDBOX}/${id}/status`)
    .send(failureReason === undefined ? { status } : { status, failureReason });
}

/** Creates a second account through the admin API (the app must run with `ADMIN_API_KEY`). */
export async function createAccount(
  t: TestApp,
  adminKey: string,
  name: string,
): Promise<{ id: string; apiKey: string; http: Http }> {
  const res = await request(t.app.getHttpServer())
    .post(ADMIN_ACCOUNTS)
    .set('Authorization', `Bearer ${adminKey}`)
    .send({ name });
  if (res.status !== 201) throw new Error(`create account: ${res.status} ${res.text}`);
  const { id, apiKey } = res.body as { id: string; apiKey: string };
  return {
    id,
    apiKey,
    http: () => request.agent(t.app.getHttpServer()).set('Authorization', `Bearer ${apiKey}`),
  };
}

// ---------------------------------------------------------------------------------------------
// Assertions
// ---------------------------------------------------------------------------------------------

/** The distinct `errors[].field` of a problem, sorted. */
export const problemFields = (res: Response): string[] =>
  [...new Set(((res.body?.errors ?? []) as { field: string }[]).map((e) => e.field))].sort();

/** A problem+json answer with this status and code. */
export function expectProblem(res: Response, status: number, code: string): void {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, code, type: `/problems/${code}` });
}

/** 400 validation-failed naming exactly these fields. */
export function expectValidationFailed(res: Response, fields: string[]): void {
  expectProblem(res, 400, 'validation-failed');
  expect(problemFields(res)).toEqual([...fields].sort());
}

// ---------------------------------------------------------------------------------------------
// Waiting
// ---------------------------------------------------------------------------------------------

/**
 * Polls `probe` until it returns a value `until` accepts (default: truthy), at most `timeoutMs`;
 * then fails with the last value seen, so a timeout says what the state was.
 */
export async function waitFor<T>(
  probe: () => Promise<T>,
  options: {
    until?: (value: T) => boolean;
    timeoutMs?: number;
    intervalMs?: number;
    what?: string;
  } = {},
): Promise<T> {
  const {
    until = (v: T) => Boolean(v),
    timeoutMs = 10_000,
    intervalMs = 25,
    what = 'condition',
  } = options;
  const deadline = Date.now() + timeoutMs;
  let last: T;
  for (;;) {
    last = await probe();
    if (until(last)) return last;
    if (Date.now() > deadline)
      throw new Error(
        `waitFor(${what}) timed out after ${timeoutMs} ms; last value: ${JSON.stringify(last)}`,
      );
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
