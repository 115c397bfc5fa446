/**
 * One retry scenario of the Webhooks e2e suite: a receiver fails the first attempts of a delivery
 * in a given way (or nothing listens at all), then answers 200. Checks what API.md promises: each
 * failure is retried after a growing backoff with the same webhook-id and the same signed body,
 * the 200 makes it DELIVERED, and nothing is sent after it.
 */
import {
  connectDb,
  createAccount,
  createPayment,
  type OutboxRow,
  outboxRowsOf,
} from './payments-fixtures';
import { ADMIN_KEY, type TestApp } from './test-app';
import { portOutsideEphemeralRange } from './service-process';
import { workersSettled } from './workers-settled';
import {
  type Answer,
  type AttemptView,
  type CreatedSubscription,
  type DeliveryView,
  expectBackoff,
  onlyDelivery,
  Receiver,
  subscribe,
  verifyAll,
  waitForDelivery,
  waitsBetween,
} from './webhook-fixtures';

export interface RetryScenario {
  /** An app with ADMIN_KEY as its admin key (useWebhooksApp's). */
  t: TestApp;
  /** The app's WEBHOOK_RETRY_BASE_MS. */
  baseMs: number;
  /** How many attempts fail before the receiver answers 200. */
  failures: number;
  /** The answer of a failing attempt; 'refused' = nothing listens on the port until then. */
  failWith: Answer | 'refused';
  /** What each failed attempt must look like in the deliveries list. */
  expectFailedAttempt: (attempt: AttemptView) => void;
}

export interface RetryScenarioResult {
  receiver: Receiver;
  subscription: CreatedSubscription;
  delivery: DeliveryView;
  waits: number[];
}

export async function runRetryScenario(s: RetryScenario): Promise<RetryScenarioResult> {
  const account = await createAccount(s.t, ADMIN_KEY, `retries ${Date.now()}`);
  const receiver = new Receiver();
  const refused = s.failWith === 'refused';
  try {
    let callbackUrl: string;
    let port = 0;
    if (refused) {
      port = await portOutsideEphemeralRange();
      callbackUrl = `http://127.0.0.1:${port}/hooks`;
    } else {
      const failWith = s.failWith as Answer;
      receiver.answer = (_hook, n) => (n <= s.failures ? failWith : { status: 200, body: 'ok' });
      callbackUrl = await receiver.start();
    }
    const subscription = await subscribe(account.http, {
      callbackUrl,
      eventTypes: ['payment.created'],
    });
    const payment = await createPayment(account.http);

    if (refused) {
      // Open the port only once the failures are logged: the next attempt then succeeds.
      await waitForDelivery(
        account.http,
        subscription.id,
        (d) => d.attempts.length >= s.failures,
        `${s.failures} refused attempts`,
      );
      await receiver.start(port);
    }
    const delivery = await waitForDelivery(
      account.http,
      subscription.id,
      (d) => d.status !== 'PENDING',
      'DELIVERED',
      15_000,
    );

    // The log: the failures, each as expected, then the 200.
    expect(delivery.status).toBe('DELIVERED');
    expect(delivery.deliveredAt).not.toBeNull();
    expect(delivery.nextAttemptAt).toBeNull();
    const failed = delivery.attempts.slice(0, -1);
    if (refused) expect(failed.length).toBeGreaterThanOrEqual(s.failures);
    else expect(failed).toHaveLength(s.failures);
    failed.forEach((attempt) => s.expectFailedAttempt(attempt));
    expect(delivery.attempts[delivery.attempts.length - 1]).toMatchObject({
      statusCode: 200,
      error: null,
    });
    const waits = waitsBetween(delivery.attempts);
    expectBackoff(waits, s.baseMs);

    // The receiver: every request signed, with one webhook-id (the event's) and the same body.
    const [event] = await eventsOf(s.t, payment.id);
    const hooks = receiver.hooks.filter((hook) => hook.path === '/hooks');
    expect(hooks).toHaveLength(refused ? 1 : s.failures + 1);
    const envelopes = verifyAll(subscription.secret, receiver);
    expect(new Set(hooks.map((hook) => hook.headers['webhook-id']))).toEqual(new Set([event.id]));
    expect(new Set(hooks.map((hook) => hook.body)).size).toBe(1);
    expect(delivery.eventId).toBe(event.id);
    expect(envelopes[0]).toEqual({
      id: event.id,
      type: 'payment.created',
      createdAt: expect.any(String),
      accountId: account.id,
      data: payment,
    });

    // Nothing after the 200: the relay and the dispatcher have run full passes since (counted,
    // not slept), and sent nothing more.
    const count = receiver.hooks.length;
    await workersSettled(s.t);
    expect(receiver.hooks).toHaveLength(count);
    expect((await onlyDelivery(account.http, subscription.id)).attempts).toHaveLength(
      delivery.attempts.length,
    );
    return { receiver, subscription, delivery, waits };
  } finally {
    await receiver.stop();
  }
}

/** A payment's outbox events, oldest first, read on a connection of their own. */
export async function eventsOf(t: TestApp, paymentId: string): Promise<OutboxRow[]> {
  const db = await connectDb(t.databaseUrl);
  try {
    return await outboxRowsOf(db, paymentId);
  } finally {
    await db.end();
  }
}
