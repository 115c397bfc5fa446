import { createPayment, expectProblem, unknownId, waitFor } from '../../support/payments-fixtures';
import { deliveriesOf, subscribe, SUBSCRIPTIONS, verifyAll } from '../../support/webhook-fixtures';
import { patched } from '../../support/webhook-ops-fixtures';
import { useWebhooksApp } from '../../support/webhooks-app';

const WINDOW_MS = 60_000;
const DAY = 24 * 3600_000;

/**
 * POST .../recover: FAILED deliveries whose event lies in [since, until) are sent again with a
 * fresh retry window. Deliveries are made FAILED the documented way: paused past the window.
 */
describe('POST /api/v1/payments/subscriptions/{id}/recover', () => {
  const { ctx, http, addReceiver, newAccount } = useWebhooksApp({
    WEBHOOK_RETRY_WINDOW_MS: String(WINDOW_MS),
    WEBHOOK_RETRY_BASE_MS: '20000',
    WEBHOOK_RETRY_MAX_DELAY_MS: '20000',
  });
  const recover = (id: string, body: unknown) =>
    http()
      .post(`${SUBSCRIPTIONS}/${id}/recover`)
      .send(body as object);
  const iso = (ms: number) => new Date(ms).toISOString();

  /** A subscription with `n` FAILED deliveries (paused, past the window, resumed); their event times. */
  async function withFailed(n: number) {
    const receiver = addReceiver();
    const sub = await subscribe(http, {
      callbackUrl: await receiver.start(),
      eventTypes: ['payment.created'],
    });
    await patched(http, sub.id, { status: 'PAUSED' });
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      times.push(ctx.t.clock.now().getTime());
      await createPayment(http);
      ctx.t.clock.advance(1000);
    }
    await waitFor(async () => (await deliveriesOf(http, sub.id)).length === n, {
      what: `${n} deliveries`,
    });
    ctx.t.clock.advance(WINDOW_MS);
    await patched(http, sub.id, { status: 'ACTIVE' });
    expect((await deliveriesOf(http, sub.id)).map((d) => d.status)).toEqual(
      Array(n).fill('FAILED'),
    );
    return { sub, receiver, times };
  }

  it('sends the FAILED deliveries of [since, until) again, and only those: 202 { queued }', async () => {
    const { sub, receiver, times } = await withFailed(3);
    const res = await recover(sub.id, { since: iso(times[1]), until: iso(times[2]) });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ queued: 1 });
    await waitFor(async () => (await deliveriesOf(http, sub.id, 'DELIVERED')).length === 1, {
      what: 'one delivered',
    });
    const envelopes = verifyAll(sub.secret, receiver);
    // The second event, created between times[1] and times[2] (the clock ran on meanwhile).
    expect(envelopes).toHaveLength(1);
    const at = Date.parse(envelopes[0].createdAt);
    expect(at >= times[1] && at < times[2]).toBe(true);
    expect((await deliveriesOf(http, sub.id, 'FAILED')).length).toBe(2);

    // Without until: everything from since on; a DELIVERED one is not sent again.
    expect((await recover(sub.id, { since: iso(times[0]) })).body).toEqual({ queued: 2 });
    await waitFor(async () => (await deliveriesOf(http, sub.id, 'DELIVERED')).length === 3, {
      what: 'all delivered',
    });
    expect(receiver.hooks).toHaveLength(3);
  });

  it('gives a recovered delivery a fresh retry window: a failure is retried, not FAILED at once', async () => {
    const { sub, receiver, times } = await withFailed(1);
    receiver.answer = () => ({ status: 500 });
    expect((await recover(sub.id, { since: iso(times[0]) })).body).toEqual({ queued: 1 });
    await waitFor(async () => receiver.hooks.length === 1, { what: 'the recovered attempt' });
    const [delivery] = await waitFor(async () => deliveriesOf(http, sub.id), {
      until: (ds) => ds[0].attempts.length === 1,
      what: 'the attempt recorded',
    });
    // The event is older than the window, yet the delivery waits for its next attempt.
    expect(delivery).toMatchObject({ status: 'PENDING', nextAttemptAt: expect.any(String) });
    receiver.answer = () => ({ status: 200 });
    ctx.t.clock.advance(25_000);
    await waitFor(async () => (await deliveriesOf(http, sub.id, 'DELIVERED')).length === 1, {
      what: 'the retry delivered',
    });
  });

  it('answers { queued: 0 } when nothing FAILED lies in the range', async () => {
    const { sub } = await withFailed(1);
    const now = ctx.t.clock.now().getTime();
    expect((await recover(sub.id, { since: iso(now - 1000) })).body).toEqual({ queued: 0 });
  });

  it.each([
    ['since missing', () => ({}), ['since']],
    ['since not a time', () => ({ since: 'yesterday' }), ['since']],
    ['since a number', () => ({ since: 1700000000 }), ['since']],
    ['since in the future', (now: number) => ({ since: iso(now + 60_000) }), ['since']],
    [
      'since older than the retention',
      (now: number) => ({ since: iso(now - 31 * DAY) }),
      ['since'],
    ],
    ['until not a time', (now: number) => ({ since: iso(now - 1000), until: 'soon' }), ['until']],
    [
      'until before since',
      (now: number) => ({ since: iso(now - 1000), until: iso(now - 2000) }),
      ['until'],
    ],
    [
      'until in the future',
      (now: number) => ({ since: iso(now - 1000), until: iso(now + 60_000) }),
      ['until'],
    ],
    [
      'an unknown field',
      (now: number) => ({ since: iso(now - 1000), status: 'FAILED' }),
      ['status'],
    ],
  ])('refuses %s: 400 naming the field, nothing queued', async (_l, body, fields) => {
    const { sub } = await withFailed(1);
    const res = await recover(sub.id, body(ctx.t.clock.now().getTime()));
    expectProblem(res, 400, 'validation-failed');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(fields);
    expect((await deliveriesOf(http, sub.id)).map((d) => d.status)).toEqual(['FAILED']);
  });

  it("answers 404 for an unknown id, a malformed id and another account's subscription", async () => {
    const other = await newAccount('Other');
    const theirs = await subscribe(other.http, { callbackUrl: 'http://127.0.0.1:9/hooks' });
    const since = iso(ctx.t.clock.now().getTime() - 1000);
    for (const id of [unknownId(), 'nope', theirs.id])
      expectProblem(await recover(id, { since }), 404, 'subscription-not-found');
  });
});
