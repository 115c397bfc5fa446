import {
  expectProblem,
  expectValidationFailed,
  ISO_UTC_MS,
  unknownId,
} from '../../support/payments-fixtures';
import { ALL_EVENT_TYPES, subscribe } from '../../support/webhook-fixtures';
import { getSubscription, patched, patchSubscription } from '../../support/webhook-ops-fixtures';
import { useWebhooksApp } from '../../support/webhooks-app';

const URL_OK = 'http://127.0.0.1:9/hooks';

/** PATCH .../subscriptions/{id}: the creation rules, each refused field named, nothing changed. */
describe('PATCH /api/v1/payments/subscriptions/{id}', () => {
  const { ctx, http, newAccount } = useWebhooksApp();

  const rowOf = async (id: string) =>
    (await ctx.db.query('select * from webhook_subscription where id = $1', [id])).rows[0];

  it('answers 200 with the changed subscription, without its secret, and stores it', async () => {
    const created = await subscribe(http, { callbackUrl: URL_OK });
    ctx.t.clock.advance(60_000);
    const body = await patched(http, created.id, {
      callbackUrl: 'http://127.0.0.1:10/v2',
      eventTypes: ['payment.paid', 'payment.failed'],
      description: 'Order service',
      rateLimitPerSecond: 25,
      status: 'PAUSED',
    });
    expect(body).toEqual({
      id: created.id,
      callbackUrl: 'http://127.0.0.1:10/v2',
      eventTypes: ['payment.paid', 'payment.failed'],
      status: 'PAUSED',
      disabledReason: null,
      description: 'Order service',
      rateLimitPerSecond: 25,
      createdAt: created.createdAt,
      updatedAt: expect.stringMatching(ISO_UTC_MS),
    });
    expect(Date.parse(body.updatedAt) - Date.parse(created.createdAt)).toBeGreaterThanOrEqual(
      60_000,
    );
    expect(await getSubscription(http, created.id)).toEqual(body);
    expect(await rowOf(created.id)).toMatchObject({ secret: created.secret, status: 'PAUSED' });
  });

  it('changes only the fields given; null clears description and rateLimitPerSecond', async () => {
    const created = await subscribe(http, { callbackUrl: URL_OK });
    await patched(http, created.id, { description: 'x', rateLimitPerSecond: 3 });
    const body = await patched(http, created.id, { description: null, rateLimitPerSecond: null });
    expect(body).toMatchObject({
      callbackUrl: URL_OK,
      eventTypes: ALL_EVENT_TYPES,
      status: 'ACTIVE',
      description: null,
      rateLimitPerSecond: null,
    });
    expect(await patched(http, created.id, {})).toMatchObject({ callbackUrl: URL_OK });
  });

  it('lists and reads PAUSED subscriptions like ACTIVE ones', async () => {
    const created = await subscribe(http, { callbackUrl: URL_OK });
    await patched(http, created.id, { status: 'PAUSED' });
    const list = await http().get('/api/v1/payments/subscriptions').query({ limit: 100 });
    expect(list.status).toBe(200);
    expect(list.body.data.map((s: { id: string }) => s.id)).toContain(created.id);
    expect((await patched(http, created.id, { status: 'ACTIVE' })).status).toBe('ACTIVE');
  });

  it.each([
    ['eventTypes empty', { eventTypes: [] }, ['eventTypes']],
    ['an unknown event type', { eventTypes: ['payment.exploded'] }, ['eventTypes']],
    ['eventTypes null', { eventTypes: null }, ['eventTypes']],
    ['rateLimitPerSecond 0', { rateLimitPerSecond: 0 }, ['rateLimitPerSecond']],
    ['rateLimitPerSecond 1001', { rateLimitPerSecond: 1001 }, ['rateLimitPerSecond']],
    ['rateLimitPerSecond 1.5', { rateLimitPerSecond: 1.5 }, ['rateLimitPerSecond']],
    ['a description of 257 characters', { description: 'd'.repeat(257) }, ['description']],
    ['status DISABLED (only the service disables)', { status: 'DISABLED' }, ['status']],
    ['status DELETED', { status: 'DELETED' }, ['status']],
    ['callbackUrl null', { callbackUrl: null }, ['callbackUrl']],
    [
      'callbackUrl of 2049 characters',
      { callbackUrl: 'http://127.0.0.1/' + 'a'.repeat(2032) },
      ['callbackUrl'],
    ],
    ['an unknown field', { secret: 'whsec_x' }, ['secret']],
    [
      'two bad fields at once',
      { eventTypes: [], rateLimitPerSecond: -1 },
      ['eventTypes', 'rateLimitPerSecond'],
    ],
  ])(
    'refuses %s: 400 validation-failed naming the field, nothing changed',
    async (_l, body, fields) => {
      const created = await subscribe(http, { callbackUrl: URL_OK });
      const before = await rowOf(created.id);
      const res = await patchSubscription(http, created.id, body);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
        expect.arrayContaining(
          fields.map((f) => expect.stringMatching(new RegExp(`^${f.replace(/[[\]]/g, '\\$&')}`))),
        ),
      );
      expectProblem(res, 400, 'validation-failed');
      expect(await rowOf(created.id)).toEqual(before);
    },
  );

  it.each([
    ['not a URL', 'not a url'],
    ['an ftp: URL', 'ftp://127.0.0.1/hooks'],
    ['a URL with credentials', 'http://user:pass@127.0.0.1:9/hooks'],
  ])(
    'refuses a callbackUrl that is %s: 400 invalid-callback-url naming callbackUrl, nothing changed',
    async (_l, callbackUrl) => {
      const created = await subscribe(http, { callbackUrl: URL_OK });
      const before = await rowOf(created.id);
      const res = await patchSubscription(http, created.id, { callbackUrl, status: 'PAUSED' });
      expectProblem(res, 400, 'invalid-callback-url');
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'callbackUrl' })]);
      expect(await rowOf(created.id)).toEqual(before);
    },
  );

  it('refuses malformed JSON (400) and a body that is not JSON (415)', async () => {
    const created = await subscribe(http, { callbackUrl: URL_OK });
    const path = `/api/v1/payments/subscriptions/${created.id}`;
    expectProblem(
      await http().patch(path).set('Content-Type', 'application/json').send('{"status":'),
      400,
      'malformed-json',
    );
    expect((await http().patch(path).set('Content-Type', 'text/plain').send('x')).status).toBe(415);
  });

  it("answers 404 for an unknown id, a malformed id, a deleted subscription and another account's", async () => {
    const other = await newAccount('Other');
    const theirs = await subscribe(other.http, { callbackUrl: URL_OK });
    const deleted = await subscribe(http, { callbackUrl: URL_OK });
    await http().delete(`/api/v1/payments/subscriptions/${deleted.id}`).expect(204);
    for (const id of [unknownId(), 'not-a-uuid', deleted.id, theirs.id]) {
      expectProblem(
        await patchSubscription(http, id, { status: 'PAUSED' }),
        404,
        'subscription-not-found',
      );
    }
    expect((await rowOf(theirs.id)).status).toBe('ACTIVE');
  });

  it('validation comes first: a bad body on an unknown id is a 400', async () => {
    expectValidationFailed(await patchSubscription(http, unknownId(), { eventTypes: [] }), [
      'eventTypes',
    ]);
  });
});
