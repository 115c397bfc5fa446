import { createPayment, expectProblem } from '../../support/payments-fixtures';
import { useDeliveryHarness } from '../../support/webhook-delivery-harness';
import {
  subscribe,
  SUBSCRIPTIONS,
  verifyAll,
  waitForDelivery,
} from '../../support/webhook-fixtures';

/** POST .../deliveries/{deliveryId}/retry: a resend with the same webhook-id and body, and its 404s. */
describe('webhook delivery: resending a delivery', () => {
  const { newAccount, newReceiver, waitForHooks, quiet } = useDeliveryHarness();

  describe('POST .../deliveries/{deliveryId}/retry', () => {
    it('sends a DELIVERED delivery once more (202), with the same webhook-id and body', async () => {
      const account = await newAccount('Resend');
      const receiver = await newReceiver();
      const sub = await subscribe(account.http, { callbackUrl: receiver.url });
      await createPayment(account.http);
      const delivered = await waitForDelivery(
        account.http,
        sub.id,
        (d) => d.status === 'DELIVERED',
        'DELIVERED',
      );

      const res = await account
        .http()
        .post(`${SUBSCRIPTIONS}/${sub.id}/deliveries/${delivered.id}/retry`);
      expect(res.status).toBe(202);
      expect(res.body).toMatchObject({
        id: delivered.id,
        eventId: delivered.eventId,
        status: 'PENDING',
      });

      await waitForHooks(receiver, 2);
      const again = await waitForDelivery(
        account.http,
        sub.id,
        (d) => d.status === 'DELIVERED' && d.attempts.length === 2,
        'DELIVERED again',
      );
      expect(again.attempts.map((a) => a.statusCode)).toEqual([200, 200]);
      await quiet();
      expect(receiver.hooks).toHaveLength(2);
      verifyAll(sub.secret, receiver);
      expect(receiver.hooks[1].headers['webhook-id']).toBe(receiver.hooks[0].headers['webhook-id']);
      expect(receiver.hooks[1].body).toBe(receiver.hooks[0].body);
    });

    it("answers 404 delivery-not-found for an unknown delivery and another subscription's delivery", async () => {
      const account = await newAccount('Retry 404');
      const receiver = await newReceiver();
      const sub = await subscribe(account.http, { callbackUrl: receiver.url });
      const other = await subscribe(account.http, {
        callbackUrl: receiver.url,
        eventTypes: ['payment.paid'],
      });
      await createPayment(account.http);
      const delivered = await waitForDelivery(
        account.http,
        sub.id,
        (d) => d.status === 'DELIVERED',
        'DELIVERED',
      );

      expectProblem(
        await account
          .http()
          .post(`${SUBSCRIPTIONS}/${sub.id}/deliveries/01900000-0000-7000-8000-000000000000/retry`),
        404,
        'delivery-not-found',
      );
      expectProblem(
        await account.http().post(`${SUBSCRIPTIONS}/${sub.id}/deliveries/not-a-uuid/retry`),
        404,
        'delivery-not-found',
      );
      expectProblem(
        await account.http().post(`${SUBSCRIPTIONS}/${other.id}/deliveries/${delivered.id}/retry`),
        404,
        'delivery-not-found',
      );
      // Another account cannot retry it either (the subscription is not theirs).
      const stranger = await newAccount('Stranger');
      expectProblem(
        await stranger.http().post(`${SUBSCRIPTIONS}/${sub.id}/deliveries/${delivered.id}/retry`),
        404,
        'subscription-not-found',
      );
      await quiet();
      expect(receiver.hooks).toHaveLength(1);
    });
  });
});
