import {
  createQuote,
  createQuotes,
  paymentItem,
  paymentRowsByRef,
  postPayments,
  quoteUsedAt,
  unknownId,
  usePaymentsApp,
  writeCounts,
} from '../../support/payments-fixtures';

const TTL_SECONDS = 60;

interface Result {
  index: number;
  externalRef: string;
  outcome: string;
  payment?: { id: string; quoteId: string };
  error?: { code: string; detail: string };
}

/** POST /api/v1/payments in the default (per-item) mode: each item meets its quote's rules on its own. */
describe('POST /api/v1/payments — per-item rejections (207)', () => {
  const ctx = usePaymentsApp({ QUOTE_TTL_SECONDS: String(TTL_SECONDS) });
  const http = () => ctx.t.http();

  it('an unknown quoteId → 207, that item REJECTED quote-not-found, the good item CREATED', async () => {
    const good = await createQuote(http);
    const missing = unknownId();
    const items = [paymentItem(good.id), paymentItem(missing)];
    const before = await writeCounts(ctx.db);

    const res = await postPayments(http, items);

    expect(res.status).toBe(207);
    const [created, rejected] = res.body.results as Result[];
    expect(created).toMatchObject({
      index: 0,
      externalRef: items[0].externalRef,
      outcome: 'CREATED',
      payment: { quoteId: good.id },
    });
    expect(rejected).toEqual({
      index: 1,
      externalRef: items[1].externalRef,
      outcome: 'REJECTED',
      error: { code: 'quote-not-found', detail: expect.any(String) },
    });
    expect(await writeCounts(ctx.db)).toEqual({
      payments: before.payments + 1,
      events: before.events + 1,
      usedQuotes: before.usedQuotes + 1,
    });
    expect(await paymentRowsByRef(ctx.db, items[1].externalRef)).toHaveLength(0);
  });

  it('a used quote → REJECTED quote-already-used, and the payment that used it is untouched', async () => {
    const quote = await createQuote(http);
    const first = await postPayments(http, [paymentItem(quote.id)]).expect(201);
    const second = paymentItem(quote.id);

    const res = await postPayments(http, [second]);

    expect(res.status).toBe(207);
    expect(res.body.results).toEqual([
      {
        index: 0,
        externalRef: second.externalRef,
        outcome: 'REJECTED',
        error: { code: 'quote-already-used', detail: expect.any(String) },
      },
    ]);
    expect(await paymentRowsByRef(ctx.db, second.externalRef)).toHaveLength(0);
    const [row] = await paymentRowsByRef(ctx.db, first.body.results[0].externalRef);
    expect(row).toMatchObject({ quote_id: quote.id, version: 1, status: 'PENDING' });
  });

  it('an expired quote (clock past QUOTE_TTL_SECONDS) → REJECTED quote-expired, the quote stays unused', async () => {
    const expiring = await createQuote(http);
    ctx.t.clock.advance(TTL_SECONDS * 1000 + 1);
    const fresh = await createQuote(http);
    const items = [paymentItem(expiring.id), paymentItem(fresh.id)];

    const res = await postPayments(http, items);

    expect(res.status).toBe(207);
    expect(res.body.results[0]).toEqual({
      index: 0,
      externalRef: items[0].externalRef,
      outcome: 'REJECTED',
      error: { code: 'quote-expired', detail: expect.stringContaining(expiring.id) },
    });
    expect(res.body.results[1]).toMatchObject({ index: 1, outcome: 'CREATED' });
    expect(await quoteUsedAt(ctx.db, expiring.id)).toBeNull();
    expect(await paymentRowsByRef(ctx.db, items[0].externalRef)).toHaveLength(0);
  });

  it('a quote is still usable just before it expires', async () => {
    const quote = await createQuote(http);
    ctx.t.clock.advance(TTL_SECONDS * 1000 - 5_000);
    await postPayments(http, [paymentItem(quote.id)]).expect(201);
  });

  it('reports every item in request order with its index: created and rejected interleaved', async () => {
    const [a, b, c] = await createQuotes(http, 3);
    const used = await createQuote(http);
    await postPayments(http, [paymentItem(used.id)]).expect(201);
    const items = [
      paymentItem(unknownId()),
      paymentItem(a.id),
      paymentItem(used.id),
      paymentItem(b.id),
      paymentItem(unknownId()),
      paymentItem(c.id),
    ];
    const before = await writeCounts(ctx.db);

    const res = await postPayments(http, items);

    expect(res.status).toBe(207);
    const results = res.body.results as Result[];
    expect(
      results.map((r) => [r.index, r.externalRef, r.outcome, r.error?.code ?? r.payment?.quoteId]),
    ).toEqual([
      [0, items[0].externalRef, 'REJECTED', 'quote-not-found'],
      [1, items[1].externalRef, 'CREATED', a.id],
      [2, items[2].externalRef, 'REJECTED', 'quote-already-used'],
      [3, items[3].externalRef, 'CREATED', b.id],
      [4, items[4].externalRef, 'REJECTED', 'quote-not-found'],
      [5, items[5].externalRef, 'CREATED', c.id],
    ]);
    const after = await writeCounts(ctx.db);
    expect(after.payments - before.payments).toBe(3);
    expect(after.events - before.events).toBe(3);
  });

  it('all items rejected → 207 and nothing written', async () => {
    const items = [paymentItem(unknownId()), paymentItem(unknownId())];
    const before = await writeCounts(ctx.db);
    const res = await postPayments(http, items);
    expect(res.status).toBe(207);
    expect(res.body.results.map((r: Result) => r.outcome)).toEqual(['REJECTED', 'REJECTED']);
    expect(await writeCounts(ctx.db)).toEqual(before);
  });
});
