import { waitFor } from '../../support/payments-fixtures';
import { createTestApp, type TestApp } from '../../support/test-app';
import { commitToReceipt, createPayments, HangingReceiver } from '../../support/fairness-fixtures';
import { report } from '../../support/webhook-ops-fixtures';
import { Receiver, subscribe, verifyAll } from '../../support/webhook-fixtures';

const CAP = 5;
// Far above a fast delivery's latency on a loaded machine, so 'before the timeout' means 'not held'.
const TIMEOUT_MS = 25_000;
const BASELINE = 20;
const BESIDE_HANGING = 40;

/**
 * WEBHOOK_MAX_IN_FLIGHT_PER_SUBSCRIPTION: a receiver that hangs until the send timeout holds at
 * most CAP of the dispatcher's WEBHOOK_CONCURRENCY (20 here), so another subscription's
 * deliveries keep going out while it hangs. More deliveries are queued for the hanging one than
 * the whole concurrency: without the cap it would take every slot until the timeout.
 */
describe('fairness: one hanging receiver cannot hold up another subscription', () => {
  let t: TestApp;
  const fast = new Receiver();
  const hanging = new HangingReceiver();
  beforeAll(async () => {
    t = await createTestApp({
      env: {
        WEBHOOK_CONCURRENCY: '20',
        WEBHOOK_MAX_IN_FLIGHT_PER_SUBSCRIPTION: String(CAP),
        WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS),
        WEBHOOK_LEASE_MS: '40000',
        WEBHOOK_POLL_INTERVAL_MS: '20',
        OUTBOX_POLL_INTERVAL_MS: '20',
      },
    });
  });
  afterAll(async () => {
    await fast.stop();
    await hanging.stop();
    await t.close();
  });

  it('delivers every fast delivery while the hanging receiver still holds its first requests', async () => {
    const fastSub = await subscribe(t.http, {
      callbackUrl: await fast.start(),
      eventTypes: ['payment.created'],
    });
    // The fast receiver alone: its normal latency.
    await createPayments(t.http, BASELINE);
    await waitFor(async () => fast.hooks.length, {
      until: (n) => n >= BASELINE,
      what: 'the baseline deliveries',
    });
    const alone = commitToReceipt(fast.hooks);

    await subscribe(t.http, {
      callbackUrl: await hanging.start(),
      eventTypes: ['payment.created'],
    });
    const startedAt = Date.now();
    await createPayments(t.http, BESIDE_HANGING);
    await waitFor(async () => fast.hooks.length, {
      until: (n) => n >= BASELINE + BESIDE_HANGING,
      timeoutMs: TIMEOUT_MS,
      what: 'the fast deliveries beside the hanging receiver',
    });
    // Read at once: the hanging receiver's first requests have not timed out yet.
    const atTheEnd = {
      fastDelivered: fast.hooks.length,
      hangingReceived: hanging.received,
      hangingMostOpenAtOnce: hanging.maxOpen,
      hangingClosedBySender: hanging.closed,
      withinTimeout: Date.now() - startedAt < TIMEOUT_MS,
    };
    const beside = commitToReceipt(fast.hooks.slice(BASELINE));
    report('fast receiver commit-to-receipt ms', { alone, besideHanging: beside, cap: CAP });
    verifyAll(fastSub.secret, fast);
    expect(new Set(fast.hooks.map((h) => h.headers['webhook-id'])).size).toBe(fast.hooks.length);
    expect(atTheEnd).toEqual({
      fastDelivered: BASELINE + BESIDE_HANGING,
      hangingReceived: CAP,
      hangingMostOpenAtOnce: CAP,
      hangingClosedBySender: 0,
      withinTimeout: true,
    });
  }, 90_000);
});
