import { createPayment, outboxRowsOf, PAYMENTS, waitFor } from '../../support/payments-fixtures';
import { useDeliveryHarness } from '../../support/webhook-delivery-harness';
import {
  ALL_EVENT_TYPES,
  deliveriesOf,
  type Receiver,
  subscribe,
  verifyAll,
  verifyHook,
} from '../../support/webhook-fixtures';

/** Which subscriptions get which events: type filters, one URL twice, other accounts, late subscribers. */
describe('webhook delivery: fan-out per subscription and type filter', () => {
  const { ctx, newAccount, newReceiver, waitForHooks, quiet, move } = useDeliveryHarness();

  describe('subscriptions and type filters', () => {
    it('sends each subscription only the types it chose, and every event to each subscription for all types', async () => {
      const account = await newAccount('Filters');
      const http = account.http;
      const [paidOnly, createdOrCancelled, all1, all2] = [
        await newReceiver(),
        await newReceiver(),
        await newReceiver(),
        await newReceiver(),
      ];
      const subPaid = await subscribe(http, {
        callbackUrl: paidOnly.url,
        eventTypes: ['payment.paid'],
      });
      const subCc = await subscribe(http, {
        callbackUrl: createdOrCancelled.url,
        eventTypes: ['payment.created', 'payment.cancelled'],
      });
      const subAll1 = await subscribe(http, { callbackUrl: all1.url });
      const subAll2 = await subscribe(http, {
        callbackUrl: all2.url,
        eventTypes: [...ALL_EVENT_TYPES],
      });

      const p1 = await createPayment(http);
      await move(http, p1.id, 'PROCESSING');
      await move(http, p1.id, 'PAID');
      const p2 = await createPayment(http);
      await http().post(`${PAYMENTS}/${p2.id}/cancel`).expect(200);
      const eventIds = [
        ...(await outboxRowsOf(ctx.db, p1.id)),
        ...(await outboxRowsOf(ctx.db, p2.id)),
      ].map((e) => e.id);
      expect(eventIds).toHaveLength(5);

      await waitForHooks(all1, 5);
      await waitForHooks(all2, 5);
      await waitForHooks(createdOrCancelled, 3);
      await waitForHooks(paidOnly, 1);
      await quiet();

      const types = (secret: string, receiver: Receiver) =>
        verifyAll(secret, receiver)
          .map((e) => e.type)
          .sort();
      expect(types(subPaid.secret, paidOnly)).toEqual(['payment.paid']);
      expect(types(subCc.secret, createdOrCancelled)).toEqual([
        'payment.cancelled',
        'payment.created',
        'payment.created',
      ]);
      const everything = [
        'payment.cancelled',
        'payment.created',
        'payment.created',
        'payment.paid',
        'payment.processing',
      ];
      expect(types(subAll1.secret, all1)).toEqual(everything);
      expect(types(subAll2.secret, all2)).toEqual(everything);
      // The same event carries the same webhook-id to every subscription, signed with each one's secret.
      const ids = (receiver: Receiver) => receiver.hooks.map((h) => h.headers['webhook-id']).sort();
      expect(ids(all1)).toEqual([...eventIds].sort());
      expect(ids(all2)).toEqual(ids(all1));
      expect(() => verifyAll(subAll1.secret, all2)).toThrow();

      // No delivery rows for types a subscription did not choose.
      expect((await deliveriesOf(http, subPaid.id)).map((d) => d.eventType)).toEqual([
        'payment.paid',
      ]);
    });

    it('gives two subscriptions of one URL a delivery each', async () => {
      const account = await newAccount('Same URL');
      const receiver = await newReceiver();
      const a = await subscribe(account.http, { callbackUrl: receiver.url });
      const b = await subscribe(account.http, { callbackUrl: receiver.url });
      await createPayment(account.http);
      await waitForHooks(receiver, 2);
      await quiet();
      expect(receiver.hooks).toHaveLength(2);
      expect(receiver.hooks[0].headers['webhook-id']).toBe(receiver.hooks[1].headers['webhook-id']);
      // One of them verifies with a's secret, the other with b's.
      const verifies = (secret: string) =>
        receiver.hooks.filter((h) => {
          try {
            verifyHook(secret, h);
            return true;
          } catch {
            return false;
          }
        }).length;
      expect([verifies(a.secret), verifies(b.secret)]).toEqual([1, 1]);
    });

    it("never sends an account's events to another account's subscriptions", async () => {
      const mine = await newAccount('Mine');
      const theirs = await newAccount('Theirs');
      const myReceiver = await newReceiver();
      const theirReceiver = await newReceiver();
      const mySub = await subscribe(mine.http, { callbackUrl: myReceiver.url });
      await subscribe(theirs.http, { callbackUrl: theirReceiver.url });
      const payment = await createPayment(mine.http);
      await waitForHooks(myReceiver, 1);
      await quiet();
      expect(verifyAll(mySub.secret, myReceiver).map((e) => [e.accountId, e.data.id])).toEqual([
        [mine.id, payment.id],
      ]);
      expect(theirReceiver.hooks).toEqual([]);
    });

    it('sends nothing for events committed before the subscription existed', async () => {
      const account = await newAccount('Late subscriber');
      const early = await createPayment(account.http);
      await waitFor(
        async () =>
          (
            await ctx.db.query(
              'select count(*) as n from outbox_event where aggregate_id = $1 and published_at is not null',
              [early.id],
            )
          ).rows[0].n === '1',
        { what: 'the event published' },
      );
      const receiver = await newReceiver();
      const sub = await subscribe(account.http, { callbackUrl: receiver.url });
      const late = await createPayment(account.http);
      await waitForHooks(receiver, 1);
      await quiet();
      expect(verifyAll(sub.secret, receiver).map((e) => e.data.id)).toEqual([late.id]);
    });
  });
});
