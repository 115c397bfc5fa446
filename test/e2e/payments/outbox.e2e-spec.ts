import type { Response } from 'supertest';
import {
  createPayment,
  createQuotes,
  moveInSandbox,
  newRef,
  outboxRowsOf,
  PAYMENTS,
  type PaymentView,
  paymentItem,
  paymentRowById,
  paymentRowsByRef,
  postPayments,
  quoteUsedAt,
  usePaymentsApp,
  writeCounts,
} from '../../support/payments-fixtures';

/**
 * Every change of a payment and its event are one: exactly one outbox row per change, carrying
 * the payment as the API shows it right after; and a failure after the change writes neither.
 */
describe('payment changes and their outbox events', () => {
  const ctx = usePaymentsApp();
  const http = () => ctx.t.http();

  /** Payload, type and ids of a payment's outbox rows, oldest first. */
  async function eventsOf(paymentId: string) {
    return (await outboxRowsOf(ctx.db, paymentId)).map((row) => ({
      type: row.type,
      aggregateId: row.aggregate_id,
      accountId: row.account_id,
      payload: row.payload,
    }));
  }

  async function accountOf(paymentId: string): Promise<string> {
    return (await paymentRowById(ctx.db, paymentId))!.account_id;
  }

  /** Installs, in this file's own database, a trigger that makes inserts into outbox_event fail when `condition` holds. */
  async function failOutboxInsertsWhen(condition: string): Promise<() => Promise<void>> {
    await ctx.db
      .query(`create or replace function test_forced_outbox_failure() returns trigger language plpgsql as $fn$
      begin
        if ${condition} then raise exception 'forced failure of the test'; end if;
        return new;
      end $fn$`);
    await ctx.db.query('drop trigger if exists test_forced_outbox_failure on outbox_event');
    await ctx.db.query(
      'create trigger test_forced_outbox_failure before insert on outbox_event for each row execute function test_forced_outbox_failure()',
    );
    return async () => {
      await ctx.db.query('drop trigger if exists test_forced_outbox_failure on outbox_event');
    };
  }

  /** A failed request: not 2xx, a problem+json that leaks neither SQL nor a stack trace. */
  function expectFailedWithoutLeak(res: Response): void {
    expect(res.status).toBeGreaterThanOrEqual(500);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.text).not.toMatch(/insert into|outbox_event|forced failure|\bat .*\.ts:\d+/i);
  }

  describe('POST /api/v1/payments', () => {
    it('writes exactly one payment.created per created payment, its payload the payment as answered', async () => {
      const quotes = await createQuotes(http, 3);
      const res = await postPayments(
        http,
        quotes.map((q) => paymentItem(q.id)),
      ).expect(201);
      for (const { payment } of res.body.results as { payment: PaymentView }[]) {
        expect(await eventsOf(payment.id)).toEqual([
          {
            type: 'payment.created',
            aggregateId: payment.id,
            accountId: await accountOf(payment.id),
            payload: payment,
          },
        ]);
      }
    });

    it('a failure after the payment insert (the outbox insert raises) writes neither the payment nor its event, leaves the quotes unused, and a retry then succeeds', async () => {
      const quotes = await createQuotes(http, 2);
      const good = paymentItem(quotes[0].id);
      const boom = paymentItem(quotes[1].id, { externalRef: newRef('boom') });
      const restore = await failOutboxInsertsWhen("new.payload->>'externalRef' like 'boom-%'");
      const before = await writeCounts(ctx.db);
      try {
        const res = await postPayments(http, [good, boom]);
        expectFailedWithoutLeak(res);
        expect(await paymentRowsByRef(ctx.db, boom.externalRef)).toEqual([]);
        expect(await paymentRowsByRef(ctx.db, good.externalRef)).toEqual([]);
        expect(
          (
            await ctx.db.query(
              "select 1 from outbox_event where payload->>'externalRef' in ($1, $2)",
              [good.externalRef, boom.externalRef],
            )
          ).rowCount,
        ).toBe(0);
        expect(await quoteUsedAt(ctx.db, quotes[0].id)).toBeNull();
        expect(await quoteUsedAt(ctx.db, quotes[1].id)).toBeNull();
        expect(await writeCounts(ctx.db)).toEqual(before);
      } finally {
        await restore();
      }
      const retry = await postPayments(http, [good, boom]);
      expect(retry.status).toBe(201);
      expect(retry.body.results.map((r: { outcome: string }) => r.outcome)).toEqual([
        'CREATED',
        'CREATED',
      ]);
    });

    it('the same forced failure in an atomic batch writes nothing either', async () => {
      const quotes = await createQuotes(http, 2);
      const items = [
        paymentItem(quotes[0].id),
        paymentItem(quotes[1].id, { externalRef: newRef('boom') }),
      ];
      const restore = await failOutboxInsertsWhen("new.payload->>'externalRef' like 'boom-%'");
      const before = await writeCounts(ctx.db);
      try {
        expectFailedWithoutLeak(await postPayments(http, items, true));
        expect(await writeCounts(ctx.db)).toEqual(before);
      } finally {
        await restore();
      }
    });
  });

  describe('POST /api/v1/payments/{id}/cancel', () => {
    it('writes exactly one payment.cancelled whose payload equals the GET answer (CANCELLED, version 2)', async () => {
      const payment = await createPayment(http);
      await http().post(`${PAYMENTS}/${payment.id}/cancel`).expect(200);
      const current = (await http().get(`${PAYMENTS}/${payment.id}`).expect(200)).body;

      const events = await eventsOf(payment.id);
      expect(events.map((e) => e.type)).toEqual(['payment.created', 'payment.cancelled']);
      expect(events[1].payload).toEqual(current);
      expect(events[1].payload).toMatchObject({ status: 'CANCELLED', version: 2 });
      expect(events[0].payload).toEqual(payment);
    });

    it('a failure after the update (the payment.cancelled insert raises) leaves the payment PENDING at version 1 with no cancelled event; once it is gone, the cancel succeeds', async () => {
      const payment = await createPayment(http);
      const restore = await failOutboxInsertsWhen(
        `new.type = 'payment.cancelled' and new.aggregate_id = '${payment.id}'`,
      );
      try {
        expectFailedWithoutLeak(await http().post(`${PAYMENTS}/${payment.id}/cancel`));
        expect(await paymentRowById(ctx.db, payment.id)).toMatchObject({
          status: 'PENDING',
          version: 1,
        });
        expect((await http().get(`${PAYMENTS}/${payment.id}`).expect(200)).body).toEqual(payment);
        expect((await eventsOf(payment.id)).map((e) => e.type)).toEqual(['payment.created']);
      } finally {
        await restore();
      }
      const res = await http().post(`${PAYMENTS}/${payment.id}/cancel`).expect(200);
      expect(res.body).toMatchObject({ status: 'CANCELLED', version: 2 });
      expect((await eventsOf(payment.id)).map((e) => e.type)).toEqual([
        'payment.created',
        'payment.cancelled',
      ]);
    });
  });

  describe('POST /api/v1/sandbox/payments/{id}/status', () => {
    it('PROCESSING then PAID give payment.processing then payment.paid, versions 2 and 3, payloads equal the answers', async () => {
      const payment = await createPayment(http);
      const processing = (await moveInSandbox(http, payment.id, 'PROCESSING').expect(200)).body;
      const paid = (await moveInSandbox(http, payment.id, 'PAID').expect(200)).body;

      const events = await eventsOf(payment.id);
      expect(events.map((e) => [e.type, e.payload.version, e.payload.status])).toEqual([
        ['payment.created', 1, 'PENDING'],
        ['payment.processing', 2, 'PROCESSING'],
        ['payment.paid', 3, 'PAID'],
      ]);
      expect(events.map((e) => e.payload)).toEqual([payment, processing, paid]);
      const accountId = await accountOf(payment.id);
      expect(events.every((e) => e.aggregateId === payment.id && e.accountId === accountId)).toBe(
        true,
      );
    });

    it('FAILED gives one payment.failed carrying the failureReason', async () => {
      const payment = await createPayment(http);
      await moveInSandbox(http, payment.id, 'PROCESSING').expect(200);
      const failed = (await moveInSandbox(http, payment.id, 'FAILED', 'account frozen').expect(200))
        .body;
      const events = await eventsOf(payment.id);
      expect(events.map((e) => e.type)).toEqual([
        'payment.created',
        'payment.processing',
        'payment.failed',
      ]);
      expect(events[2].payload).toEqual(failed);
      expect(events[2].payload).toMatchObject({
        status: 'FAILED',
        version: 3,
        failureReason: 'account frozen',
      });
    });

    it('a failure after the update (the payment.processing insert raises) leaves the payment PENDING at version 1', async () => {
      const payment = await createPayment(http);
      const restore = await failOutboxInsertsWhen(
        `new.type = 'payment.processing' and new.aggregate_id = '${payment.id}'`,
      );
      try {
        expectFailedWithoutLeak(await moveInSandbox(http, payment.id, 'PROCESSING'));
        expect(await paymentRowById(ctx.db, payment.id)).toMatchObject({
          status: 'PENDING',
          version: 1,
        });
        expect((await eventsOf(payment.id)).map((e) => e.type)).toEqual(['payment.created']);
      } finally {
        await restore();
      }
    });
  });
});
