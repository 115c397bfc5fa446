import { createPayment, type Http } from '../../support/payments-fixtures';
import {
  type CreatedSubscription,
  deliveriesOf,
  type DeliveryView,
  metricSample,
  type Receiver,
  subscribe,
  SUBSCRIPTIONS,
  verifyAll,
  waitForDelivery,
} from '../../support/webhook-fixtures';
import { useWebhooksApp } from '../../support/webhooks-app';
import { workersSettled } from '../../support/workers-settled';

const DAY_MS = 24 * 3600 * 1000;
const WINDOW_MS = 7 * DAY_MS;

/**
 * The 7-day retry window (WEBHOOK_RETRY_WINDOW_MS, default), reached by moving the app's clock
 * instead of waiting, and the manual retry that sends a FAILED delivery once more.
 * The clock only moves forward in this file, so each test works in an account of its own.
 */
describe('webhook retry window and manual retry', () => {
  const { ctx, addReceiver, newAccount } = useWebhooksApp({
    WEBHOOK_RETRY_BASE_MS: '100',
    // The cap keeps the backoff short once the clock has moved by days.
    WEBHOOK_RETRY_MAX_DELAY_MS: '300',
    // Auto-disable (5 days of failures by default) would park the deliveries before the window
    // ends: this file is about the window, so the subscription stays ACTIVE for 8 days.
    WEBHOOK_DISABLE_AFTER_MS: String(8 * 24 * 3600 * 1000),
  });
  // A delivery left PENDING would fail (and count in the metrics) when a later test moves the clock.
  const unsubscribes: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const unsubscribe of unsubscribes.splice(0)) await unsubscribe();
  });

  /** Waits until the dispatcher has sent all that is due at the clock's time (counted passes). */
  const quiet = () => workersSettled(ctx.t);
  const attemptsInDb = async (deliveryId: string): Promise<number> =>
    Number(
      (
        await ctx.db.query('select count(*) as n from webhook_attempt where delivery_id = $1', [
          deliveryId,
        ])
      ).rows[0].n,
    );

  interface Failing {
    http: Http;
    receiver: Receiver;
    sub: CreatedSubscription;
    /** The delivery after its first failed attempts, still PENDING. */
    pending: DeliveryView;
  }

  /** A payment.created delivery to a receiver that always answers 500, after two failed attempts. */
  async function failingDelivery(name: string): Promise<Failing> {
    const account = await newAccount(name);
    const receiver = addReceiver(() => ({ status: 500, body: 'still broken' }));
    const sub = await subscribe(account.http, {
      callbackUrl: await receiver.start(),
      eventTypes: ['payment.created'],
    });
    await createPayment(account.http);
    unsubscribes.push(() => account.http().delete(`${SUBSCRIPTIONS}/${sub.id}`));
    const pending = await waitForDelivery(
      account.http,
      sub.id,
      (d) => d.attempts.length >= 2,
      'two failed attempts',
    );
    expect(pending.status).toBe('PENDING');
    return { http: account.http, receiver, sub, pending };
  }

  /** Moves the clock to `msAfterEvent` after the delivery's event (the window counts from it). */
  async function moveClockTo(delivery: DeliveryView, msAfterEvent: number): Promise<number> {
    const eventAt = (
      await ctx.db.query('select event_created_at from webhook_delivery where id = $1', [
        delivery.id,
      ])
    ).rows[0].event_created_at as Date;
    const target = eventAt.getTime() + msAfterEvent;
    ctx.t.clock.advance(target - ctx.t.clock.now().getTime());
    return target;
  }

  /** Waits until the delivery is FAILED (after the clock passed its window); returns it. */
  async function expectFailedForGood(f: Failing): Promise<DeliveryView> {
    const failed = await waitForDelivery(f.http, f.sub.id, (d) => d.status !== 'PENDING', 'FAILED');
    expect(failed).toMatchObject({ status: 'FAILED', nextAttemptAt: null, deliveredAt: null });
    expect(failed.attempts[failed.attempts.length - 1]).toMatchObject({
      statusCode: 500,
      error: null,
    });
    // No more attempts, however long the dispatcher runs.
    const hooks = f.receiver.hooks.length;
    await quiet();
    expect(f.receiver.hooks).toHaveLength(hooks);
    expect(await attemptsInDb(failed.id)).toBe(failed.attempts.length);
    expect((await deliveriesOf(f.http, f.sub.id))[0]).toEqual(failed);
    return failed;
  }

  it('keeps retrying while the next attempt falls within 7 days of the event', async () => {
    const f = await failingDelivery('Inside the window');
    await moveClockTo(f.pending, WINDOW_MS - 10 * 60_000);
    const later = await waitForDelivery(
      f.http,
      f.sub.id,
      (d) => d.attempts.length >= f.pending.attempts.length + 2,
      'two more attempts',
    );
    expect(later.status).toBe('PENDING');
    // The attempts made after the jump carry the moved clock's time.
    expect(Date.parse(later.attempts[later.attempts.length - 1].attemptedAt)).toBeGreaterThan(
      Date.now() + WINDOW_MS - DAY_MS,
    );
    verifyAll(f.sub.secret, f.receiver);
  });

  it('gives up past 7 days: FAILED, and no attempt after that', async () => {
    const f = await failingDelivery('Past the window');
    const metricsBefore = (await ctx.t.http().get('/metrics').expect(200)).text;

    const closedAt = await moveClockTo(f.pending, WINDOW_MS + 60_000);

    const failed = await expectFailedForGood(f);
    // At most the one attempt that found the window closed (none if an attempt in flight at the
    // jump found it), then nothing.
    const afterTheWindow = failed.attempts.filter((a) => Date.parse(a.attemptedAt) >= closedAt);
    expect(afterTheWindow.length).toBeLessThanOrEqual(1);
    expect(
      (
        await f
          .http()
          .get(`${SUBSCRIPTIONS}/${f.sub.id}/deliveries`)
          .query({ status: 'FAILED' })
          .expect(200)
      ).body.data.map((d: DeliveryView) => d.id),
    ).toEqual([failed.id]);
    expect(
      (
        await f
          .http()
          .get(`${SUBSCRIPTIONS}/${f.sub.id}/deliveries`)
          .query({ status: 'PENDING' })
          .expect(200)
      ).body.data,
    ).toEqual([]);
    const metrics = (await ctx.t.http().get('/metrics').expect(200)).text;
    expect(
      (metricSample(metrics, 'webhook_deliveries_finished_total', { status: 'FAILED' }) ?? 0) -
        (metricSample(metricsBefore, 'webhook_deliveries_finished_total', { status: 'FAILED' }) ??
          0),
    ).toBe(1);
    // Every attempt, the last included, was signed (webhook-timestamp is wall-clock time).
    verifyAll(f.sub.secret, f.receiver);
    expect(new Set(f.receiver.hooks.map((h) => h.headers['webhook-id'])).size).toBe(1);
  });

  it('sends a FAILED delivery once more on a manual retry (202); a 200 makes it DELIVERED', async () => {
    const f = await failingDelivery('Manual retry');
    await moveClockTo(f.pending, WINDOW_MS + 60_000);
    const failed = await expectFailedForGood(f);
    const hooks = f.receiver.hooks.length;
    f.receiver.answer = () => ({ status: 200 });

    const res = await f.http().post(`${SUBSCRIPTIONS}/${f.sub.id}/deliveries/${failed.id}/retry`);

    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({
      id: failed.id,
      eventId: failed.eventId,
      status: 'PENDING',
      deliveredAt: null,
      nextAttemptAt: expect.any(String),
    });
    expect(res.body.attempts).toEqual(failed.attempts);
    const delivered = await waitForDelivery(
      f.http,
      f.sub.id,
      (d) => d.status !== 'PENDING',
      'DELIVERED',
    );
    expect(delivered.status).toBe('DELIVERED');
    expect(delivered.attempts).toHaveLength(failed.attempts.length + 1);
    expect(delivered.attempts[delivered.attempts.length - 1]).toMatchObject({
      statusCode: 200,
      error: null,
    });
    await quiet();
    expect(f.receiver.hooks).toHaveLength(hooks + 1);
    verifyAll(f.sub.secret, f.receiver);
    expect(f.receiver.hooks[hooks].headers['webhook-id']).toBe(failed.eventId);
    expect(f.receiver.hooks[hooks].body).toBe(f.receiver.hooks[0].body);
  });

  it('sends a FAILED delivery exactly once on a manual retry that fails again, then it is FAILED again', async () => {
    const f = await failingDelivery('Manual retry fails');
    await moveClockTo(f.pending, WINDOW_MS + 60_000);
    const failed = await expectFailedForGood(f);
    const hooks = f.receiver.hooks.length;

    await f.http().post(`${SUBSCRIPTIONS}/${f.sub.id}/deliveries/${failed.id}/retry`).expect(202);

    const again = await waitForDelivery(
      f.http,
      f.sub.id,
      (d) => d.status === 'FAILED' && d.attempts.length === failed.attempts.length + 1,
      'FAILED again',
    );
    expect(again.attempts[again.attempts.length - 1]).toMatchObject({ statusCode: 500 });
    await quiet();
    expect(f.receiver.hooks).toHaveLength(hooks + 1);
    expect(await attemptsInDb(failed.id)).toBe(failed.attempts.length + 1);
    verifyAll(f.sub.secret, f.receiver);
  });
});
