import { waitFor } from '../../support/payments-fixtures';
import { createTestApp, type TestApp } from '../../support/test-app';
import { createPayments, HangingReceiver } from '../../support/fairness-fixtures';
import { subscribe } from '../../support/webhook-fixtures';
import { workersSettled } from '../../support/workers-settled';

const CAP = 3;

/**
 * WEBHOOK_MAX_IN_FLIGHT_PER_SUBSCRIPTION counts the attempts in flight on every instance: two
 * instances with a free concurrency of 10 each still open at most CAP requests to one hanging
 * receiver, however many of its deliveries are due.
 */
describe('in-flight cap across two instances on one database', () => {
  const apps: TestApp[] = [];
  const hanging = new HangingReceiver();
  afterAll(async () => {
    await hanging.stop();
    await Promise.all(apps.map((app) => app.close()));
  });

  it('never has more than the cap open at the receiver, both instances together', async () => {
    const env = {
      WEBHOOK_CONCURRENCY: '10',
      WEBHOOK_MAX_IN_FLIGHT_PER_SUBSCRIPTION: String(CAP),
      WEBHOOK_TIMEOUT_MS: '20000',
      WEBHOOK_LEASE_MS: '30000',
      WEBHOOK_POLL_INTERVAL_MS: '20',
      OUTBOX_POLL_INTERVAL_MS: '20',
    };
    apps.push(await createTestApp({ env }));
    apps.push(await createTestApp({ env, databaseUrl: apps[0].databaseUrl }));
    await subscribe(apps[0].http, {
      callbackUrl: await hanging.start(),
      eventTypes: ['payment.created'],
    });
    await createPayments(apps[1].http, 12);
    await waitFor(async () => hanging.received, {
      until: (n) => n >= CAP,
      what: 'the first requests at the hanging receiver',
    });
    // Every pass of both instances that could lease another of the 12 due deliveries has run.
    await Promise.all(apps.map((app) => workersSettled(app, 3)));
    expect({
      received: hanging.received,
      mostOpenAtOnce: hanging.maxOpen,
      closedBySender: hanging.closed,
    }).toEqual({ received: CAP, mostOpenAtOnce: CAP, closedBySender: 0 });
  }, 90_000);
});
