import type { Response } from 'supertest';
import {
  countRows,
  createQuote,
  createQuotes,
  newRef,
  paymentItem,
  postPayments,
  quoteUsedAt,
  usePaymentsApp,
} from '../../support/payments-fixtures';

const tally = (responses: Response[]): Record<number, number> =>
  responses.reduce<Record<number, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});

/** POST /api/v1/payments under concurrency: one externalRef makes one payment, whatever the race. */
describe('POST /api/v1/payments — concurrent requests with one externalRef', () => {
  const ctx = usePaymentsApp({ DATABASE_POOL_SIZE: '10' });
  const http = () => ctx.t.http();

  beforeAll(async () => {
    // A listening server: supertest then shares it instead of opening and closing one per request.
    await ctx.t.app.listen(0, '127.0.0.1');
  });

  it('50 concurrent identical requests (one externalRef, one quote) → exactly one payment and one payment.created, one 201 CREATED and 49 200 REPLAYED, no 5xx', async () => {
    const quote = await createQuote(http);
    const item = paymentItem(quote.id, { externalRef: newRef('race-same'), amount: '42.00' });

    const responses = await Promise.all(Array.from({ length: 50 }, () => postPayments(http, [item])));

    const payments = await countRows(ctx.db, 'payment', 'external_ref = $1', [item.externalRef]);
    const events = await countRows(ctx.db, 'outbox_event', "type = 'payment.created' and payload->>'externalRef' = $1", [item.externalRef]);
    const statuses = tally(responses);
    // eslint-disable-next-line no-console
    console.log(`concurrency: 50 identical requests → ${payments} payment, ${events} event, statuses ${JSON.stringify(statuses)}`);

    expect(responses.filter((r) => r.status >= 500)).toEqual([]);
    expect(payments).toBe(1);
    expect(events).toBe(1);
    expect(statuses).toEqual({ 201: 1, 200: 49 });
    const outcomes = responses.map((r) => r.body.results?.[0]?.outcome);
    expect(outcomes.filter((o) => o === 'CREATED')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'REPLAYED')).toHaveLength(49);
    const ids = new Set(responses.map((r) => r.body.results[0].payment.id));
    expect(ids.size).toBe(1);
  });

  it('20 concurrent requests with one externalRef but different quotes → exactly one payment, the others idempotency-conflict (207), no 5xx, the losers\' quotes stay unused', async () => {
    const quotes = await createQuotes(http, 20);
    const externalRef = newRef('race-diff');

    const responses = await Promise.all(quotes.map((q) => postPayments(http, [paymentItem(q.id, { externalRef, amount: '42.00' })])));

    const rows = await ctx.db.query<{ quote_id: string }>('select quote_id from payment where external_ref = $1', [externalRef]);
    const events = await countRows(ctx.db, 'outbox_event', "payload->>'externalRef' = $1", [externalRef]);
    const statuses = tally(responses);
    const usedAt: (Date | null)[] = [];
    for (const q of quotes) usedAt.push(await quoteUsedAt(ctx.db, q.id));
    const used = quotes.filter((_, i) => usedAt[i] !== null).map((q) => q.id);
    // eslint-disable-next-line no-console
    console.log(`concurrency: 20 requests, one externalRef, 20 quotes → ${rows.rowCount} payment, ${events} event, ${used.length} quote used, statuses ${JSON.stringify(statuses)}`);

    expect(responses.filter((r) => r.status >= 500)).toEqual([]);
    expect(rows.rows).toHaveLength(1);
    expect(events).toBe(1);
    expect(statuses).toEqual({ 201: 1, 207: 19 });
    const winner = responses.find((r) => r.status === 201)!;
    expect(winner.body.results[0].payment.quoteId).toBe(rows.rows[0].quote_id);
    for (const loser of responses.filter((r) => r.status === 207)) {
      expect(loser.body.results[0]).toMatchObject({ outcome: 'REJECTED', error: { code: 'idempotency-conflict' } });
    }
    expect(used).toEqual([rows.rows[0].quote_id]);
  });

  it('concurrent batches sharing one quote under different externalRefs → the quote pays exactly once, the others quote-already-used', async () => {
    const quote = await createQuote(http);
    const items = Array.from({ length: 10 }, () => paymentItem(quote.id));

    const responses = await Promise.all(items.map((item) => postPayments(http, [item])));

    const payments = await countRows(ctx.db, 'payment', 'quote_id = $1', [quote.id]);
    expect(responses.filter((r) => r.status >= 500)).toEqual([]);
    expect(payments).toBe(1);
    expect(tally(responses)).toEqual({ 201: 1, 207: 9 });
    const codes = responses.filter((r) => r.status === 207).map((r) => r.body.results[0].error.code);
    expect(new Set(codes)).toEqual(new Set(['quote-already-used']));
  });
});
