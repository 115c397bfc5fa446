import { createPayment, waitFor } from '../../support/payments-fixtures';
import {
  deliveriesOf,
  type Receiver,
  subscribe,
  verifyAll,
  verifyHook,
} from '../../support/webhook-fixtures';
import { patched } from '../../support/webhook-ops-fixtures';
import { useWebhooksApp } from '../../support/webhooks-app';

const WINDOW_MS = 60_000;

/**
 * A PAUSED subscription's deliveries are created and wait (PENDING, no attempt); resumed, they
 * go out oldest event first, and those past the retry window are FAILED. A URL change applies to
 * every undelivered delivery.
 */
describe('pausing and resuming a subscription', () => {
  const { ctx, http, addReceiver, receivers } = useWebhooksApp({
    WEBHOOK_RETRY_WINDOW_MS: String(WINDOW_MS),
    WEBHOOK_RETRY_BASE_MS: '20000',
    WEBHOOK_RETRY_MAX_DELAY_MS: '20000',
    // One delivery per pass (two passes overlap): the order of the claims shows in the waves below.
    WEBHOOK_CONCURRENCY: '2',
  });
  // Each test's subscriptions go with it: a held receiver must not slow the next test down.
  afterEach(async () => {
    const { rows } = await ctx.db.query<{ id: string }>(
      `select id from webhook_subscription where status <> 'DELETED'`,
    );
    for (const { id } of rows)
      await http().delete(`/api/v1/payments/subscriptions/${id}`).expect(204);
    receivers.forEach((r) => r.releaseHeld());
  });

  /** Pauses `paused`, creates `n` payments, and waits until `sentinel` (ACTIVE) got all n. */
  async function eventsWhilePaused(paused: string, sentinel: Receiver, n: number) {
    await patched(http, paused, { status: 'PAUSED' });
    const payments = [];
    for (let i = 0; i < n; i++) {
      payments.push(await createPayment(http));
      ctx.t.clock.advance(10); // distinct event times, in creation order
    }
    await waitFor(async () => sentinel.hooks.length >= n, { what: `${n} sentinel deliveries` });
    return payments;
  }

  it('waits while paused (deliveries PENDING, no attempt), then sends oldest event first', async () => {
    const target = addReceiver();
    const sentinel = addReceiver();
    target.answer = () => 'hold';
    const sub = await subscribe(http, {
      callbackUrl: await target.start(),
      eventTypes: ['payment.created'],
    });
    await subscribe(http, { callbackUrl: await sentinel.start(), eventTypes: ['payment.created'] });
    const payments = await eventsWhilePaused(sub.id, sentinel, 5);

    // The sentinel got the same events from the same fan-out: the paused one's exist and wait.
    const waiting = await deliveriesOf(http, sub.id);
    expect(
      waiting.map((d) => ({
        status: d.status,
        attempts: d.attempts.length,
        next: d.nextAttemptAt,
      })),
    ).toEqual(Array(5).fill({ status: 'PENDING', attempts: 0, next: null }));
    expect(target.hooks).toHaveLength(0);

    expect((await patched(http, sub.id, { status: 'ACTIVE' })).status).toBe('ACTIVE');
    // Two passes of one delivery each: every wave holds the two oldest events not yet sent.
    const ids = payments.map((p) => p.id);
    const waves: string[][] = [];
    for (let sent = 0; sent < 5;) {
      const expected = Math.min(2, 5 - sent);
      await waitFor(async () => target.heldCount === expected, { what: `wave of ${expected}` });
      waves.push(
        target.hooks
          .slice(sent)
          .map((h) => verifyHook(sub.secret, h).data.id)
          .sort(),
      );
      sent += expected;
      target.releaseHeld({ status: 200 });
      await waitFor(async () => (await deliveriesOf(http, sub.id, 'DELIVERED')).length === sent, {
        what: `${sent} delivered`,
      });
    }
    expect(waves).toEqual([ids.slice(0, 2).sort(), ids.slice(2, 4).sort(), ids.slice(4)]);
  });

  it('resumed after the retry window, the deliveries whose event is too old are FAILED, newer ones sent', async () => {
    const target = addReceiver();
    const sentinel = addReceiver();
    const sub = await subscribe(http, {
      callbackUrl: await target.start(),
      eventTypes: ['payment.created'],
    });
    await subscribe(http, { callbackUrl: await sentinel.start(), eventTypes: ['payment.created'] });
    const [old] = await eventsWhilePaused(sub.id, sentinel, 1);
    ctx.t.clock.advance(WINDOW_MS + 1000);
    const recent = await createPayment(http);
    await waitFor(async () => sentinel.hooks.length >= 2, { what: 'the second sentinel delivery' });

    await patched(http, sub.id, { status: 'ACTIVE' });
    await waitFor(async () => target.hooks.length >= 1, { what: 'the recent delivery' });
    const deliveries = await deliveriesOf(http, sub.id);
    const byPayment = Object.fromEntries(
      await Promise.all(
        deliveries.map(async (d) => [
          (await ctx.db.query('select aggregate_id from outbox_event where id = $1', [d.eventId]))
            .rows[0].aggregate_id,
          d,
        ]),
      ),
    );
    expect(byPayment[old.id]).toMatchObject({ status: 'FAILED', attempts: [] });
    await waitFor(async () => (await deliveriesOf(http, sub.id, 'DELIVERED')).length === 1, {
      what: 'delivered',
    });
    expect(verifyAll(sub.secret, target).map((e) => e.data.id)).toEqual([recent.id]);
  });

  it('a URL change while paused sends every waiting delivery to the new URL only', async () => {
    const before = addReceiver();
    const after = addReceiver();
    const sentinel = addReceiver();
    const sub = await subscribe(http, {
      callbackUrl: await before.start(),
      eventTypes: ['payment.created'],
    });
    await subscribe(http, { callbackUrl: await sentinel.start(), eventTypes: ['payment.created'] });
    const payments = await eventsWhilePaused(sub.id, sentinel, 3);
    await patched(http, sub.id, { callbackUrl: await after.start(), status: 'ACTIVE' });
    await waitFor(async () => (await deliveriesOf(http, sub.id, 'DELIVERED')).length === 3, {
      what: '3 delivered',
    });
    expect(
      verifyAll(sub.secret, after)
        .map((e) => e.data.id)
        .sort(),
    ).toEqual(payments.map((p) => p.id).sort());
    expect(before.hooks).toHaveLength(0);
  });

  it('a URL change sends a delivery that is waiting for its retry to the new URL', async () => {
    const before = addReceiver();
    const after = addReceiver();
    before.answer = () => ({ status: 500 });
    const sub = await subscribe(http, {
      callbackUrl: await before.start(),
      eventTypes: ['payment.created'],
    });
    const payment = await createPayment(http);
    await waitFor(async () => before.hooks.length === 1, { what: 'the failed first attempt' });
    await patched(http, sub.id, { callbackUrl: await after.start() });
    // The retry is about 20 s away (WEBHOOK_RETRY_BASE_MS): the clock gets there.
    ctx.t.clock.advance(20_000 * 1.25);
    await waitFor(async () => after.hooks.length === 1, { what: 'the retry at the new URL' });
    expect(verifyAll(sub.secret, after).map((e) => e.data.id)).toEqual([payment.id]);
    expect(before.hooks).toHaveLength(1);
  });
});
