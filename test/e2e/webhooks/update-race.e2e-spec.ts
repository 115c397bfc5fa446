import { createPayment, waitFor } from '../../support/payments-fixtures';
import { deliveriesOf, subscribe, verifyAll } from '../../support/webhook-fixtures';
import { patched, report, rotated, seeded, verifies } from '../../support/webhook-ops-fixtures';
import { useWebhooksApp } from '../../support/webhooks-app';

const ROUNDS = 6;

/**
 * PATCHes of the URL racing dispatcher passes, while payments keep coming: once a PATCH has been
 * answered, nothing more reaches the URL it left (attempts claimed before its commit have ended by
 * then), no delivery is lost and none is sent twice.
 */
describe('PATCH callbackUrl racing the dispatcher', () => {
  const { http, addReceiver } = useWebhooksApp({
    WEBHOOK_POLL_INTERVAL_MS: '10',
    OUTBOX_POLL_INTERVAL_MS: '10',
  });
  // A receiver per round: round r moves the subscription from receivers[r - 1] to receivers[r].
  const receivers = Array.from({ length: ROUNDS + 1 }, () => addReceiver());

  it('never sends to the old URL after the answer, and delivers every event exactly once', async () => {
    const seed = Number(process.env.RACE_SEED ?? Date.now() % 2 ** 31);
    report('update-race', { seed, replay: `RACE_SEED=${seed}` });
    const random = seeded(seed);
    const urls = await Promise.all(receivers.map((r) => r.start()));
    // Answers that take a while, so that PATCHes land while attempts are in flight.
    receivers.forEach(
      (r) => (r.answer = () => ({ status: 200, delayMs: Math.floor(random() * 40) })),
    );
    const sub = await subscribe(http, { callbackUrl: urls[0], eventTypes: ['payment.created'] });

    const payments: string[] = [];
    let creating = true;
    const producer = (async () => {
      while (creating) payments.push((await createPayment(http)).id);
    })();
    const leftAt: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.floor(random() * 150)));
      await patched(http, sub.id, { callbackUrl: urls[round] });
      leftAt[round - 1] = Date.now();
    }
    creating = false;
    await producer;
    await waitFor(
      async () => (await deliveriesOf(http, sub.id, 'DELIVERED')).length === payments.length,
      { what: `${payments.length} deliveries`, timeoutMs: 30_000 },
    );

    const stale = leftAt.flatMap((at, i) =>
      receivers[i].hooks
        .filter((h) => h.receivedAt > at)
        .map((h) => ({ receiver: i, at, got: h.receivedAt })),
    );
    const received = receivers.flatMap((r) => verifyAll(sub.secret, r).map((e) => e.data.id));
    report('update-race', {
      payments: payments.length,
      perReceiver: receivers.map((r) => r.hooks.length),
    });
    expect(stale).toEqual([]);
    expect(received.sort()).toEqual([...payments].sort());
    // The race was real: the URL changed while deliveries were flowing.
    expect(receivers.filter((r) => r.hooks.length > 0).length).toBeGreaterThan(2);
  });

  it('never signs with a secret that a rotation without overlap has ended, once it answered', async () => {
    const seed = Number(process.env.RACE_SEED ?? Date.now() % 2 ** 31);
    report('rotate-race', { seed, replay: `RACE_SEED=${seed}` });
    const random = seeded(seed);
    const receiver = receivers[0];
    receiver.hooks.splice(0);
    const sub = await subscribe(http, {
      callbackUrl: `${receiver.url}/rotating`,
      eventTypes: ['payment.created'],
    });
    const secrets = [sub.secret];
    const answeredAt: number[] = [0];
    let creating = true;
    const payments: string[] = [];
    const producer = (async () => {
      while (creating) payments.push((await createPayment(http)).id);
    })();
    for (let round = 1; round <= ROUNDS; round++) {
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.floor(random() * 150)));
      secrets.push((await rotated(http, sub.id, { overlapSeconds: 0 })).secret);
      answeredAt.push(Date.now());
    }
    creating = false;
    await producer;
    await waitFor(
      async () => (await deliveriesOf(http, sub.id, 'DELIVERED')).length === payments.length,
      { what: `${payments.length} deliveries`, timeoutMs: 30_000 },
    );
    const hooks = receiver.hooks.filter((h) => h.path === '/hooks/rotating');
    // A hook that arrived after the answer of rotation i verifies with secret i or a later one.
    const stale = hooks.flatMap((hook) => {
      const current = answeredAt.filter((at) => at < hook.receivedAt).length - 1;
      const ok = secrets.slice(current).some((secret) => verifies(secret, hook));
      return ok ? [] : [{ receivedAt: hook.receivedAt, current }];
    });
    report('rotate-race', { payments: payments.length, hooks: hooks.length });
    expect(stale).toEqual([]);
    expect(hooks.length).toBe(payments.length);
  });
});
