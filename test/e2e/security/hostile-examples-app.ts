/**
 * The set-up the pinned hostile-input examples share: an app with, in account A, a fresh quote, a
 * PENDING and a PROCESSING payment and a subscription for the examples to aim at; and the check
 * every example must pass: no 5xx, a problem+json answer whose status is the HTTP status, no row
 * changed by a rejected request, no prototype polluted.
 */
import type { Client } from 'pg';
import { ADMIN_KEY, createTestApp, DEMO_KEY, type TestApp } from '../../support/test-app';
import { rawRequest, type RawRequest } from './raw-http';
import { connect, fingerprint, listen, problemDefect, report } from './security-kit';

export const P = '/api/v1/payments';
export const json = (value: unknown) => JSON.stringify(value);
export const nestArrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
export const nestObjects = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
export const auth = { authorization: `Bearer ${DEMO_KEY}`, 'content-type': 'application/json' };

/** The ids the examples aim at, set in `beforeAll`; `quoteId` is the next unused quote. */
export interface ExampleIds {
  quoteId: string;
  paymentId: string;
  subscriptionId: string;
  processingId: string;
}

export function useHostileExamplesApp() {
  let t: TestApp;
  let db: Client;
  let base: string;
  const ids = {} as ExampleIds;

  const send = (req: RawRequest) => rawRequest(base, req);
  const freshQuote = async () =>
    (
      await send({
        method: 'POST',
        path: `${P}/quote`,
        headers: auth,
        body: json({ currency: 'USD', country: 'US' }),
      })
    ).body as { id: string };
  const item = (overrides: Record<string, unknown> = {}) => ({
    quoteId: ids.quoteId,
    externalRef: `ex-${Math.random().toString(36).slice(2)}`,
    amount: '10.00',
    beneficiary: { name: 'Asha Rao', accountNumber: '50100012345678', bankCode: '021000021' },
    ...overrides,
  });

  beforeAll(async () => {
    t = await createTestApp({
      env: {
        RATE_LIMIT_PER_MINUTE: '0',
        SCHEDULERS: 'false',
        ADMIN_API_KEY: ADMIN_KEY,
      },
    });
    base = await listen(t);
    db = await connect(t.databaseUrl);
    ids.quoteId = (await freshQuote()).id;
    const created = await send({
      method: 'POST',
      path: P,
      headers: auth,
      body: json({ payments: [item()] }),
    });
    ids.paymentId = (
      created.body as { results: { payment: { id: string } }[] }
    ).results[0].payment.id;
    // A PROCESSING payment, so that a move to FAILED reaches the database.
    ids.quoteId = (await freshQuote()).id;
    const second = await send({
      method: 'POST',
      path: P,
      headers: auth,
      body: json({ payments: [item()] }),
    });
    ids.processingId = (
      second.body as { results: { payment: { id: string } }[] }
    ).results[0].payment.id;
    await send({
      method: 'POST',
      path: `/api/v1/sandbox/payments/${ids.processingId}/status`,
      headers: auth,
      body: json({ status: 'PROCESSING' }),
    });
    ids.quoteId = (await freshQuote()).id;
    ids.subscriptionId = (
      (
        await send({
          method: 'POST',
          path: `${P}/subscribe`,
          headers: auth,
          body: json({ callbackUrl: 'http://127.0.0.1:9/h' }),
        })
      ).body as { id: string }
    ).id;
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  /** Sends one example and checks it changed nothing and answered a well-formed problem. */
  async function expectHarmless(name: string, build: () => RawRequest): Promise<void> {
    const req = build();
    const before = await fingerprint(db);
    const res = await send(req);
    const after = await fingerprint(db);
    report(`hostile example ${name}`, {
      status: res.status,
      code: (res.body as { code?: string } | undefined)?.code ?? null,
      contentType: res.headers['content-type'] ?? null,
      ms: Math.round(res.durationMs),
    });
    expect(res.status).toBeLessThan(500);
    expect(problemDefect(res)).toBeNull();
    if (res.status >= 300)
      expect(Object.keys(after).filter((k) => after[k] !== before[k])).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }

  return { ids, send, freshQuote, item, expectHarmless };
}
