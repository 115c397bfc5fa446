import type { Response } from 'supertest';
import {
  connectDb,
  countRows,
  createPayment,
  createQuote,
  createQuotes,
  moveInSandbox,
  newRef,
  outboxRowsOf,
  PAYMENTS,
  paymentItem,
  paymentRowById,
  postPayments,
  quoteUsedAt,
  usePaymentsApp,
  waitFor,
} from '../../support/payments-fixtures';

const tally = (responses: Response[]): Record<number, number> =>
  responses.reduce<Record<number, number>>(
    (acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }),
    {},
  );

/** POST /api/v1/payments under concurrency: one externalRef makes one payment, whatever the race. */
const ctx = usePaymentsApp({ DATABASE_POOL_SIZE: '10' });
const http = () => ctx.t.http();

beforeAll(async () => {
  // A listening server: supertest then shares it instead of opening and closing one per request.
  await ctx.t.app.listen(0, '127.0.0.1');
});

describe('POST /api/v1/payments — concurrent requests with one externalRef', () => {
  it('50 concurrent identical requests (one externalRef, one quote) → exactly one payment and one payment.created, one 201 CREATED and 49 200 REPLAYED, no 5xx', async () => {
    const quote = await createQuote(http);
    const item = paymentItem(quote.id, { externalRef: newRef('race-same'), amount: '42.00' });

    const responses = await Promise.all(
      Array.from({ length: 50 }, () => postPayments(http, [item])),
    );

    const payments = await countRows(ctx.db, 'payment', 'external_ref = $1', [item.externalRef]);
    const events = await countRows(
      ctx.db,
      'outbox_event',
      "type = 'payment.created' and payload->>'externalRef' = $1",
      [item.externalRef],
    );
    const statuses = tally(responses);
    // eslint-disable-next-line no-console
    console.log(
      `concurrency: 50 identical requests → ${payments} payment, ${events} event, statuses ${JSON.stringify(statuses)}`,
    );

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

  it("20 concurrent requests with one externalRef but different quotes → exactly one payment, the others idempotency-conflict (207), no 5xx, the losers' quotes stay unused", async () => {
    const quotes = await createQuotes(http, 20);
    const externalRef = newRef('race-diff');

    const responses = await Promise.all(
      quotes.map((q) => postPayments(http, [paymentItem(q.id, { externalRef, amount: '42.00' })])),
    );

    const rows = await ctx.db.query<{ quote_id: string }>(
      'select quote_id from payment where external_ref = $1',
      [externalRef],
    );
    const events = await countRows(ctx.db, 'outbox_event', "payload->>'externalRef' = $1", [
      externalRef,
    ]);
    const statuses = tally(responses);
    const usedAt: (Date | null)[] = [];
    for (const q of quotes) usedAt.push(await quoteUsedAt(ctx.db, q.id));
    const used = quotes.filter((_, i) => usedAt[i] !== null).map((q) => q.id);
    // eslint-disable-next-line no-console
    console.log(
      `concurrency: 20 requests, one externalRef, 20 quotes → ${rows.rowCount} payment, ${events} event, ${used.length} quote used, statuses ${JSON.stringify(statuses)}`,
    );

    expect(responses.filter((r) => r.status >= 500)).toEqual([]);
    expect(rows.rows).toHaveLength(1);
    expect(events).toBe(1);
    expect(statuses).toEqual({ 201: 1, 207: 19 });
    const winner = responses.find((r) => r.status === 201)!;
    expect(winner.body.results[0].payment.quoteId).toBe(rows.rows[0].quote_id);
    for (const loser of responses.filter((r) => r.status === 207)) {
      expect(loser.body.results[0]).toMatchObject({
        outcome: 'REJECTED',
        error: { code: 'idempotency-conflict' },
      });
    }
    expect(used).toEqual([rows.rows[0].quote_id]);
  });

  it('two concurrent batches naming the same externalRefs in opposite orders (with other quotes) → one creates them all, the other gets idempotency conflicts; never a 5xx (no deadlock)', async () => {
    // Both requests are held at their payment insert by a SHARE lock on the table, then released
    // together; a trigger slows each row insert by 5 ms, so the two inserts really overlap.
    const refs = Array.from({ length: 20 }, () => newRef('race-order'));
    const quotes = await createQuotes(http, 40);
    const forward = refs.map((externalRef, i) => paymentItem(quotes[i].id, { externalRef }));
    const backward = [...refs]
      .reverse()
      .map((externalRef, i) => paymentItem(quotes[20 + i].id, { externalRef }));

    const gate = await connectDb(ctx.t.databaseUrl);
    let responses: Response[];
    try {
      await ctx.db.query(
        'create or replace function test_slow_insert() returns trigger language plpgsql as $fn$ begin perform pg_sleep(0.005); return new; end $fn$',
      );
      await ctx.db.query(
        'create trigger test_slow_insert before insert on payment for each row execute function test_slow_insert()',
      );
      await gate.query('begin');
      await gate.query('lock table payment in share mode');
      const pending = Promise.all([postPayments(http, forward), postPayments(http, backward)]);
      const waitingInserts = async () =>
        Number(
          (
            await ctx.db.query<{ n: string }>(
              "select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query like 'insert into payment%'",
            )
          ).rows[0].n,
        );
      await waitFor(waitingInserts, {
        until: (n) => n === 2,
        what: 'both inserts waiting at the gate',
      });
      await gate.query('commit');
      responses = await pending;
    } finally {
      await gate.end();
      await ctx.db.query('drop trigger if exists test_slow_insert on payment');
    }

    const statuses = tally(responses);
    const payments = await countRows(ctx.db, 'payment', 'external_ref = any($1)', [refs]);
    // eslint-disable-next-line no-console
    console.log(
      `concurrency: 2 batches × 20 externalRefs in opposite orders → ${payments} payments, statuses ${JSON.stringify(statuses)}`,
    );
    expect(responses.map((r) => r.status).filter((status) => status >= 500)).toEqual([]);
    expect(payments).toBe(20);
    expect(statuses).toEqual({ 201: 1, 207: 1 });
    const loser = responses.find((r) => r.status === 207)!;
    expect(
      new Set(loser.body.results.map((r: { error: { code: string } }) => r.error.code)),
    ).toEqual(new Set(['idempotency-conflict']));
  });

  it('concurrent batches sharing one quote under different externalRefs → the quote pays exactly once, the others quote-already-used', async () => {
    const quote = await createQuote(http);
    const items = Array.from({ length: 10 }, () => paymentItem(quote.id));

    const responses = await Promise.all(items.map((item) => postPayments(http, [item])));

    const payments = await countRows(ctx.db, 'payment', 'quote_id = $1', [quote.id]);
    expect(responses.filter((r) => r.status >= 500)).toEqual([]);
    expect(payments).toBe(1);
    expect(tally(responses)).toEqual({ 201: 1, 207: 9 });
    const codes = responses
      .filter((r) => r.status === 207)
      .map((r) => r.body.results[0].error.code);
    expect(new Set(codes)).toEqual(new Set(['quote-already-used']));
  });
});

/** Moves of one payment under concurrency: they queue on the row, exactly one wins. */
describe('POST /api/v1/payments/{id}/cancel — concurrent moves of one payment', () => {
  it('10 concurrent cancels → one 200, nine 409 invalid-state, version 2, exactly one payment.cancelled', async () => {
    const payment = await createPayment(http);
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => http().post(`${PAYMENTS}/${payment.id}/cancel`)),
    );
    expect(tally(responses)).toEqual({ 200: 1, 409: 9 });
    expect(
      responses.filter((r) => r.status === 409).every((r) => r.body.code === 'invalid-state'),
    ).toBe(true);
    expect(await paymentRowById(ctx.db, payment.id)).toMatchObject({
      status: 'CANCELLED',
      version: 2,
    });
    expect((await outboxRowsOf(ctx.db, payment.id)).map((e) => e.type)).toEqual([
      'payment.created',
      'payment.cancelled',
    ]);
  });

  it('a cancel racing a sandbox move to PROCESSING → exactly one of them wins, the other 409, one event each way', async () => {
    const payment = await createPayment(http);
    const [cancel, move] = await Promise.all([
      http().post(`${PAYMENTS}/${payment.id}/cancel`),
      moveInSandbox(http, payment.id, 'PROCESSING'),
    ]);
    expect([cancel.status, move.status].sort()).toEqual([200, 409]);
    const row = await paymentRowById(ctx.db, payment.id);
    expect(row).toMatchObject({
      status: cancel.status === 200 ? 'CANCELLED' : 'PROCESSING',
      version: 2,
    });
    expect((await outboxRowsOf(ctx.db, payment.id)).map((e) => e.type)).toEqual([
      'payment.created',
      cancel.status === 200 ? 'payment.cancelled' : 'payment.processing',
    ]);
  });
});
