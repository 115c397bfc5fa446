/**
 * The set-up the tenant-isolation files share: account A with a subscription, an unused quote, a
 * PENDING payment and the DELIVERED delivery of its event; account B with a subscription of its
 * own; a receiver counting every hook; and readers of A's state, to prove none of it moves.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Client } from 'pg';
import request, { type Response } from 'supertest';
import { ADMIN_KEY, createTestApp, DEMO_KEY, type TestApp } from '../../support/test-app';
import { workersSettled } from '../../support/workers-settled';
import { connect, fingerprint, listen, report, sleep, tally } from './security-kit';

export const P = '/api/v1/payments';
/** Every table whose rows B's requests must leave as they were. */
const TENANT_TABLES = [
  'payment',
  'quote',
  'webhook_subscription',
  'webhook_delivery',
  'webhook_attempt',
  'outbox_event',
];

export function useTenantPair() {
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
      env: {
        ADMIN_API_KEY: ADMIN_KEY,
        RATE_LIMIT_PER_MINUTE: '0',
        OUTBOX_POLL_INTERVAL_MS: '20',
        WEBHOOK_POLL_INTERVAL_MS: '20',
      },
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

  /**
   * Takes A's state, every tenant table and the receiver's count now; the function it returns,
   * after B's requests, reports `rows` under `title` and checks that none of the three moved.
   */
  async function untouchedSince() {
    const beforeA = await stateOfA();
    const beforeRows = await fingerprint(db, TENANT_TABLES);
    const hitsBefore = hits;
    return async (title: string, rows: Record<string, unknown>[]) => {
      // Anything B's requests might have set off (a retry, an event) has had its chance: counted
      // relay and dispatcher passes, not a sleep.
      await workersSettled(t);
      const afterA = await stateOfA();
      const afterRows = await fingerprint(db, TENANT_TABLES);
      report(title, {
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
    };
  }

  /** The problem body with every id replaced, so that A's id and an unknown id compare equal. */
  const shape = (res: Response) =>
    JSON.parse(
      res.text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>'),
    );

  return {
    A,
    b,
    stateOfA,
    untouchedSince,
    shape,
    get subscriptionB() {
      return subscriptionB;
    },
    /** Requests the receiver has got so far. */
    get hits() {
      return hits;
    },
  };
}
