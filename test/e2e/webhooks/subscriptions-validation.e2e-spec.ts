import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { expectProblem } from '../../support/payments-fixtures';
import { secretOf, URL_OK, useSubscriptionsApp } from '../../support/subscriptions-harness';
import { subscribe, SUBSCRIBE } from '../../support/webhook-fixtures';

/** POST /api/v1/payments/subscribe: malformed event types, callback URLs, secrets and bodies (400/401/415, nothing stored). */
describe('webhook subscriptions: refused requests', () => {
  const { ctx, http, subscriptionRows, expectRefused } = useSubscriptionsApp();

  describe('POST /api/v1/payments/subscribe', () => {
    it('refuses eventTypes that is not an array: 400 validation-failed', async () => {
      await expectRefused(
        { callbackUrl: URL_OK, eventTypes: 'payment.paid' },
        'validation-failed',
        'eventTypes',
      );
    });

    it.each([
      ['without the whsec_ prefix', randomBytes(32).toString('base64')],
      ['with only the prefix', 'whsec_'],
      ['of 23 bytes (too short)', secretOf(23)],
      ['of 65 bytes (too long)', secretOf(65)],
      ['in URL-safe base64', `whsec_${Buffer.alloc(32, 0xfb).toString('base64url')}=`],
      ['without base64 padding', `whsec_${randomBytes(32).toString('base64').replace(/=+$/, '')}`],
      [
        'with characters outside base64',
        `whsec_${randomBytes(32).toString('base64').slice(0, -2)}!=`,
      ],
      ['with a space', `whsec_ ${randomBytes(32).toString('base64')}`],
    ])('refuses a secret %s: 400 invalid-secret, nothing stored', async (_label, secret) => {
      await expectRefused({ callbackUrl: URL_OK, secret }, 'invalid-secret');
    });

    it.each([
      ['empty', ''],
      ['not a string', 12345],
      ['longer than 200 characters', `whsec_${'A'.repeat(200)}`],
    ])(
      'refuses a secret that is %s: 400 validation-failed naming secret',
      async (_label, secret) => {
        await expectRefused({ callbackUrl: URL_OK, secret }, 'validation-failed', 'secret');
      },
    );

    it.each([
      ['not a URL', 'not a url'],
      ['a relative URL', '/hooks'],
      ['an ftp: URL', 'ftp://127.0.0.1/hooks'],
      ['a javascript: URL', 'javascript:alert(1)'],
      ['a file: URL', 'file:///etc/passwd'],
      ['a URL with credentials', 'http://user:pass@127.0.0.1:9/hooks'],
    ])(
      'refuses a callbackUrl that is %s: 400 invalid-callback-url, nothing stored',
      async (_label, callbackUrl) => {
        await expectRefused({ callbackUrl }, 'invalid-callback-url');
      },
    );

    it('refuses a callbackUrl of 2049 characters (400 validation-failed) and accepts one of 2048', async () => {
      const base = 'http://127.0.0.1:9/';
      const of = (length: number) => base + 'a'.repeat(length - base.length);
      await expectRefused({ callbackUrl: of(2049) }, 'validation-failed', 'callbackUrl');
      const created = await subscribe(http, { callbackUrl: of(2048) });
      expect(created.callbackUrl).toHaveLength(2048);
    });

    it.each([
      ['missing', {}],
      ['empty', { callbackUrl: '' }],
      ['not a string', { callbackUrl: 42 }],
    ])(
      'refuses a callbackUrl that is %s: 400 validation-failed naming callbackUrl',
      async (_label, body) => {
        await expectRefused(body, 'validation-failed', 'callbackUrl');
      },
    );

    it('refuses an unknown field: 400 validation-failed naming it', async () => {
      await expectRefused({ callbackUrl: URL_OK, status: 'ACTIVE' }, 'validation-failed', 'status');
    });

    it('refuses malformed JSON (400 malformed-json) and a non-JSON body (415)', async () => {
      expectProblem(
        await http()
          .post(SUBSCRIBE)
          .set('Content-Type', 'application/json')
          .send('{"callbackUrl":'),
        400,
        'malformed-json',
      );
      expect(
        (await http().post(SUBSCRIBE).set('Content-Type', 'text/plain').send(URL_OK)).status,
      ).toBe(415);
    });

    it('needs an API key: 401 without one, nothing stored', async () => {
      const before = await subscriptionRows();
      const res = await request(ctx.t.app.getHttpServer())
        .post(SUBSCRIBE)
        .send({ callbackUrl: URL_OK });
      expect(res.status).toBe(401);
      expect(await subscriptionRows()).toBe(before);
    });
  });
});
