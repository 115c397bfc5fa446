import { randomBytes } from 'node:crypto';
import { createPayment, expectProblem, unknownId, waitFor } from '../../support/payments-fixtures';
import { type Hook, subscribe, SUBSCRIPTIONS } from '../../support/webhook-fixtures';
import { postRotate, rotated, verifies } from '../../support/webhook-ops-fixtures';
import { useWebhooksApp } from '../../support/webhooks-app';

const HOUR = 3600_000;
const secretOf = () => `whsec_${randomBytes(32).toString('base64')}`;

/**
 * Rotation with overlap: two signatures in webhook-signature during the overlap (a receiver with
 * either secret verifies with the Standard Webhooks library), one after; the previous secret is
 * never shown. Time moves with the FakeClock.
 */
describe('POST /api/v1/payments/subscriptions/{id}/rotate-secret', () => {
  const { ctx, http, addReceiver, newAccount } = useWebhooksApp();
  const receiver = addReceiver();
  let url: string;
  beforeAll(async () => {
    url = await receiver.start();
  });

  /**
   * Creates a payment and returns the hook its payment.created delivery brought to the newest
   * subscription (each test subscribes its own path on the one receiver).
   */
  async function nextHook(): Promise<Hook> {
    const payment = await createPayment(http);
    const path = `/hooks/${subscriptions}`;
    return waitFor(
      async () =>
        receiver.hooks.find((h) => h.path === path && JSON.parse(h.body).data.id === payment.id),
      { what: `the delivery of ${payment.id}` },
    );
  }

  let subscriptions = 0;
  const subscribeWith = (secret: string) =>
    subscribe(http, {
      callbackUrl: `${url}/${++subscriptions}`,
      eventTypes: ['payment.created'],
      secret,
    });

  it('signs with both secrets during the overlap and with the new one only after it', async () => {
    const [s1, s2] = [secretOf(), secretOf()];
    const sub = await subscribeWith(s1);
    const answer = await rotated(http, sub.id, { secret: s2, overlapSeconds: 3600 });
    expect(answer).toEqual({
      secret: s2,
      previousSecretExpiresAt: expect.any(String),
    });
    const expiresIn = Date.parse(answer.previousSecretExpiresAt) - ctx.t.clock.now().getTime();
    expect(expiresIn).toBeGreaterThan(HOUR - 5000);
    expect(expiresIn).toBeLessThanOrEqual(HOUR);

    const during = await nextHook();
    expect(String(during.headers['webhook-signature'])).toMatch(/^v1,\S+ v1,\S+$/);
    expect({ withNew: verifies(s2, during), withOld: verifies(s1, during) }).toEqual({
      withNew: true,
      withOld: true,
    });

    ctx.t.clock.advance(HOUR + 1000);
    const after = await nextHook();
    expect(String(after.headers['webhook-signature'])).toMatch(/^v1,\S+$/);
    expect({ withNew: verifies(s2, after), withOld: verifies(s1, after) }).toEqual({
      withNew: true,
      withOld: false,
    });
  });

  it('generates the new secret when none is given, with a day of overlap by default', async () => {
    const s1 = secretOf();
    const sub = await subscribeWith(s1);
    const answer = await rotated(http, sub.id);
    expect(answer.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(
      Date.parse(answer.previousSecretExpiresAt) - ctx.t.clock.now().getTime(),
    ).toBeGreaterThan(24 * HOUR - 5000);
    const hook = await nextHook();
    expect([verifies(answer.secret, hook), verifies(s1, hook)]).toEqual([true, true]);
  });

  it('a second rotation during the overlap ends the older overlap at once', async () => {
    const [s1, s2, s3] = [secretOf(), secretOf(), secretOf()];
    const sub = await subscribeWith(s1);
    await rotated(http, sub.id, { secret: s2, overlapSeconds: 3600 });
    await rotated(http, sub.id, { secret: s3, overlapSeconds: 3600 });
    const hook = await nextHook();
    expect({ s1: verifies(s1, hook), s2: verifies(s2, hook), s3: verifies(s3, hook) }).toEqual({
      s1: false,
      s2: true,
      s3: true,
    });
  });

  it('overlapSeconds 0 ends the old secret at once', async () => {
    const [s1, s2] = [secretOf(), secretOf()];
    const sub = await subscribeWith(s1);
    await rotated(http, sub.id, { secret: s2, overlapSeconds: 0 });
    const hook = await nextHook();
    expect([verifies(s2, hook), verifies(s1, hook)]).toEqual([true, false]);
  });

  it('stores the previous secret like the current one and never returns either from a GET', async () => {
    const [s1, s2] = [secretOf(), secretOf()];
    const sub = await subscribeWith(s1);
    await rotated(http, sub.id, { secret: s2, overlapSeconds: 60 });
    const row = (
      await ctx.db.query(
        'select secret, previous_secret, previous_secret_expires_at from webhook_subscription where id = $1',
        [sub.id],
      )
    ).rows[0];
    expect(row).toMatchObject({ secret: s2, previous_secret: s1 });
    const one = await http().get(`${SUBSCRIPTIONS}/${sub.id}`).expect(200);
    const list = await http().get(SUBSCRIPTIONS).query({ limit: 100 }).expect(200);
    for (const text of [one.text, list.text]) {
      expect(text).not.toContain(s1.slice(6));
      expect(text).not.toContain(s2.slice(6));
      expect(text).not.toMatch(/whsec_|secret/i);
    }
  });

  it.each([
    ['overlapSeconds -1', { overlapSeconds: -1 }, 'validation-failed', 'overlapSeconds'],
    ['overlapSeconds 604801', { overlapSeconds: 604801 }, 'validation-failed', 'overlapSeconds'],
    ['overlapSeconds 1.5', { overlapSeconds: 1.5 }, 'validation-failed', 'overlapSeconds'],
    ['overlapSeconds "60"', { overlapSeconds: '60' }, 'validation-failed', 'overlapSeconds'],
    [
      'a secret without the prefix',
      { secret: randomBytes(32).toString('base64') },
      'invalid-secret',
      'secret',
    ],
    [
      'a secret of 23 bytes',
      { secret: `whsec_${randomBytes(23).toString('base64')}` },
      'invalid-secret',
      'secret',
    ],
    ['an unknown field', { overlap: 5 }, 'validation-failed', 'overlap'],
  ])('refuses %s: 400 naming the field, nothing changed', async (_l, body, code, field) => {
    const sub = await subscribeWith(secretOf());
    const before = (
      await ctx.db.query('select * from webhook_subscription where id = $1', [sub.id])
    ).rows[0];
    const res = await postRotate(http, sub.id, body);
    expectProblem(res, 400, code);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(
      (await ctx.db.query('select * from webhook_subscription where id = $1', [sub.id])).rows[0],
    ).toEqual(before);
  });

  it("answers 404 for an unknown id, a malformed id and another account's subscription", async () => {
    const other = await newAccount('Other');
    const theirs = await subscribe(other.http, { callbackUrl: url });
    for (const id of [unknownId(), 'nope', theirs.id]) {
      expectProblem(await postRotate(http, id, {}), 404, 'subscription-not-found');
    }
    const row = (
      await ctx.db.query('select secret, previous_secret from webhook_subscription where id = $1', [
        theirs.id,
      ])
    ).rows[0];
    expect(row).toEqual({ secret: theirs.secret, previous_secret: null });
  });
});
