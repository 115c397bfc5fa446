/**
 * The set-up the webhook e2e files share: the app with relay and dispatcher polling every 20 ms
 * (a hook arrives within a few passes), the admin key to open second accounts, the demo account's
 * `http`, and real receivers that are stopped when the file ends.
 */
import { createAccount, usePaymentsApp } from './payments-fixtures';
import type { Http } from './payments-types';
import { ADMIN_KEY } from './test-app';
import { Receiver } from './webhook-receiver';

const FAST_POLL_MS = 20;

/** `env` adds to (or overrides) the fast loops and the admin key. */
export function useWebhooksApp(env: Record<string, string> = {}) {
  const ctx = usePaymentsApp({
    ADMIN_API_KEY: ADMIN_KEY,
    OUTBOX_POLL_INTERVAL_MS: String(FAST_POLL_MS),
    WEBHOOK_POLL_INTERVAL_MS: String(FAST_POLL_MS),
    ...env,
  });
  const http: Http = () => ctx.t.http();
  const receivers: Receiver[] = [];
  afterAll(() => Promise.all(receivers.map((r) => r.stop())));

  /** A receiver stopped after the file; the test starts it (on a port it may choose later). */
  const addReceiver = (answer?: Receiver['answer']): Receiver => {
    const r = new Receiver();
    if (answer) r.answer = answer;
    receivers.push(r);
    return r;
  };
  const newAccount = (name: string) => createAccount(ctx.t, ADMIN_KEY, name);

  return { ctx, http, addReceiver, receivers: receivers as readonly Receiver[], newAccount };
}
