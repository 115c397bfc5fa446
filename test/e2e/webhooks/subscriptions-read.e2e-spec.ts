import request from 'supertest';
import { expectProblem, unknownId } from '../../support/payments-fixtures';
import { secretOf, URL_OK, useSubscriptionsApp } from '../../support/subscriptions-harness';
import { type CreatedSubscription, subscribe, SUBSCRIPTIONS } from '../../support/webhook-fixtures';

/** GET /api/v1/payments/subscriptions[/{id}]: the secret never shown again, pages, 404s. */
describe('webhook subscriptions: reading them', () => {
  const { http, newAccount } = useSubscriptionsApp();

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
      const account = await newAccount('Lister');
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
});
