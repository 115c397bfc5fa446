/**
 * The set-up the webhook delivery e2e files share: the webhooks app (fast relay and dispatcher
 * loops, receivers stopped at the end), an account per test (no other test's payments reach its
 * receivers), and the waits on what was sent (counted worker passes, not sleeps).
 */
import { randomBytes } from 'node:crypto';
import { moveInSandbox } from './payments-fixtures';
import { type Http, PAYMENTS, type PaymentView } from './payments-types';
import { waitFor } from './wait-for';
import type { Receiver } from './webhook-receiver';
import { useWebhooksApp } from './webhooks-app';
import { workersSettled } from './workers-settled';

const BASE_MS = 1000;

export function useDeliveryHarness() {
  const { ctx, addReceiver, newAccount } = useWebhooksApp({
    WEBHOOK_RETRY_BASE_MS: String(BASE_MS),
  });

  /** A receiver already listening. */
  async function newReceiver(): Promise<Receiver> {
    const receiver = addReceiver();
    await receiver.start();
    return receiver;
  }
  const waitForHooks = (receiver: Receiver, n: number, what = `${n} deliveries`) =>
    waitFor(async () => receiver.hooks.length, { until: (count) => count >= n, what });
  /** Waits until the relay and the dispatcher have sent all that is due now (counted passes). */
  const quiet = () => workersSettled(ctx.t);
  const secretOf = () => `whsec_${randomBytes(32).toString('base64')}`;

  /** A sandbox move that must succeed; the payment as the move answered it. */
  const move = async (
    http: Http,
    id: string,
    status: string,
    failureReason?: string,
  ): Promise<PaymentView> => {
    const res = await moveInSandbox(http, id, status, failureReason);
    expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status: 200 });
    return res.body as PaymentView;
  };
  /** The payment as GET answers it now. */
  const read = async (http: Http, id: string): Promise<PaymentView> =>
    (await http().get(`${PAYMENTS}/${id}`).expect(200)).body;

  return { ctx, newAccount, newReceiver, waitForHooks, quiet, secretOf, move, read };
}
