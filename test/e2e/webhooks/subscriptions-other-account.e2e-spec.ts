import request from 'supertest';
import { expectProblem, type Http, unknownId } from '../../support/payments-fixtures';
import { URL_OK, useSubscriptionsApp } from '../../support/subscriptions-harness';
import { type CreatedSubscription, subscribe, SUBSCRIPTIONS } from '../../support/webhook-fixtures';

/** Another account gets 404 for a subscription, exactly like an unknown one, and never lists it. */
describe('webhook subscriptions: the account boundary', () => {
  const { http, newAccount } = useSubscriptionsApp();

  describe('another account', () => {
    let other: Http;
    let mine: CreatedSubscription;

    beforeAll(async () => {
      other = (await newAccount('Other Corp')).http;
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
