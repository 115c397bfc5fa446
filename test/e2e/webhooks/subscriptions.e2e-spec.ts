import { randomBytes } from 'node:crypto';
import request from 'supertest';
import {
  createAccount,
  expectProblem,
  type Http,
  ISO_UTC_MS,
  unknownId,
  usePaymentsApp,
  UUID_V7,
} from '../../support/payments-fixtures';
import {
  ALL_EVENT_TYPES,
  type CreatedSubscription,
  postSubscribe,
  subscribe,
  SUBSCRIBE,
  SUBSCRIPTIONS,
} from '../../support/webhook-fixtures';

const ADMIN_KEY = '0123456789abcdef0123';
/** Outside production http://127.0.0.1 is allowed (WEBHOOK_ALLOW_PRIVATE_URLS defaults to true). */
const URL_OK = 'http://127.0.0.1:9/hooks';
const secretOf = (bytes: number) => `whsec_${randomBytes(bytes).toString('base64')}`;

/** Subscriptions: create (validation, secrets), list, get, delete, and the account boundary. */
describe('webhook subscriptions', () => {
  const ctx = usePaymentsApp({ ADMIN_API_KEY: ADMIN_KEY });
  const http: Http = () => ctx.t.http();

  const subscriptionRows = async (): Promise<number> =>
    Number((await ctx.db.query('select count(*) as n from webhook_subscription')).rows[0].n);

  /** A 400 with this code, and nothing stored. */
  async function expectRefused(body: unknown, code: string, field?: string): Promise<void> {
    const before = await subscriptionRows();
    const res = await postSubscribe(http, body);
    expectProblem(res, 400, code);
    if (field)
      expect((res.body.errors as { field: string }[]).map((e) => e.field)).toContainEqual(
        expect.stringMatching(new RegExp(`^${field.replace(/[[\]]/g, '\\$&')}`)),
      );
    expect(await subscriptionRows()).toBe(before);
  }

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

  describe('GET /api/v1/payments/subscriptions[/{id}]', () => {
    it('never shows the secret again: not in GET, not in the list', async () => {
      const created = await subscribe(http, { callbackUrl: URL_OK, secret: secretOf(32) });
      const { secret, ...view } = created;

      const one = await http().get(`${SUBSCRIPTIONS}/${created.id}`).expect(200);
      expect(one.body).toEqual(view);
      expect(one.text).not.toContain(secret.slice(6));

      const list = await http().get(SUBSCRIPTIONS).query({ limit: 100 }).expect(200);
      expect(list.body.data).toContainEqual(view);
      expect(list.text).not.toContain(secret.slice(6));
      expect(list.text).not.toContain('whsec_');
    });

    it('lists newest first, page by page with limit and cursor', async () => {
      const account = await createAccount(ctx.t, ADMIN_KEY, 'Lister');
      const created: CreatedSubscription[] = [];
      for (let i = 0; i < 5; i++)
        created.push(
          await subscribe(account.http, { callbackUrl: `http://127.0.0.1:9/hooks/${i}` }),
        );
      const expected = created.reverse().map(({ secret: _secret, ...view }) => view);

      const seen: unknown[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: request.Response = await account
          .http()
          .get(SUBSCRIPTIONS)
          .query(cursor ? { limit: 2, cursor } : { limit: 2 })
          .expect(200);
        expect(res.body.data.length).toBeLessThanOrEqual(2);
        seen.push(...res.body.data);
        cursor = res.body.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      expect(seen).toEqual(expected);
    });

    it.each([
      ['limit=0', { limit: 0 }],
      ['limit=101', { limit: 101 }],
      ['limit=abc', { limit: 'abc' }],
    ])('refuses %s: 400 validation-failed', async (_label, query) => {
      expectProblem(await http().get(SUBSCRIPTIONS).query(query), 400, 'validation-failed');
    });

    it.each([
      ['an unknown id', () => unknownId()],
      ['an id that is not a UUID', () => 'not-a-uuid'],
    ])('answers %s with 404 subscription-not-found', async (_label, id) => {
      expectProblem(await http().get(`${SUBSCRIPTIONS}/${id()}`), 404, 'subscription-not-found');
    });
  });

  describe('DELETE /api/v1/payments/subscriptions/{id}', () => {
    it('answers 204; then GET, DELETE, deliveries and retry answer 404 and the list no longer has it', async () => {
      const created = await subscribe(http, { callbackUrl: URL_OK });

      const res = await http().delete(`${SUBSCRIPTIONS}/${created.id}`);
      expect(res.status).toBe(204);
      expect(res.text).toBe('');

      expectProblem(
        await http().get(`${SUBSCRIPTIONS}/${created.id}`),
        404,
        'subscription-not-found',
      );
      expectProblem(
        await http().delete(`${SUBSCRIPTIONS}/${created.id}`),
        404,
        'subscription-not-found',
      );
      expectProblem(
        await http().get(`${SUBSCRIPTIONS}/${created.id}/deliveries`),
        404,
        'subscription-not-found',
      );
      expectProblem(
        await http().post(`${SUBSCRIPTIONS}/${created.id}/deliveries/${unknownId()}/retry`),
        404,
        'subscription-not-found',
      );
      const list = await http().get(SUBSCRIPTIONS).query({ limit: 100 }).expect(200);
      expect(list.body.data.map((s: { id: string }) => s.id)).not.toContain(created.id);
      expect(
        (
          await ctx.db.query('select status, deleted_at from webhook_subscription where id = $1', [
            created.id,
          ])
        ).rows[0],
      ).toEqual({ status: 'DELETED', deleted_at: expect.any(Date) });
    });

    it.each([
      ['an unknown id', () => unknownId()],
      ['an id that is not a UUID', () => 'not-a-uuid'],
    ])('answers %s with 404 subscription-not-found', async (_label, id) => {
      expectProblem(await http().delete(`${SUBSCRIPTIONS}/${id()}`), 404, 'subscription-not-found');
    });
  });

  describe('another account', () => {
    let other: Http;
    let mine: CreatedSubscription;

    beforeAll(async () => {
      other = (await createAccount(ctx.t, ADMIN_KEY, 'Other Corp')).http;
      mine = await subscribe(http, { callbackUrl: URL_OK });
    });

    /** The same status, code, type and title as for an id nobody has. */
    function expectLikeMissing(res: request.Response, missing: request.Response): void {
      expectProblem(res, 404, 'subscription-not-found');
      const { status, code, type, title } = missing.body;
      expect(res.body).toMatchObject({ status, code, type, title });
    }

    it('gets 404 for GET of a foreign subscription, exactly like an unknown one', async () => {
      expectLikeMissing(
        await other().get(`${SUBSCRIPTIONS}/${mine.id}`),
        await other().get(`${SUBSCRIPTIONS}/${unknownId()}`),
      );
    });

    it('gets 404 for DELETE of a foreign subscription, which stays ACTIVE', async () => {
      expectLikeMissing(
        await other().delete(`${SUBSCRIPTIONS}/${mine.id}`),
        await other().delete(`${SUBSCRIPTIONS}/${unknownId()}`),
      );
      expect((await http().get(`${SUBSCRIPTIONS}/${mine.id}`).expect(200)).body.status).toBe(
        'ACTIVE',
      );
    });

    it("gets 404 for a foreign subscription's deliveries and for retrying one of them", async () => {
      expectLikeMissing(
        await other().get(`${SUBSCRIPTIONS}/${mine.id}/deliveries`),
        await other().get(`${SUBSCRIPTIONS}/${unknownId()}/deliveries`),
      );
      expectLikeMissing(
        await other().post(`${SUBSCRIPTIONS}/${mine.id}/deliveries/${unknownId()}/retry`),
        await other().post(`${SUBSCRIPTIONS}/${unknownId()}/deliveries/${unknownId()}/retry`),
      );
    });

    it('never lists a foreign subscription', async () => {
      const own = await subscribe(other, { callbackUrl: URL_OK });
      const list = await other().get(SUBSCRIPTIONS).query({ limit: 100 }).expect(200);
      expect(list.body.data.map((s: { id: string }) => s.id)).toEqual([own.id]);
      const mineList = await http().get(SUBSCRIPTIONS).query({ limit: 100 }).expect(200);
      expect(mineList.body.data.map((s: { id: string }) => s.id)).not.toContain(own.id);
    });
  });
});
