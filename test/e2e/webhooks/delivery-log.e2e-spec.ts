import {
  createPayment,
  expectProblem,
  type Http,
  ISO_UTC_MS,
  outboxRowsOf,
  UUID_V7,
  waitFor,
} from '../../support/payments-fixtures';
import { useDeliveryHarness } from '../../support/webhook-delivery-harness';
import {
  deliveriesOf,
  type DeliveryView,
  type Envelope,
  subscribe,
  SUBSCRIPTIONS,
} from '../../support/webhook-fixtures';

/** GET /api/v1/payments/subscriptions/{id}/deliveries: attempts, status filter, pages. */
describe('webhook delivery: the delivery log', () => {
  const { ctx, newAccount, newReceiver } = useDeliveryHarness();

  describe('GET /api/v1/payments/subscriptions/{id}/deliveries', () => {
    let http: Http;
    let subId: string;
    let good: DeliveryView;
    let bad: DeliveryView;

    beforeAll(async () => {
      const account = await newAccount('Delivery log');
      http = account.http;
      const receiver = await newReceiver();
      // 200 for the first payment's events, 500 for the other's. Decided by the order the receiver
      // sees them, not by ids the test learns from responses: a webhook may arrive first.
      let first: string | undefined;
      receiver.answer = (hook) => {
        const id = (JSON.parse(hook.body) as Envelope).data.id;
        first ??= id;
        return id === first ? { status: 200 } : { status: 500, body: 'nope' };
      };
      subId = (
        await subscribe(http, { callbackUrl: receiver.url, eventTypes: ['payment.created'] })
      ).id;
      const ok = await createPayment(http);
      await waitFor(async () => receiver.hooks.length, {
        until: (n) => n === 1,
        what: 'the first delivery',
      });
      const ko = await createPayment(http);
      await waitFor(() => deliveriesOf(http, subId), {
        until: (ds) => ds.length === 2 && ds.every((d) => d.attempts.length >= 1),
        what: 'both attempted',
      });
      [bad, good] = await deliveriesOf(http, subId);
      expect([good.eventId, bad.eventId]).toEqual([
        (await outboxRowsOf(ctx.db, ok.id))[0].id,
        (await outboxRowsOf(ctx.db, ko.id))[0].id,
      ]);
    });

    it('lists deliveries newest first with every attempt: time, status code, duration, error', async () => {
      const res = await http().get(`${SUBSCRIPTIONS}/${subId}/deliveries`).expect(200);
      expect(res.body.nextCursor).toBeNull();
      expect(res.body.data.map((d: DeliveryView) => d.id)).toEqual([bad.id, good.id]);
      expect(good).toEqual({
        id: expect.stringMatching(UUID_V7),
        eventId: expect.stringMatching(UUID_V7),
        eventType: 'payment.created',
        status: 'DELIVERED',
        attempts: [
          {
            attemptedAt: expect.stringMatching(ISO_UTC_MS),
            statusCode: 200,
            durationMs: expect.any(Number),
            error: null,
          },
        ],
        nextAttemptAt: null,
        createdAt: expect.stringMatching(ISO_UTC_MS),
        deliveredAt: expect.stringMatching(ISO_UTC_MS),
      });
      expect(bad).toMatchObject({
        status: 'PENDING',
        nextAttemptAt: expect.stringMatching(ISO_UTC_MS),
        deliveredAt: null,
      });
      expect(bad.attempts[0]).toEqual({
        attemptedAt: expect.stringMatching(ISO_UTC_MS),
        statusCode: 500,
        durationMs: expect.any(Number),
        error: null,
      });
      expect(Date.parse(bad.nextAttemptAt!)).toBeGreaterThan(
        Date.parse(bad.attempts[0].attemptedAt),
      );
      for (const attempt of [...good.attempts, ...bad.attempts])
        expect(attempt.durationMs).toBeGreaterThanOrEqual(0);
    });

    it.each([
      ['DELIVERED', () => [good.id]],
      ['PENDING', () => [bad.id]],
      ['FAILED', () => []],
      ['CANCELLED', () => []],
    ])('filters by ?status=%s', async (status, expected) => {
      const res = await http()
        .get(`${SUBSCRIPTIONS}/${subId}/deliveries`)
        .query({ status })
        .expect(200);
      expect(res.body.data.map((d: DeliveryView) => d.id)).toEqual(expected());
    });

    it('refuses an unknown ?status=: 400 validation-failed', async () => {
      expectProblem(
        await http().get(`${SUBSCRIPTIONS}/${subId}/deliveries`).query({ status: 'LOST' }),
        400,
        'validation-failed',
      );
    });

    it('pages with limit and cursor', async () => {
      const first = await http()
        .get(`${SUBSCRIPTIONS}/${subId}/deliveries`)
        .query({ limit: 1 })
        .expect(200);
      expect(first.body.data.map((d: DeliveryView) => d.id)).toEqual([bad.id]);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await http()
        .get(`${SUBSCRIPTIONS}/${subId}/deliveries`)
        .query({ limit: 1, cursor: first.body.nextCursor })
        .expect(200);
      expect(second.body.data.map((d: DeliveryView) => d.id)).toEqual([good.id]);
      expect(second.body.nextCursor).toBeNull();
    });
  });
});
