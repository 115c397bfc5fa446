import { createPayment, waitFor } from '../../support/payments-fixtures';
import { deliveriesOf, type Receiver, subscribe } from '../../support/webhook-fixtures';
import { getSubscription, patched, verifies } from '../../support/webhook-ops-fixtures';
import { useWebhooksApp } from '../../support/webhooks-app';

const DAY = 24 * 3600_000;

/**
 * Auto-disable: at once on 410 Gone, and after WEBHOOK_DISABLE_AFTER_MS (default 5 days, reached
 * with the FakeClock) of nothing but failures. A subscription.disabled event is recorded and sent
 * to the subscriptions that name it; nothing is lost: deliveries wait.
 */
describe('auto-disable', () => {
  const { ctx, http, addReceiver } = useWebhooksApp({
    WEBHOOK_RETRY_BASE_MS: '1000',
    WEBHOOK_RETRY_MAX_DELAY_MS: '1000',
  });
  const start = async (answer: Receiver['answer']) => {
    const r = addReceiver(answer);
    return { r, url: await r.start() };
  };
  afterEach(async () => {
    const { rows } = await ctx.db.query<{ id: string }>(
      `select id from webhook_subscription where status <> 'DELETED'`,
    );
    for (const { id } of rows)
      await http().delete(`/api/v1/payments/subscriptions/${id}`).expect(204);
  });

  it('a 410 disables at once; the event goes to subscriptions that name it, not to default ones; deliveries wait', async () => {
    const gone = await start(() => ({ status: 410 }));
    const watcher = await start(() => ({ status: 200 }));
    const plain = await start(() => ({ status: 200 }));
    const sub = await subscribe(http, { callbackUrl: gone.url, eventTypes: ['payment.created'] });
    const watching = await subscribe(http, {
      callbackUrl: watcher.url,
      eventTypes: ['subscription.disabled'],
    });
    await subscribe(http, { callbackUrl: plain.url });

    await createPayment(http);
    const hook = await waitFor(async () => watcher.r.hooks[0], {
      what: 'the subscription.disabled delivery',
    });
    expect(verifies(watching.secret, hook)).toBe(true);
    const envelope = JSON.parse(hook.body);
    const view = await getSubscription(http, sub.id);
    expect(view).toMatchObject({
      status: 'DISABLED',
      disabledReason: expect.stringMatching(/410 Gone/),
    });
    expect(envelope).toMatchObject({ type: 'subscription.disabled', data: view });
    expect(hook.body).not.toMatch(/whsec_|"secret"/);
    // Recorded in the events store, byte for byte as delivered.
    expect((await http().get(`/api/v1/events/${envelope.id}`).expect(200)).text).toBe(hook.body);

    // Nothing lost: a new event's delivery waits, and goes out once the owner re-enables.
    await createPayment(http);
    await waitFor(async () => plain.r.hooks.length >= 2, {
      what: 'the sentinel got both payments',
    });
    expect(plain.r.hooks.map((h) => JSON.parse(h.body).type)).toEqual([
      'payment.created',
      'payment.created',
    ]);
    // Both wait: the one the 410 answered, and the new one (no attempt at all).
    const waiting = await deliveriesOf(http, sub.id, 'PENDING');
    expect(waiting.map((d) => [d.nextAttemptAt, d.attempts.map((a) => a.statusCode)])).toEqual([
      [null, []],
      [null, [410]],
    ]);
    gone.r.answer = () => ({ status: 200 });
    expect((await patched(http, sub.id, { status: 'ACTIVE' })).disabledReason).toBeNull();
    await waitFor(async () => (await deliveriesOf(http, sub.id, 'DELIVERED')).length >= 1, {
      what: 'sent after re-enabling',
    });
  });

  it('disables after 5 days of nothing but failures, not before; a success in between resets it', async () => {
    const failing = await start(() => ({ status: 500 }));
    const sub = await subscribe(http, {
      callbackUrl: failing.url,
      eventTypes: ['payment.created'],
    });
    await createPayment(http);
    await waitFor(async () => failing.r.hooks.length >= 1, { what: 'the first failure' });

    // Four days on: the next attempts fail, the subscription stays ACTIVE.
    ctx.t.clock.advance(4 * DAY);
    const seen = failing.r.hooks.length;
    await waitFor(async () => failing.r.hooks.length > seen, { what: 'an attempt on day 4' });
    expect((await getSubscription(http, sub.id)).status).toBe('ACTIVE');

    // A success resets the record: two more days of failures are not five.
    failing.r.answer = () => ({ status: 200 });
    await createPayment(http);
    await waitFor(async () => (await deliveriesOf(http, sub.id, 'DELIVERED')).length >= 1, {
      what: 'a success',
    });
    failing.r.answer = () => ({ status: 500 });
    const first = failing.r.hooks.length;
    await createPayment(http);
    // The first failure since the success happens now, before the clock moves.
    await waitFor(async () => failing.r.hooks.length > first, {
      what: 'the first failure after the success',
    });
    ctx.t.clock.advance(2 * DAY);
    const before = failing.r.hooks.length;
    await waitFor(async () => failing.r.hooks.length > before, {
      what: 'a failure two days later',
    });
    expect((await getSubscription(http, sub.id)).status).toBe('ACTIVE');

    // Five days after the first failure since that success: DISABLED, saying since when.
    ctx.t.clock.advance(3 * DAY + 1000);
    const view = await waitFor(async () => getSubscription(http, sub.id), {
      until: (s) => s.status === 'DISABLED',
      what: 'DISABLED',
    });
    expect(view.disabledReason).toMatch(/^every attempt has failed since \d{4}-\d\d-\d\dT/);
    const events = await http()
      .get('/api/v1/events')
      .query({ type: 'subscription.disabled' })
      .expect(200);
    expect(events.body.data.map((e: { data: { id: string } }) => e.data.id)).toContain(sub.id);
  });
});
