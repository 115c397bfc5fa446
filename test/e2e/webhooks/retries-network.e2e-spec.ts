import { createPayment } from '../../support/payments-fixtures';
import { runRetryScenario } from '../../support/webhook-retry-scenario';
import {
  subscribe,
  verifyAll,
  waitForDelivery,
  waitsBetween,
} from '../../support/webhook-fixtures';
import { useWebhooksApp } from '../../support/webhooks-app';

const BASE_MS = 200;
const TIMEOUT_MS = 400;

/**
 * A timeout and a refused connection are failures like any non-200, retried with growing gaps;
 * a Retry-After on a 429 or 503 (only those) pushes the next attempt later.
 */
describe('webhook retries on network failures and Retry-After', () => {
  const { ctx, addReceiver, newAccount } = useWebhooksApp({
    WEBHOOK_RETRY_BASE_MS: String(BASE_MS),
    WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS),
  });
  const scenario = { baseMs: BASE_MS, failures: 2 };

  it(`retries a receiver that answers later than WEBHOOK_TIMEOUT_MS (${TIMEOUT_MS} ms), even with a 200, then delivers`, async () => {
    await runRetryScenario({
      ...scenario,
      t: ctx.t,
      // A 200 that comes after the timeout does not count: the sender has given up on it.
      failWith: { status: 200, body: 'too late', delayMs: TIMEOUT_MS + 600 },
      expectFailedAttempt: (attempt) => {
        expect(attempt).toMatchObject({
          statusCode: null,
          error: `timeout after ${TIMEOUT_MS} ms`,
        });
        expect(attempt.durationMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 20);
        // Above it, only how late a busy machine runs the timer (not a property of the sender).
        expect(attempt.durationMs).toBeLessThan(TIMEOUT_MS + 1_500);
      },
    });
  });

  it('retries a 200 whose body does not end within the timeout, then delivers', async () => {
    await runRetryScenario({
      ...scenario,
      t: ctx.t,
      failWith: { status: 200, body: '{"ok":', neverEnd: true },
      expectFailedAttempt: (attempt) =>
        expect(attempt).toMatchObject({ error: `timeout after ${TIMEOUT_MS} ms` }),
    });
  });

  /** One failed attempt answered `status` with `retryAfter`, then a 200; the dispatcher's one pause. */
  async function pauseAfter(status: number, retryAfter: string): Promise<number> {
    const account = await newAccount(`retry-after ${status}`);
    const receiver = addReceiver((_hook, n) =>
      n === 1 ? { status, headers: { 'retry-after': retryAfter } } : { status: 200 },
    );
    try {
      const sub = await subscribe(account.http, {
        callbackUrl: await receiver.start(),
        eventTypes: ['payment.created'],
      });
      await createPayment(account.http);
      const delivery = await waitForDelivery(
        account.http,
        sub.id,
        (d) => d.status === 'DELIVERED',
        'DELIVERED',
      );
      expect(delivery.attempts.map((a) => a.statusCode)).toEqual([status, 200]);
      expect(receiver.hooks).toHaveLength(2);
      verifyAll(sub.secret, receiver);
      expect(receiver.hooks[1].headers['webhook-id']).toBe(receiver.hooks[0].headers['webhook-id']);
      // The receiver's own clock agrees with the log.
      expect(receiver.hooks[1].receivedAt - receiver.hooks[0].receivedAt).toBeGreaterThanOrEqual(
        waitsBetween(delivery.attempts)[0] - 50,
      );
      return waitsBetween(delivery.attempts)[0];
    } finally {
      await receiver.stop();
    }
  }

  it.each([503, 429])(
    'honours Retry-After: 1 on a %s: the next attempt comes at least 1 s later (the backoff alone is ~200 ms)',
    async (status) => {
      const pause = await pauseAfter(status, '1');
      expect(pause).toBeGreaterThanOrEqual(1000 - 5);
      // Above it, only how late a busy machine runs the dispatcher.
      expect(pause).toBeLessThan(1000 + 1_500);
    },
  );

  it('ignores Retry-After on a 500: the backoff decides (~200 ms)', async () => {
    // A Retry-After far above the backoff: honouring it could not pass for a late dispatcher.
    const pause = await pauseAfter(500, '5');
    expect(pause).toBeGreaterThanOrEqual(BASE_MS * 0.8 - 5);
    expect(pause).toBeLessThan(5_000 - 5);
  });

  it('never retries earlier than the backoff because of Retry-After: 0 on a 503', async () => {
    const pause = await pauseAfter(503, '0');
    expect(pause).toBeGreaterThanOrEqual(BASE_MS * 0.8 - 5);
  });
});

/**
 * A refused connection, with a timeout far above how long a refusal takes: with the 400 ms of the
 * tests above, an event loop stalled that long on a busy machine let the timer win over the
 * refusal ("timeout after 400 ms" instead of ECONNREFUSED).
 */
describe('webhook retries on a refused connection', () => {
  const { ctx } = useWebhooksApp({
    WEBHOOK_RETRY_BASE_MS: String(BASE_MS),
    WEBHOOK_TIMEOUT_MS: '5000',
  });

  it('retries a refused connection (nothing listening on the port) with growing gaps, then delivers once it listens', async () => {
    await runRetryScenario({
      baseMs: BASE_MS,
      t: ctx.t,
      failures: 3,
      failWith: 'refused',
      expectFailedAttempt: (attempt) =>
        expect(attempt).toMatchObject({
          statusCode: null,
          error: expect.stringMatching(/ECONNREFUSED/),
        }),
    });
  });
});
