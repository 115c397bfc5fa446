import { ISO_UTC_MS, UUID_V7 } from '../../support/payments-fixtures';
import { secretOf, URL_OK, useSubscriptionsApp } from '../../support/subscriptions-harness';
import {
  ALL_EVENT_TYPES,
  postSubscribe,
  subscribe,
  SUBSCRIPTIONS,
} from '../../support/webhook-fixtures';

/** POST /api/v1/payments/subscribe: the 201 answer, secrets generated or given, event types kept or refused. */
describe('webhook subscriptions: creating one', () => {
  const { ctx, http, expectRefused } = useSubscriptionsApp();

  describe('POST /api/v1/payments/subscribe', () => {
    it('answers 201 with the subscription: every event type by default, ACTIVE, and a generated secret', async () => {
      const res = await postSubscribe(http, { callbackUrl: URL_OK });

      expect(res.status).toBe(201);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toEqual({
        id: expect.stringMatching(UUID_V7),
        callbackUrl: URL_OK,
        eventTypes: ALL_EVENT_TYPES,
        status: 'ACTIVE',
        disabledReason: null,
        description: null,
        rateLimitPerSecond: null,
        secret: expect.any(String),
        createdAt: expect.stringMatching(ISO_UTC_MS),
        updatedAt: res.body.createdAt,
      });
      // whsec_ + standard padded base64 of 32 random bytes
      expect(res.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(Buffer.from(res.body.secret.slice(6), 'base64')).toHaveLength(32);
      const row = (
        await ctx.db.query(
          'select account_id, callback_url, event_types, secret, status from webhook_subscription where id = $1',
          [res.body.id],
        )
      ).rows[0];
      expect(row).toMatchObject({
        callback_url: URL_OK,
        event_types: ALL_EVENT_TYPES,
        secret: res.body.secret,
        status: 'ACTIVE',
      });
    });

    it('generates a different secret for every subscription', async () => {
      const secrets = new Set<string>();
      for (let i = 0; i < 5; i++)
        secrets.add((await subscribe(http, { callbackUrl: URL_OK })).secret);
      expect(secrets.size).toBe(5);
    });

    it.each([
      ['24 bytes (the shortest allowed)', 24],
      ['32 bytes', 32],
      ['64 bytes (the longest allowed)', 64],
    ])('keeps a given secret of %s exactly as given', async (_label, bytes) => {
      const secret = secretOf(bytes);
      const created = await subscribe(http, { callbackUrl: URL_OK, secret });
      expect(created.secret).toBe(secret);
      expect(
        (await ctx.db.query('select secret from webhook_subscription where id = $1', [created.id]))
          .rows[0].secret,
      ).toBe(secret);
    });

    it('keeps the chosen event types', async () => {
      const created = await subscribe(http, {
        callbackUrl: URL_OK,
        eventTypes: ['payment.paid', 'payment.failed'],
      });
      expect(created.eventTypes).toEqual(['payment.paid', 'payment.failed']);
      expect(
        (await http().get(`${SUBSCRIPTIONS}/${created.id}`).expect(200)).body.eventTypes,
      ).toEqual(['payment.paid', 'payment.failed']);
    });

    it.each([
      ['an unknown type', ['payment.refunded']],
      ['a known and an unknown type', ['payment.paid', 'payment.exploded']],
      ['a type in the wrong case', ['PAYMENT.PAID']],
      ['a non-string type', [42]],
      ['no type at all (an empty list; omit the field to get every type)', []],
    ])(
      'refuses eventTypes with %s: 400 validation-failed, nothing stored',
      async (_label, eventTypes) => {
        await expectRefused({ callbackUrl: URL_OK, eventTypes }, 'validation-failed', 'eventTypes');
      },
    );
  });
});
