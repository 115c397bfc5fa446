import {
  createQuote,
  createQuotes,
  expectProblem,
  paymentItem,
  paymentRowsByRef,
  postPayments,
  quoteUsedAt,
  unknownId,
  usePaymentsApp,
  writeCounts,
} from '../../support/payments-fixtures';

const TTL_SECONDS = 60;

/** POST /api/v1/payments with `"atomic": true`: all or nothing. */
describe('POST /api/v1/payments — atomic mode', () => {
  const ctx = usePaymentsApp({ QUOTE_TTL_SECONDS: String(TTL_SECONDS) });
  const http = () => ctx.t.http();

  it('all items good → 201, every item CREATED', async () => {
    const quotes = await createQuotes(http, 3);
    const items = quotes.map((q) => paymentItem(q.id));
    const before = await writeCounts(ctx.db);

    const res = await postPayments(http, items, true);

    expect(res.status).toBe(201);
    expect(
      res.body.results.map((r: { index: number; outcome: string; externalRef: string }) => [
        r.index,
        r.outcome,
        r.externalRef,
      ]),
    ).toEqual(items.map((item, i) => [i, 'CREATED', item.externalRef]));
    const after = await writeCounts(ctx.db);
    expect([
      after.payments - before.payments,
      after.events - before.events,
      after.usedQuotes - before.usedQuotes,
    ]).toEqual([3, 3, 3]);
  });

  it('one bad item among good ones → 422 batch-rejected naming payments[i].quoteId with its code; nothing written; the good quotes stay usable', async () => {
    const [q0, q2] = await createQuotes(http, 2);
    const items = [paymentItem(q0.id), paymentItem(unknownId()), paymentItem(q2.id)];
    const before = await writeCounts(ctx.db);

    const res = await postPayments(http, items, true);

    expectProblem(res, 422, 'batch-rejected');
    expect(res.body.errors).toEqual([
      { field: 'payments[1].quoteId', code: 'quote-not-found', message: expect.any(String) },
    ]);
    expect(res.body.results).toBeUndefined();
    expect(await writeCounts(ctx.db)).toEqual(before);
    for (const item of items)
      expect(await paymentRowsByRef(ctx.db, item.externalRef)).toHaveLength(0);
    expect(await quoteUsedAt(ctx.db, q0.id)).toBeNull();
    expect(await quoteUsedAt(ctx.db, q2.id)).toBeNull();

    // The good items' quotes were not consumed: the same items, sent again without the bad one, are created.
    const retry = await postPayments(http, [items[0], items[2]]);
    expect(retry.status).toBe(201);
    expect(retry.body.results.map((r: { outcome: string }) => r.outcome)).toEqual([
      'CREATED',
      'CREATED',
    ]);
  });

  it('names every rejected item with its own code (expired, used, not found) → 422', async () => {
    const expiring = await createQuote(http);
    ctx.t.clock.advance(TTL_SECONDS * 1000 + 1);
    const [good, used] = await createQuotes(http, 2);
    await postPayments(http, [paymentItem(used.id)]).expect(201);
    const items = [
      paymentItem(good.id),
      paymentItem(expiring.id),
      paymentItem(used.id),
      paymentItem(unknownId()),
    ];
    const before = await writeCounts(ctx.db);

    const res = await postPayments(http, items, true);

    expectProblem(res, 422, 'batch-rejected');
    expect(res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['payments[1].quoteId', 'quote-expired'],
      ['payments[2].quoteId', 'quote-already-used'],
      ['payments[3].quoteId', 'quote-not-found'],
    ]);
    expect(await writeCounts(ctx.db)).toEqual(before);
    expect(await quoteUsedAt(ctx.db, good.id)).toBeNull();
  });

  it('every rejection an idempotency conflict → 409 naming payments[i].externalRef; the good item is not created either', async () => {
    const [stored, fresh] = await createQuotes(http, 2);
    const original = paymentItem(stored.id, { amount: '10.00' });
    await postPayments(http, [original]).expect(201);
    const items = [paymentItem(fresh.id), { ...original, amount: '11.00' }];
    const before = await writeCounts(ctx.db);

    const res = await postPayments(http, items, true);

    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toEqual([
      {
        field: 'payments[1].externalRef',
        code: 'idempotency-conflict',
        message: expect.any(String),
      },
    ]);
    expect(await writeCounts(ctx.db)).toEqual(before);
    expect(await quoteUsedAt(ctx.db, fresh.id)).toBeNull();
    expect(await paymentRowsByRef(ctx.db, items[0].externalRef)).toHaveLength(0);
  });

  it('an idempotency conflict together with another rejection → 422 (not 409), naming both', async () => {
    const [stored, fresh] = await createQuotes(http, 2);
    const original = paymentItem(stored.id, { amount: '10.00' });
    await postPayments(http, [original]).expect(201);
    const items = [
      { ...original, amount: '11.00' },
      paymentItem(unknownId()),
      paymentItem(fresh.id),
    ];
    const before = await writeCounts(ctx.db);

    const res = await postPayments(http, items, true);

    expectProblem(res, 422, 'batch-rejected');
    expect(res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['payments[0].externalRef', 'idempotency-conflict'],
      ['payments[1].quoteId', 'quote-not-found'],
    ]);
    expect(await writeCounts(ctx.db)).toEqual(before);
  });

  it('replays only → 200 REPLAYED; a replay and a new item → 201', async () => {
    const [a, b] = await createQuotes(http, 2);
    const stored = paymentItem(a.id);
    const created = (await postPayments(http, [stored], true).expect(201)).body.results[0].payment;

    const replay = await postPayments(http, [stored], true);
    expect(replay.status).toBe(200);
    expect(replay.body.results).toEqual([
      { index: 0, externalRef: stored.externalRef, outcome: 'REPLAYED', payment: created },
    ]);

    const mixed = await postPayments(http, [stored, paymentItem(b.id)], true);
    expect(mixed.status).toBe(201);
    expect(mixed.body.results.map((r: { outcome: string }) => r.outcome)).toEqual([
      'REPLAYED',
      'CREATED',
    ]);
  });

  it('atomic: false behaves as the default per-item mode (207)', async () => {
    const quote = await createQuote(http);
    const res = await postPayments(http, [paymentItem(quote.id), paymentItem(unknownId())], false);
    expect(res.status).toBe(207);
    expect(res.body.results.map((r: { outcome: string }) => r.outcome)).toEqual([
      'CREATED',
      'REJECTED',
    ]);
  });
});
