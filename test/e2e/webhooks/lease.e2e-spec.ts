import { createPayment, waitFor } from '../../support/payments-fixtures';
import { createTestApp, type TestApp } from '../../support/test-app';
import { Receiver, subscribe, verifyAll } from '../../support/webhook-fixtures';
import { workersSettled } from '../../support/workers-settled';

/**
 * Two instances on one database share deliveries through leases: one never sends a delivery while
 * another's send of it is still in flight. A lease shorter than a send may take (a configuration
 * the service accepts today) breaks that: the service should refuse it at boot or keep the lease.
 */
describe('dispatcher lease vs. send time (two instances on one database)', () => {
  const apps: TestApp[] = [];
  const receiver = new Receiver();
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await receiver.stop();
  });

  it('never sends a delivery again while its first send is still waiting for the answer', async () => {
    // WEBHOOK_TIMEOUT_MS lets a send last 3 s; the lease ends after 1 s.
    const env = {
      WEBHOOK_LEASE_MS: '1000',
      WEBHOOK_TIMEOUT_MS: '3000',
      WEBHOOK_POLL_INTERVAL_MS: '20',
      OUTBOX_POLL_INTERVAL_MS: '20',
    };
    try {
      apps.push(await createTestApp({ env }));
      apps.push(await createTestApp({ env, databaseUrl: apps[0].databaseUrl }));
    } catch (error) {
      // Refusing a lease that cannot cover a send is an acceptable answer too.
      expect(String(error)).toMatch(/WEBHOOK_LEASE_MS/);
      return;
    }
    const [a] = apps;
    // A slow but successful receiver: 200 after 1.6 s, within the timeout.
    receiver.answer = () => ({ status: 200, delayMs: 1600 });
    const sub = await subscribe(a.http, {
      callbackUrl: await receiver.start(),
      eventTypes: ['payment.created'],
    });
    await createPayment(a.http);
    const first = await waitFor(async () => receiver.hooks[0], { what: 'the first send' });

    // Until the first send has been answered; then every pass of both instances that could have
    // sent it again during that time has ended (counted passes, not a sleep).
    await waitFor(async () => Date.now(), {
      until: (now) => now >= first.receivedAt + 1600,
      what: 'the first send answered',
    });
    await Promise.all(apps.map((app) => workersSettled(app)));
    const whileInFlight = receiver.hooks.filter((h) => h.receivedAt < first.receivedAt + 1600);
    verifyAll(sub.secret, receiver);
    expect({
      sends: whileInFlight.length,
      webhookIds: whileInFlight.map((h) => h.headers['webhook-id']),
    }).toEqual({
      sends: 1,
      webhookIds: [first.headers['webhook-id']],
    });
  });
});
