import { OutboxRelay } from '../../src/outbox/outbox.relay';
import { WebhookDispatcher } from '../../src/webhooks/application/webhook-dispatcher';
import type { TestApp } from './test-app';

const DEADLINE_MS = 15_000;

/**
 * The counted sentinel of "nothing more happens": resolves once the outbox relay, then the
 * webhook dispatcher, have each run `passes` full passes that started after this call (and every
 * pass running around them has ended). Everything that was due when it was called (events to
 * fan out, deliveries to send at the FakeClock's time) has then been sent, so a test can assert
 * that nothing else arrived. Fails after DEADLINE_MS if the workers do not run.
 */
export async function workersSettled(t: TestApp, passes = 2): Promise<void> {
  await withDeadline(t.app.get(OutboxRelay).settled(passes), 'the outbox relay');
  await withDeadline(t.app.get(WebhookDispatcher).settled(passes), 'the webhook dispatcher');
}

async function withDeadline(work: Promise<void>, what: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} ran no full pass within ${DEADLINE_MS} ms`)),
      DEADLINE_MS,
    );
  });
  try {
    await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
