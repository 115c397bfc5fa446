import { expectProblem, unknownId } from '../../support/payments-fixtures';
import { deliveriesOf, subscribe, SUBSCRIPTIONS } from '../../support/webhook-fixtures';
import { patched, rotated, verifies } from '../../support/webhook-ops-fixtures';
import { useWebhooksApp } from '../../support/webhooks-app';

const TIMEOUT_MS = 600;

/** POST .../test: one signed webhook.test attempt, reported synchronously, never stored or retried. */
describe('POST /api/v1/payments/subscriptions/{id}/test', () => {
  const { ctx, http, addReceiver, newAccount } = useWebhooksApp({
    WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS),
  });
  const receiver = addReceiver();
  let url: string;
  beforeAll(async () => {
    url = await receiver.start();
  });

  const testSend = (id: string) => http().post(`${SUBSCRIPTIONS}/${id}/test`).send({});

  it('sends one signed webhook.test event and reports the 200', async () => {
    receiver.answer = () => ({ status: 200 });
    const sub = await subscribe(http, { callbackUrl: `${url}/ok` });
    const res = await testSend(sub.id);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      delivered: true,
      statusCode: 200,
      durationMs: expect.any(Number),
      error: null,
    });
    const [hook] = receiver.hooks.filter((h) => h.path === '/hooks/ok');
    expect(verifies(sub.secret, hook)).toBe(true);
    const envelope = JSON.parse(hook.body);
    expect(envelope).toEqual({
      id: hook.headers['webhook-id'],
      type: 'webhook.test',
      createdAt: expect.any(String),
      accountId: expect.any(String),
      data: { subscriptionId: sub.id },
    });
    // Not a delivery: nothing to list, nothing to retry.
    expect(await deliveriesOf(http, sub.id)).toEqual([]);
  });

  it.each([
    [500, { delivered: false, statusCode: 500, error: null }],
    [410, { delivered: false, statusCode: 410, error: null }],
    [302, { delivered: false, statusCode: 302, error: null }],
  ])('reports a %s as not delivered, and does not retry it', async (status, expected) => {
    const headers: Record<string, string> = status === 302 ? { location: '/x' } : {};
    receiver.answer = () => ({ status, headers });
    const sub = await subscribe(http, { callbackUrl: `${url}/s${status}` });
    const res = await testSend(sub.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject(expected);
    // The sentinel: a second test send arrives; the first was not sent again in between.
    await testSend(sub.id);
    expect(receiver.hooks.filter((h) => h.path === `/hooks/s${status}`)).toHaveLength(2);
    expect(
      (
        await ctx.db.query(
          'select count(*)::int as n from webhook_delivery where subscription_id = $1',
          [sub.id],
        )
      ).rows[0].n,
    ).toBe(0);
  });

  it('reports a receiver that does not answer in time as a timeout, within WEBHOOK_TIMEOUT_MS', async () => {
    receiver.answer = () => 'hold';
    const sub = await subscribe(http, { callbackUrl: `${url}/hold` });
    const started = Date.now();
    const res = await testSend(sub.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      delivered: false,
      statusCode: null,
      error: expect.stringMatching(/timeout/),
    });
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 1000);
    receiver.releaseHeld();
  });

  it('reports a refused connection', async () => {
    const closed = addReceiver();
    const closedUrl = await closed.start();
    await closed.stop();
    const sub = await subscribe(http, { callbackUrl: closedUrl });
    const res = await testSend(sub.id);
    expect(res.body).toMatchObject({
      delivered: false,
      statusCode: null,
      error: expect.stringMatching(/ECONNREFUSED/),
    });
  });

  it('works while PAUSED, and signs with both secrets during a rotation overlap', async () => {
    receiver.answer = () => ({ status: 200 });
    const sub = await subscribe(http, { callbackUrl: `${url}/paused` });
    await patched(http, sub.id, { status: 'PAUSED' });
    const { secret } = await rotated(http, sub.id, { overlapSeconds: 60 });
    expect((await testSend(sub.id)).body.delivered).toBe(true);
    const [hook] = receiver.hooks.filter((h) => h.path === '/hooks/paused');
    expect([verifies(secret, hook), verifies(sub.secret, hook)]).toEqual([true, true]);
  });

  it("answers 404 for an unknown id, a malformed id and another account's subscription", async () => {
    const other = await newAccount('Other');
    const theirs = await subscribe(other.http, { callbackUrl: `${url}/theirs` });
    for (const id of [unknownId(), 'nope', theirs.id])
      expectProblem(await testSend(id), 404, 'subscription-not-found');
    expect(receiver.hooks.filter((h) => h.path === '/hooks/theirs')).toHaveLength(0);
  });
});
