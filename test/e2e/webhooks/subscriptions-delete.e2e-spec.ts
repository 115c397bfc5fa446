import { expectProblem, unknownId } from '../../support/payments-fixtures';
import { URL_OK, useSubscriptionsApp } from '../../support/subscriptions-harness';
import { subscribe, SUBSCRIPTIONS } from '../../support/webhook-fixtures';

/** DELETE /api/v1/payments/subscriptions/{id}: 204, then 404 everywhere and gone from the list. */
describe('webhook subscriptions: deleting one', () => {
  const { ctx, http } = useSubscriptionsApp();

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
});
