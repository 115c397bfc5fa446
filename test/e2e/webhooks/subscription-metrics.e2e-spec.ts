import { createPayment } from '../../support/payments-fixtures';
import { metricSample, subscribe } from '../../support/webhook-fixtures';
import { patched } from '../../support/webhook-ops-fixtures';
import { useWebhooksApp } from '../../support/webhooks-app';
import { workersSettled } from '../../support/workers-settled';

/** /metrics counts disabled subscriptions and the deliveries parked behind paused ones. */
describe('subscription metrics', () => {
  const { ctx, http, addReceiver } = useWebhooksApp();
  const receiver = addReceiver();
  const sample = async (name: string) =>
    metricSample((await http().get('/metrics').expect(200)).text, name);

  it('the gauges move with pause, disable and resume', async () => {
    const sub = await subscribe(http, { callbackUrl: await receiver.start() });
    expect(await sample('webhook_subscriptions_disabled')).toBe(0);
    expect(await sample('webhook_deliveries_paused')).toBe(0);
    await patched(http, sub.id, { status: 'PAUSED' });
    await createPayment(http);
    await createPayment(http);
    await workersSettled(ctx.t);
    expect(await sample('webhook_deliveries_paused')).toBe(2);
    // Only the service disables (auto-disable, tested in auto-disable.e2e-spec): its write, here.
    await ctx.db.query(`update webhook_subscription set status = 'DISABLED' where id = $1`, [
      sub.id,
    ]);
    expect(await sample('webhook_subscriptions_disabled')).toBe(1);
    expect(await sample('webhook_deliveries_paused')).toBe(2);
    await patched(http, sub.id, { status: 'ACTIVE' });
    await workersSettled(ctx.t);
    expect(await sample('webhook_subscriptions_disabled')).toBe(0);
    expect(await sample('webhook_deliveries_paused')).toBe(0);
  });
});
