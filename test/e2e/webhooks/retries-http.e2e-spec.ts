import { runRetryScenario } from '../../support/webhook-retry-scenario';
import { useWebhooksApp } from '../../support/webhooks-app';

const BASE_MS = 200;

/**
 * Only an HTTP 200 is a delivery: another status, a redirect included, is retried with growing
 * gaps and the same webhook-id until the receiver answers 200; then nothing more is sent.
 */
describe('webhook retries on HTTP answers other than 200', () => {
  const { ctx } = useWebhooksApp({ WEBHOOK_RETRY_BASE_MS: String(BASE_MS) });
  const scenario = { baseMs: BASE_MS, failures: 2 };

  it.each([
    [500, 3, { status: 500, body: 'boom' }],
    [503, 2, { status: 503 }],
    [204, 2, { status: 204 }],
    [404, 2, { status: 404 }],
  ])(
    'retries a %s (%i times) with growing gaps and the same webhook-id, then delivers on the 200',
    async (status, failures, failWith) => {
      await runRetryScenario({
        ...scenario,
        failures,
        t: ctx.t,
        failWith,
        expectFailedAttempt: (attempt) =>
          expect(attempt).toMatchObject({
            statusCode: status,
            error: null,
            durationMs: expect.any(Number),
          }),
      });
    },
  );

  it('treats a 302 as a failure (twice) and never follows it, then delivers on the 200', async () => {
    const { receiver } = await runRetryScenario({
      ...scenario,
      t: ctx.t,
      failWith: { status: 302, headers: { location: '/elsewhere' } },
      expectFailedAttempt: (attempt) =>
        expect(attempt).toMatchObject({ statusCode: 302, error: null }),
    });
    expect(receiver.hooks.filter((hook) => hook.path !== '/hooks')).toEqual([]);
  });
});
