/** The Payments API calls the e2e suite makes: quotes, payment items, sandbox moves, accounts. */
import request from 'supertest';
import type { Test } from 'supertest';
import { beneficiaryFor } from './beneficiaries';
import {
  ADMIN_ACCOUNTS,
  type Http,
  newRef,
  PAYMENTS,
  type PaymentItem,
  type PaymentView,
  type Quote,
  QUOTES,
  SANDBOX,
} from './payments-types';
import type { TestApp } from './test-app';

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

/** The request, to await or to chain supertest's `.expect` on. */
export function postPayments(http: Http, payments: unknown[], atomic?: boolean): Test {
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
): Test {
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
