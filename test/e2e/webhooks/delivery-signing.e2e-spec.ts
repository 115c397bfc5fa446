import {
  createPayment,
  ISO_UTC_MS,
  outboxRowsOf,
  PAYMENTS,
  type PaymentView,
} from '../../support/payments-fixtures';
import { useDeliveryHarness } from '../../support/webhook-delivery-harness';
import {
  deliveriesOf,
  type Envelope,
  subscribe,
  verifyAll,
  verifyHook,
} from '../../support/webhook-fixtures';

/** What arrives for each event of a payment's lifecycle, signed with the subscription's own secret. */
describe('webhook delivery: signed envelopes of the lifecycle', () => {
  const { ctx, newAccount, newReceiver, waitForHooks, quiet, secretOf, move, read } =
    useDeliveryHarness();

  describe('the payment lifecycle', () => {
    it('arrives signed, one delivery per event, with data equal to the payment as GET answered it at that version', async () => {
      const account = await newAccount('Lifecycle');
      const http = account.http;
      const receiver = await newReceiver();
      const secret = secretOf();
      const sub = await subscribe(http, { callbackUrl: receiver.url, secret });
      expect(sub.secret).toBe(secret);

      // Every state each payment goes through, as GET answers it right after the move.
      const snapshots: PaymentView[] = [];
      const paid = await createPayment(http);
      snapshots.push(await read(http, paid.id));
      await move(http, paid.id, 'PROCESSING');
      snapshots.push(await read(http, paid.id));
      await move(http, paid.id, 'PAID');
      snapshots.push(await read(http, paid.id));

      const cancelled = await createPayment(http);
      snapshots.push(await read(http, cancelled.id));
      await http().post(`${PAYMENTS}/${cancelled.id}/cancel`).expect(200);
      snapshots.push(await read(http, cancelled.id));

      const failed = await createPayment(http);
      snapshots.push(await read(http, failed.id));
      await move(http, failed.id, 'PROCESSING');
      snapshots.push(await read(http, failed.id));
      await move(http, failed.id, 'FAILED', 'beneficiary account closed');
      snapshots.push(await read(http, failed.id));

      await waitForHooks(receiver, snapshots.length);
      await quiet();
      expect(receiver.hooks).toHaveLength(snapshots.length);

      const envelopes = verifyAll(secret, receiver);
      // Order is not guaranteed: match each snapshot to its event by payment and version.
      const byVersion = new Map(envelopes.map((e) => [`${e.data.id}@${e.data.version}`, e]));
      expect(byVersion.size).toBe(snapshots.length);
      const typeOf: Record<string, string> = {
        PENDING: 'payment.created',
        PROCESSING: 'payment.processing',
        PAID: 'payment.paid',
        FAILED: 'payment.failed',
        CANCELLED: 'payment.cancelled',
      };
      const events = [
        ...(await outboxRowsOf(ctx.db, paid.id)),
        ...(await outboxRowsOf(ctx.db, cancelled.id)),
        ...(await outboxRowsOf(ctx.db, failed.id)),
      ];
      const occurredAt = new Map(
        (
          await ctx.db.query<{ id: string; occurred_at: Date }>(
            'select id, occurred_at from outbox_event where id = any($1)',
            [events.map((e) => e.id)],
          )
        ).rows.map((r) => [r.id, r.occurred_at]),
      );
      for (const snapshot of snapshots) {
        const envelope = byVersion.get(`${snapshot.id}@${snapshot.version}`) as Envelope;
        const event = events.find(
          (e) => e.aggregate_id === snapshot.id && e.payload.version === snapshot.version,
        )!;
        expect(envelope).toEqual({
          id: event.id,
          type: typeOf[snapshot.status],
          createdAt: occurredAt.get(event.id)!.toISOString(),
          accountId: account.id,
          data: snapshot,
        });
        expect(envelope.createdAt).toMatch(ISO_UTC_MS);
      }
      expect(envelopes.map((e) => e.type).sort()).toEqual(
        [
          'payment.created',
          'payment.processing',
          'payment.paid',
          'payment.created',
          'payment.cancelled',
          'payment.created',
          'payment.processing',
          'payment.failed',
        ].sort(),
      );
      // One webhook-id per event, each once (the receiver answered 200 every time).
      expect(new Set(receiver.hooks.map((h) => h.headers['webhook-id']))).toEqual(
        new Set(events.map((e) => e.id)),
      );

      // The log agrees: one DELIVERED delivery per event, each with one 200 attempt.
      const deliveries = await deliveriesOf(http, sub.id);
      expect(deliveries).toHaveLength(snapshots.length);
      for (const d of deliveries) {
        expect(d).toMatchObject({
          status: 'DELIVERED',
          nextAttemptAt: null,
          deliveredAt: expect.stringMatching(ISO_UTC_MS),
        });
        expect(d.attempts).toEqual([
          {
            attemptedAt: expect.stringMatching(ISO_UTC_MS),
            statusCode: 200,
            durationMs: expect.any(Number),
            error: null,
          },
        ]);
        expect(
          byVersion.get(
            `${(envelopes.find((e) => e.id === d.eventId) as Envelope).data.id}@${(envelopes.find((e) => e.id === d.eventId) as Envelope).data.version}`,
          )?.type,
        ).toBe(d.eventType);
      }
    });

    it("signs with the subscription's own secret: another secret does not verify it", async () => {
      const account = await newAccount('Secrets');
      const receiver = await newReceiver();
      const sub = await subscribe(account.http, { callbackUrl: receiver.url });
      await createPayment(account.http);
      await waitForHooks(receiver, 1);
      verifyHook(sub.secret, receiver.hooks[0]);
      expect(() => verifyHook(secretOf(), receiver.hooks[0])).toThrow();
      // A body changed on the way does not verify either.
      const tampered = {
        ...receiver.hooks[0],
        body: receiver.hooks[0].body.replace('"version":1', '"version":2'),
      };
      expect(tampered.body).not.toBe(receiver.hooks[0].body);
      expect(() => verifyHook(sub.secret, tampered)).toThrow();
    });
  });
});
