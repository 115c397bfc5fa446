import { EventEmitter2 } from '@nestjs/event-emitter';
import { OutboxRelay } from '../../../src/outbox/outbox.relay';
import type { DomainEvent } from '../../../src/shared/domain';
import { createPayment, type Http, usePaymentsApp } from '../../support/payments-fixtures';
import { metricSample } from '../../support/webhook-fixtures';

const BASE_MS = 1_000;
const CAP_MS = 4_000;

/**
 * A dead letter (ADR 0016): an event whose handler keeps failing is retried after 1 s, 2 s, 4 s,
 * then every 4 s (the cap), never dropped; past OUTBOX_FAILING_ALERT_ATTEMPTS failures it shows
 * in /metrics; once the handler recovers it is published. Time moves with the FakeClock.
 */
describe('outbox dead letters', () => {
  const ctx = usePaymentsApp({
    OUTBOX_POLL_INTERVAL_MS: '20',
    OUTBOX_RETRY_BASE_MS: String(BASE_MS),
    OUTBOX_RETRY_MAX_DELAY_MS: String(CAP_MS),
    OUTBOX_FAILING_ALERT_ATTEMPTS: '3',
  });
  const http: Http = () => ctx.t.http();
  const relay = () => ctx.t.app.get(OutboxRelay);
  const failingGauge = async () =>
    metricSample((await http().get('/metrics').expect(200)).text, 'outbox_events_failing');

  it('retries a failing handler at growing, capped intervals, alerts, and publishes once it recovers', async () => {
    let failing = true;
    // A failing pass calls the handler twice (the batch, then the event alone): the last call counts.
    // The handler fails for every payment.created, not only the one created below: the relay may
    // run the event before the response that names the payment reaches the test.
    const calls: number[] = [];
    const handled = new Set<string>();
    ctx.t.app.get(EventEmitter2).on('payment.created', async (event: DomainEvent) => {
      handled.add(event.aggregateId);
      calls.push(ctx.t.clock.now().getTime());
      if (failing) throw new Error('the handler is down');
    });
    const paymentId = (await createPayment(http)).id;
    const row = async () =>
      (
        await ctx.db.query<{ attempts: number; available_at: Date; published_at: Date | null }>(
          'select attempts, available_at, published_at from outbox_event where aggregate_id = $1',
          [paymentId],
        )
      ).rows[0];

    // Failures 1..5: the waits double, then stay at the cap.
    const waits: number[] = [];
    await relay().settled(1);
    for (let failure = 1; failure <= 5; failure++) {
      const r = await row();
      expect(r.attempts).toBe(failure);
      expect(r.published_at).toBeNull();
      const wait = r.available_at.getTime() - calls[calls.length - 1];
      waits.push(wait);
      expect(await failingGauge()).toBe(failure >= 3 ? 1 : 0);
      if (failure === 5) break;
      ctx.t.clock.advance(wait);
      await relay().settled(1);
      // Never early: the retry ran only once its time had come.
      expect(calls[calls.length - 1]).toBeGreaterThanOrEqual(r.available_at.getTime());
    }
    const nominal = [1_000, 2_000, 4_000, 4_000, 4_000];
    waits.forEach((wait, i) => {
      // The handler runs a little after the pass read the clock: the measured wait may be shorter.
      expect(wait).toBeLessThanOrEqual(nominal[i]);
      expect(wait).toBeGreaterThan(nominal[i] * 0.75);
    });

    failing = false;
    ctx.t.clock.advance(CAP_MS);
    await relay().settled(1);
    const done = await row();
    expect(done.published_at).not.toBeNull();
    expect(done.attempts).toBe(5);
    expect(await failingGauge()).toBe(0);
    expect([...handled]).toEqual([paymentId]);
  });
});
