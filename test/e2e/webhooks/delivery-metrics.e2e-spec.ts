import { createPayment } from '../../support/payments-fixtures';
import { useDeliveryHarness } from '../../support/webhook-delivery-harness';
import { metricSample, subscribe, waitForDelivery } from '../../support/webhook-fixtures';

/** GET /metrics after deliveries: outbox backlog, attempts, pending deliveries, request durations. */
describe('webhook delivery: metrics', () => {
  const { ctx, newAccount, newReceiver } = useDeliveryHarness();

  describe('GET /metrics', () => {
    it('exposes outbox_backlog, webhook_attempts_total, webhook_deliveries_pending and http_request_duration_seconds', async () => {
      const account = await newAccount('Metrics');
      const receiver = await newReceiver();
      receiver.answer = (_hook, n) => (n === 1 ? { status: 503 } : { status: 200 });
      const sub = await subscribe(account.http, {
        callbackUrl: receiver.url,
        eventTypes: ['payment.created'],
      });
      const before = (await ctx.t.http().get('/metrics').expect(200)).text;
      await createPayment(account.http);
      await waitForDelivery(
        account.http,
        sub.id,
        (d) => d.status === 'DELIVERED',
        'DELIVERED',
        15_000,
      );

      const res = await ctx.t.http().get('/metrics').expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      const text = res.text;
      const delta = (name: string, labels: Record<string, string>) =>
        (metricSample(text, name, labels) ?? 0) - (metricSample(before, name, labels) ?? 0);
      expect(delta('webhook_attempts_total', { result: 'http_503' })).toBeGreaterThanOrEqual(1);
      expect(delta('webhook_attempts_total', { result: 'success' })).toBeGreaterThanOrEqual(1);
      expect(text).toMatch(/^# TYPE webhook_attempts_total counter$/m);
      expect(metricSample(text, 'outbox_backlog')).toBe(
        Number(
          (await ctx.db.query('select count(*) as n from outbox_event where published_at is null'))
            .rows[0].n,
        ),
      );
      expect(text).toMatch(/^# TYPE outbox_backlog gauge$/m);
      expect(metricSample(text, 'webhook_deliveries_pending')).toBe(
        Number(
          (
            await ctx.db.query(
              "select count(*) as n from webhook_delivery where status = 'PENDING'",
            )
          ).rows[0].n,
        ),
      );
      expect(text).toMatch(/^# TYPE http_request_duration_seconds histogram$/m);
      expect(
        metricSample(text, 'http_request_duration_seconds_count', {
          method: 'POST',
          route: '/api/v1/payments/subscribe',
          status: '201',
        }),
      ).toBeGreaterThanOrEqual(1);
      expect(
        metricSample(text, 'http_request_duration_seconds_count', {
          method: 'GET',
          route: '/api/v1/payments/subscriptions/:id/deliveries',
          status: '200',
        }),
      ).toBeGreaterThanOrEqual(1);
      expect(delta('webhook_delivery_latency_seconds_count', {})).toBeGreaterThanOrEqual(1);
      expect(
        delta('webhook_deliveries_finished_total', { status: 'DELIVERED' }),
      ).toBeGreaterThanOrEqual(1);
    });
  });
});
