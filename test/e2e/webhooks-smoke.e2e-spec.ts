import { Webhook } from 'standardwebhooks';
import { createTestApp, type TestApp } from '../support/test-app';
import { waitFor, WebhookReceiver } from '../support/webhook-receiver';

describe('webhooks smoke', () => {
  let t: TestApp;
  const receiver = new WebhookReceiver();
  beforeAll(async () => { t = await createTestApp({ WEBHOOK_POLL_INTERVAL_MS: '50', WEBHOOK_RETRY_BASE_MS: '100' }); });
  afterAll(async () => { await t.close(); await receiver.stop(); });

  it('delivers a signed payment.created', async () => {
    const url = await receiver.start();
    const sub = await t.http().post('/api/v1/payments/subscribe').send({ callbackUrl: url });
    console.log(sub.status, JSON.stringify(sub.body));
    const list = await t.http().get('/api/v1/payments/subscriptions');
    console.log(list.status, JSON.stringify(list.body).slice(0, 200));
    let calls = 0;
    receiver.respond = (_h, res) => res.writeHead(++calls === 1 ? 500 : 200).end();
    const quote = (await t.http().post('/api/v1/payments/quote').send({ currency: 'INR', country: 'IN' })).body;
    await t.http().post('/api/v1/payments').send({ payments: [{ quoteId: quote.id, externalRef: 'w1', amount: '10', beneficiary: { name: 'A', accountNumber: '1' } }] }).expect(201);
    await waitFor(() => receiver.received.length >= 2, 'two attempts');
    const hook = receiver.received[1];
    const payload = new Webhook(sub.body.secret).verify(hook.body, hook.headers as Record<string, string>);
    console.log(JSON.stringify(payload).slice(0, 200), hook.headers['webhook-id'] === receiver.received[0].headers['webhook-id']);
    await new Promise((r) => setTimeout(r, 300));
    const deliveries = await t.http().get(`/api/v1/payments/subscriptions/${sub.body.id}/deliveries`);
    console.log(deliveries.status, JSON.stringify(deliveries.body));
    const metrics = await t.http().get('/metrics');
    console.log(metrics.text.split('\n').filter((l) => /^(webhook|outbox|http_request_duration_seconds_count)/.test(l)).join('\n'));
  });
});
