import { connectDb, createPayment, waitFor } from '../../support/payments-fixtures';
import { useDeliveryHarness } from '../../support/webhook-delivery-harness';
import {
  deliveriesOf,
  subscribe,
  SUBSCRIPTIONS,
  waitForDelivery,
} from '../../support/webhook-fixtures';

/** DELETE of a subscription stops its deliveries: waiting for a retry, in flight, during the fan-out. */
describe('webhook delivery: unsubscribing', () => {
  const { ctx, newAccount, newReceiver, quiet } = useDeliveryHarness();

  describe('unsubscribing', () => {
    it('stops a delivery waiting for its retry: CANCELLED, and the receiver gets nothing more', async () => {
      const account = await newAccount('Unsubscribe pending');
      const receiver = await newReceiver();
      // A retry a minute away (503 + Retry-After), so the delivery is read while it waits and not
      // while its second attempt is already leased (a 1 s backoff raced the read under load).
      receiver.answer = () => ({ status: 503, headers: { 'retry-after': '60' } });
      const sub = await subscribe(account.http, { callbackUrl: receiver.url });
      await createPayment(account.http);
      const failedOnce = await waitForDelivery(
        account.http,
        sub.id,
        (d) => d.attempts.length === 1,
        'a first failed attempt',
      );
      expect(failedOnce.status).toBe('PENDING');
      const retryAt = Date.parse(failedOnce.nextAttemptAt!);

      await account.http().delete(`${SUBSCRIPTIONS}/${sub.id}`).expect(204);

      const row = (
        await ctx.db.query(
          'select status, next_attempt_at, attempts from webhook_delivery where id = $1',
          [failedOnce.id],
        )
      ).rows[0];
      expect(row).toEqual({ status: 'CANCELLED', next_attempt_at: null, attempts: 1 });
      // Past the moment the retry was due, and the dispatcher has run since.
      ctx.t.clock.advance(retryAt - ctx.t.clock.now().getTime() + 1000);
      await quiet();
      expect(receiver.hooks).toHaveLength(1);
      expect(
        (await ctx.db.query('select status from webhook_delivery where id = $1', [failedOnce.id]))
          .rows[0].status,
      ).toBe('CANCELLED');
      expect(
        (
          await ctx.db.query('select count(*) as n from webhook_attempt where delivery_id = $1', [
            failedOnce.id,
          ])
        ).rows[0].n,
      ).toBe('1');

      // And new events of the account make no delivery for it.
      await createPayment(account.http);
      await quiet();
      expect(receiver.hooks).toHaveLength(1);
      expect(
        (
          await ctx.db.query(
            'select count(*) as n from webhook_delivery where subscription_id = $1',
            [sub.id],
          )
        ).rows[0].n,
      ).toBe('1');
    });

    it('stops a delivery in flight: a 200 that arrives after the DELETE leaves it CANCELLED, and nothing is sent again', async () => {
      const account = await newAccount('Unsubscribe in flight');
      const receiver = await newReceiver();
      receiver.answer = () => 'hold';
      const sub = await subscribe(account.http, { callbackUrl: receiver.url });
      await createPayment(account.http);
      await waitFor(async () => receiver.heldCount, {
        until: (n) => n === 1,
        what: 'a held request',
      });
      const [delivery] = await deliveriesOf(account.http, sub.id);

      await account.http().delete(`${SUBSCRIPTIONS}/${sub.id}`).expect(204);
      receiver.releaseHeld({ status: 200 });

      // The attempt is logged, the outcome does not revive the delivery.
      await waitFor(
        async () =>
          (
            await ctx.db.query('select count(*) as n from webhook_attempt where delivery_id = $1', [
              delivery.id,
            ])
          ).rows[0].n,
        { until: (n) => n === '1', what: 'the attempt logged' },
      );
      await quiet();
      expect(
        (
          await ctx.db.query('select status, delivered_at from webhook_delivery where id = $1', [
            delivery.id,
          ])
        ).rows[0],
      ).toEqual({ status: 'CANCELLED', delivered_at: null });
      expect(receiver.hooks).toHaveLength(1);
    });

    /**
     * The DELETE races the relay: the fan-out has read the subscription as ACTIVE and is inserting
     * its delivery when the DELETE cancels the subscription's PENDING deliveries. A table lock
     * taken by the test holds both at that point, then lets them go together.
     */
    it('starts no attempt for a subscription deleted while its event was being fanned out', async () => {
      const account = await newAccount('Unsubscribe during fan-out');
      const receiver = await newReceiver();
      const sub = await subscribe(account.http, { callbackUrl: receiver.url });
      const blocker = await connectDb(ctx.t.databaseUrl);
      const waiting = async (sql: string): Promise<number> =>
        Number(
          (
            await ctx.db.query(
              `select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query ilike $1`,
              [`${sql}%`],
            )
          ).rows[0].n,
        );
      let deleted: Promise<number> | undefined;
      try {
        await blocker.query('begin');
        await blocker.query('lock table webhook_delivery in share mode');
        await createPayment(account.http);
        await waitFor(() => waiting('insert into webhook_delivery'), {
          until: (n) => n === 1,
          what: 'the fan-out waiting to insert',
        });
        deleted = account
          .http()
          .delete(`${SUBSCRIPTIONS}/${sub.id}`)
          .then((res) => res.status);
        // The DELETE waits either on the subscription row (its locking read, held back by the
        // fan-out's FOR SHARE) or on the deliveries it cancels: both are the race this test is about.
        await waitFor(
          async () =>
            (await waiting('select % from "webhook_subscription" % for update')) +
            (await waiting("update webhook_delivery set status = 'CANCELLED'")),
          { until: (n) => n === 1, what: 'the DELETE waiting' },
        );
      } finally {
        await blocker.query('commit');
        await blocker.end();
      }
      expect(await deleted).toBe(204);

      await quiet();
      const rows = (
        await ctx.db.query('select status from webhook_delivery where subscription_id = $1', [
          sub.id,
        ])
      ).rows;
      // A send already in flight when the DELETE cancelled the delivery may still land (around
      // the 204); no attempt starts after it: at most that one send, and the delivery ends CANCELLED.
      expect({ deliveries: rows }).toEqual({
        deliveries: rows.length ? [{ status: 'CANCELLED' }] : [],
      });
      expect(receiver.hooks.length).toBeLessThanOrEqual(1);
      expect(
        Number(
          (
            await ctx.db.query(
              `select count(*) as n from webhook_attempt a join webhook_delivery d on d.id = a.delivery_id where d.subscription_id = $1`,
              [sub.id],
            )
          ).rows[0].n,
        ),
      ).toBeLessThanOrEqual(1);
    });
  });
});
