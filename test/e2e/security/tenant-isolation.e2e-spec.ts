/**
 * Tenant isolation: account B calls every endpoint with account A's quote, payment, subscription
 * and delivery ids. Each answer is a 404 (never 403) that says no more than the answer for an id
 * that does not exist, and none of A's rows moves (payment version, quote used_at, subscription
 * status, delivery status and attempts, row fingerprints).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Client } from 'pg';
import request, { type Response } from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { createTestApp, DEMO_KEY, type TestApp } from '../../support/test-app';
import { workersSettled } from '../../support/workers-settled';
import { connect, fingerprint, listen, problemDefect, report, sleep, tally } from './security-kit';

const ADMIN_KEY = '0123456789abcdef0123';
const P = '/api/v1/payments';

describe('tenant isolation: account B with account A ids', () => {
  let t: TestApp;
  let db: Client;
  let base: string;
  let receiver: Server;
  let hits = 0;
  let keyB: string;
  const A: {
    quoteId: string;
    paymentId: string;
    externalRef: string;
    subscriptionId: string;
    deliveryId: string;
  } = {} as never;
  let subscriptionB: string;

  const as = (key: string) => ({
    get: (path: string) => request(base).get(path).set('Authorization', `Bearer ${key}`),
    post: (path: string, body?: unknown) => {
      const r = request(base).post(path).set('Authorization', `Bearer ${key}`);
      return body === undefined ? r : r.send(body as object);
    },
    delete: (path: string) => request(base).delete(path).set('Authorization', `Bearer ${key}`),
  });
  const a = () => as(DEMO_KEY);
  const b = () => as(keyB);

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        hits++;
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    t = await createTestApp({
      ADMIN_API_KEY: ADMIN_KEY,
      RATE_LIMIT_PER_MINUTE: '0',
      OUTBOX_POLL_INTERVAL_MS: '20',
      WEBHOOK_POLL_INTERVAL_MS: '20',
    });
    base = await listen(t);
    db = await connect(t.databaseUrl);
    const account = await request(base)
      .post('/api/v1/admin/accounts')
      .set('Authorization', `Bearer ${ADMIN_KEY}`)
      .send({ name: 'Tenant B' })
      .expect(201);
    keyB = account.body.apiKey;

    // A: a subscription, an unused quote, a PENDING payment and the delivery of its event.
    A.subscriptionId = (
      await a().post(`${P}/subscribe`, { callbackUrl: hookUrl }).expect(201)
    ).body.id;
    A.quoteId = (
      await a().post(`${P}/quote`, { currency: 'USD', country: 'US' }).expect(201)
    ).body.id;
    const quoteForPayment = (
      await a().post(`${P}/quote`, { currency: 'USD', country: 'US' }).expect(201)
    ).body.id;
    A.externalRef = `tenant-a-${randomUUID().slice(0, 8)}`;
    const created = await a()
      .post(P, {
        payments: [
          {
            quoteId: quoteForPayment,
            externalRef: A.externalRef,
            amount: '10.00',
            beneficiary: { name: 'A Corp', accountNumber: '123456', bankCode: '021000021' },
          },
        ],
      })
      .expect(201);
    A.paymentId = created.body.results[0].payment.id;
    for (let waited = 0; ; waited += 25) {
      const page = (await a().get(`${P}/subscriptions/${A.subscriptionId}/deliveries`).expect(200))
        .body.data;
      if (page.length === 1 && page[0].status === 'DELIVERED') {
        A.deliveryId = page[0].id;
        break;
      }
      if (waited > 10_000)
        throw new Error(`A's delivery was not delivered: ${JSON.stringify(page)}`);
      await sleep(25);
    }
    subscriptionB = (await b().post(`${P}/subscribe`, { callbackUrl: hookUrl }).expect(201)).body
      .id;
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
    receiver?.close();
  });

  async function stateOfA() {
    const one = async (sql: string, id: string) => (await db.query(sql, [id])).rows[0];
    return {
      payment: await one(
        'select status, version, updated_at, metadata from payment where id = $1',
        A.paymentId,
      ),
      quote: await one('select used_at from quote where id = $1', A.quoteId),
      subscription: await one(
        'select status, deleted_at, callback_url from webhook_subscription where id = $1',
        A.subscriptionId,
      ),
      delivery: await one(
        'select status, attempts, next_attempt_at, delivered_at, lease_id from webhook_delivery where id = $1',
        A.deliveryId,
      ),
      attempts: await one(
        'select count(*)::int as n from webhook_attempt where delivery_id = $1',
        A.deliveryId,
      ),
    };
  }

  /** The problem body with every id replaced, so that A's id and an unknown id compare equal. */
  const shape = (res: Response) =>
    JSON.parse(
      res.text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>'),
    );

  it('every endpoint answers 404 (never 403), exactly as for an unknown id, and A is untouched', async () => {
    const unknown = uuidv7();
    const beforeA = await stateOfA();
    const beforeRows = await fingerprint(db, [
      'payment',
      'quote',
      'webhook_subscription',
      'webhook_delivery',
      'webhook_attempt',
      'outbox_event',
    ]);
    const hitsBefore = hits;

    const calls: [string, (id: string) => Promise<Response>, string][] = [
      ['GET /payments/:id', (id) => b().get(`${P}/${id}`), A.paymentId],
      ['POST /payments/:id/cancel', (id) => b().post(`${P}/${id}/cancel`), A.paymentId],
      [
        'POST /sandbox/payments/:id/status PROCESSING',
        (id) => b().post(`/api/v1/sandbox/payments/${id}/status`, { status: 'PROCESSING' }),
        A.paymentId,
      ],
      [
        'POST /sandbox/payments/:id/status FAILED',
        (id) =>
          b().post(`/api/v1/sandbox/payments/${id}/status`, {
            status: 'FAILED',
            failureReason: 'x',
          }),
        A.paymentId,
      ],
      [
        'GET /payments/subscriptions/:id',
        (id) => b().get(`${P}/subscriptions/${id}`),
        A.subscriptionId,
      ],
      [
        'DELETE /payments/subscriptions/:id',
        (id) => b().delete(`${P}/subscriptions/${id}`),
        A.subscriptionId,
      ],
      [
        'GET /payments/subscriptions/:id/deliveries',
        (id) => b().get(`${P}/subscriptions/${id}/deliveries`),
        A.subscriptionId,
      ],
      [
        'GET /payments/subscriptions/:id/deliveries?status=DELIVERED',
        (id) => b().get(`${P}/subscriptions/${id}/deliveries?status=DELIVERED`),
        A.subscriptionId,
      ],
      [
        "POST retry (A's subscription, A's delivery)",
        (id) => b().post(`${P}/subscriptions/${id}/deliveries/${A.deliveryId}/retry`),
        A.subscriptionId,
      ],
      [
        "POST retry (B's subscription, A's delivery)",
        (id) => b().post(`${P}/subscriptions/${subscriptionB}/deliveries/${id}/retry`),
        A.deliveryId,
      ],
      [
        "POST retry (A's subscription, unknown delivery)",
        (id) => b().post(`${P}/subscriptions/${id}/deliveries/${uuidv7()}/retry`),
        A.subscriptionId,
      ],
    ];
    const rows: Record<string, unknown>[] = [];
    for (const [name, call, idOfA] of calls) {
      const withA = await call(idOfA);
      const withUnknown = await call(unknown);
      rows.push({
        name,
        withA: `${withA.status} ${withA.body?.code}`,
        withUnknown: `${withUnknown.status} ${withUnknown.body?.code}`,
      });
      expect({ name, status: withA.status }).toEqual({ name, status: 404 });
      expect(problemDefect(withA)).toBeNull();
      expect({ name, shape: shape(withA) }).toEqual({ name, shape: shape(withUnknown) });
    }

    // Payments: A's quote is "not found" for B, exactly like an unknown quote, in both modes.
    const item = (quoteId: string) => ({
      quoteId,
      externalRef: `b-${randomUUID().slice(0, 8)}`,
      amount: '5.00',
      beneficiary: { name: 'B', accountNumber: '1', bankCode: '021000021' },
    });
    const perItemA = await b().post(P, { payments: [item(A.quoteId)] });
    const perItemUnknown = await b().post(P, { payments: [item(unknown)] });
    const atomicA = await b().post(P, { atomic: true, payments: [item(A.quoteId)] });
    const atomicUnknown = await b().post(P, { atomic: true, payments: [item(unknown)] });
    rows.push({
      name: "POST /payments with A's quote",
      perItem: `${perItemA.status} ${perItemA.body.results?.[0]?.error?.code}`,
      atomic: `${atomicA.status} ${atomicA.body.errors?.[0]?.code}`,
    });
    expect(perItemA.status).toBe(207);
    expect(perItemA.body.results[0].error.code).toBe('quote-not-found');
    expect(shape(perItemA).results[0].error.code).toEqual(
      shape(perItemUnknown).results[0].error.code,
    );
    expect(atomicA.status).toBe(atomicUnknown.status);
    expect(atomicA.body.errors.map((e: { code: string }) => e.code)).toEqual(
      atomicUnknown.body.errors.map((e: { code: string }) => e.code),
    );
    expect(atomicA.body.errors[0].code).toBe('quote-not-found');

    // Lists show B nothing of A's.
    const listByRef = await b()
      .get(`${P}?externalRef=${encodeURIComponent(A.externalRef)}`)
      .expect(200);
    const listAll = await b().get(`${P}?limit=100`).expect(200);
    const subs = await b().get(`${P}/subscriptions?limit=100`).expect(200);
    rows.push({
      name: 'lists',
      paymentsByRef: listByRef.body.data.length,
      paymentsOfB: listAll.body.data.length,
      subscriptionsOfB: subs.body.data.length,
    });
    expect(listByRef.body.data).toEqual([]);
    expect(listAll.body.data.map((p: { id: string }) => p.id)).not.toContain(A.paymentId);
    expect(subs.body.data.map((s: { id: string }) => s.id)).toEqual([subscriptionB]);

    // The AccountId header naming A with B's key is the one 403: it names B's own mistake.
    const mismatch = await b().get(`${P}/${A.paymentId}`).set('AccountId', 'a-different-account');
    rows.push({
      name: 'AccountId header of another account',
      status: mismatch.status,
      code: mismatch.body.code,
    });
    expect(mismatch.status).toBe(403);

    // Anything B's requests might have set off (a retry, an event) has had its chance: counted
    // relay and dispatcher passes, not a sleep.
    await workersSettled(t);
    const afterA = await stateOfA();
    const afterRows = await fingerprint(db, [
      'payment',
      'quote',
      'webhook_subscription',
      'webhook_delivery',
      'webhook_attempt',
      'outbox_event',
    ]);
    report('tenant isolation', {
      calls: rows.length,
      answers: rows,
      receiverHitsDuringTest: hits - hitsBefore,
      statuses: tally(
        rows.map((r) => {
          const v = r.withA ?? r.perItem ?? r.status ?? 'list';
          return typeof v === 'string' ? v : JSON.stringify(v);
        }),
      ),
    });
    expect(afterA).toEqual(beforeA);
    expect(afterRows).toEqual(beforeRows);
    expect(hits - hitsBefore).toBe(0);
  });

  it("B may use A's externalRef for its own payment: idempotency keys are per account", async () => {
    const quote = (await b().post(`${P}/quote`, { currency: 'USD', country: 'US' }).expect(201))
      .body.id;
    const before = await stateOfA();
    const res = await b().post(P, {
      payments: [
        {
          quoteId: quote,
          externalRef: A.externalRef,
          amount: '77.00',
          beneficiary: { name: 'B', accountNumber: '9', bankCode: '021000021' },
        },
      ],
    });
    report('tenant isolation: shared externalRef', {
      status: res.status,
      outcome: res.body.results?.[0]?.outcome,
    });
    expect(res.status).toBe(201);
    expect(res.body.results[0].outcome).toBe('CREATED');
    expect(res.body.results[0].payment.id).not.toBe(A.paymentId);
    expect(await stateOfA()).toEqual(before);
  });
});
