/**
 * Duplicates: 1,000 concurrent requests over 100 externalRefs (10 identical requests per ref, each
 * ref with its own quote, ~100 in flight) make exactly 100 payments and 100 payment.created events.
 */
import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import request, { type Response } from 'supertest';
import { seededRandom, testSeed } from '../../support/seeds';
import { createTestApp, DEMO_KEY, type TestApp } from '../../support/test-app';
import { connect, count, listen, mapLimit, report, tally } from './security-kit';

const REFS = 100;
const COPIES = 10;
const IN_FLIGHT = 100;

describe('duplicates: 1,000 concurrent requests over 100 externalRefs', () => {
  let t: TestApp;
  let db: Client;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0', DATABASE_POOL_SIZE: '10' } });
    base = await listen(t);
    db = await connect(t.databaseUrl);
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  it('make exactly 100 payments and 100 payment.created outbox rows, one CREATED per ref, the rest REPLAYED, no 5xx', async () => {
    const http = () => request(base);
    const quotes = await mapLimit(Array.from({ length: REFS }), 20, async () => {
      const res = await http()
        .post('/api/v1/payments/quote')
        .set('Authorization', `Bearer ${DEMO_KEY}`)
        .send({ currency: 'USD', country: 'US' });
      expect(res.status).toBe(201);
      return res.body.id as string;
    });
    const run = randomUUID().slice(0, 8);
    const bodies = quotes.map((quoteId, i) => ({
      payments: [
        {
          quoteId,
          externalRef: `dup-${run}-${i}`,
          amount: `${100 + i}.25`,
          beneficiary: { name: 'Asha Rao', accountNumber: '50100012345678', bankCode: '021000021' },
          metadata: { i: String(i) },
        },
      ],
    }));
    // 10 copies of each body, shuffled so that copies of one ref race each other and other refs.
    const requests = bodies.flatMap((body) => Array.from({ length: COPIES }, () => body));
    const random = seededRandom(testSeed('DUPLICATES_SEED', 4_242));
    for (let i = requests.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [requests[i], requests[j]] = [requests[j], requests[i]];
    }

    const started = Date.now();
    const responses: Response[] = await mapLimit(requests, IN_FLIGHT, (body) =>
      http().post('/api/v1/payments').set('Authorization', `Bearer ${DEMO_KEY}`).send(body),
    );
    const elapsedMs = Date.now() - started;

    const payments = await count(
      db,
      `select count(*) as n from payment where external_ref like $1`,
      [`dup-${run}-%`],
    );
    const distinctRefs = await count(
      db,
      `select count(distinct external_ref) as n from payment where external_ref like $1`,
      [`dup-${run}-%`],
    );
    const events = await count(
      db,
      `select count(*) as n from outbox_event where type = 'payment.created' and payload->>'externalRef' like $1`,
      [`dup-${run}-%`],
    );
    const outcomes = responses.map(
      (r) => r.body?.results?.[0]?.outcome ?? `problem:${r.body?.code}`,
    );
    const paymentIdsPerRef = new Map<string, Set<string>>();
    for (const r of responses) {
      const result = r.body?.results?.[0];
      if (!result?.payment) continue;
      const ids = paymentIdsPerRef.get(result.externalRef) ?? new Set<string>();
      ids.add(result.payment.id);
      paymentIdsPerRef.set(result.externalRef, ids);
    }
    const createdPerRef = tally(
      responses.filter((r) => r.body?.results?.[0]?.outcome === 'CREATED'),
      (r) => r.body.results[0].externalRef,
    );

    report('duplicates', {
      requests: responses.length,
      refs: REFS,
      inFlight: IN_FLIGHT,
      elapsedMs,
      statuses: tally(responses, (r) => r.status),
      outcomes: tally(outcomes),
      paymentsCommitted: payments,
      distinctRefs,
      paymentCreatedEvents: events,
      duplicates: payments - distinctRefs,
    });

    expect(responses.filter((r) => r.status >= 500).map((r) => `${r.status} ${r.text}`)).toEqual(
      [],
    );
    expect(payments).toBe(REFS);
    expect(distinctRefs).toBe(REFS);
    expect(events).toBe(REFS);
    // Every request for a ref saw the same payment; one of them created it, the others replayed it.
    expect([...paymentIdsPerRef.values()].filter((ids) => ids.size !== 1)).toEqual([]);
    expect(paymentIdsPerRef.size).toBe(REFS);
    expect(
      Object.values(createdPerRef).every((n) => n === 1) &&
        Object.keys(createdPerRef).length === REFS,
    ).toBe(true);
    expect(tally(responses, (r) => r.status)).toEqual({ 200: REFS * (COPIES - 1), 201: REFS });
    // 1,100 requests: a budget for a loaded CI machine (it took 30 s at a load of 8 on 2 cores),
    // not a wait; the test ends as soon as the requests do.
  }, 120_000);
});
