/**
 * The example bus listener of docs/extending.md (src/examples/payment-audit): payment events
 * relayed from the outbox show up, once each, in the `payment_events_total` counter of /metrics.
 */
import { EventEmitter2 } from '@nestjs/event-emitter';
import request from 'supertest';
import { Transactions } from '../../src/database/transactions';
import { PaymentAuditModule } from '../../src/examples/payment-audit';
import { createPayment, PAYMENTS, waitFor } from '../support/payments-fixtures';
import { createTestApp, type TestApp } from '../support/test-app';

/** The values of `payment_events_total` in a Prometheus text page, by type. */
function paymentEventCounts(metrics: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [, type, value] of metrics.matchAll(
    /^payment_events_total\{type="([^"]+)"\} (\S+)$/gm,
  )) {
    counts[type] = Number(value);
  }
  return counts;
}

describe('example listener: payment events counted in /metrics', () => {
  let t: TestApp;
  const http = () => t.http();
  const counts = async () =>
    paymentEventCounts((await request(t.app.getHttpServer()).get('/metrics').expect(200)).text);

  beforeAll(async () => {
    // The service plus the example module (a no-op once AppModule imports it too: Nest keeps one
    // instance of a module imported twice).
    t = await createTestApp({ imports: [PaymentAuditModule] });
  });
  afterAll(() => t?.close());

  it('exports every payment event type at 0 before any event', async () => {
    expect(await counts()).toEqual({
      'payment.created': 0,
      'payment.processing': 0,
      'payment.paid': 0,
      'payment.failed': 0,
      'payment.cancelled': 0,
    });
  });

  it('counts a created and a cancelled payment once each', async () => {
    const payment = await createPayment(http, {}, 'INR', 'IN');
    await http().post(`${PAYMENTS}/${payment.id}/cancel`).expect(200);

    const seen = await waitFor(counts, {
      until: (c) => c['payment.created'] === 1 && c['payment.cancelled'] === 1,
      what: 'payment_events_total created=1 cancelled=1',
    });
    expect(seen).toEqual({
      'payment.created': 1,
      'payment.processing': 0,
      'payment.paid': 0,
      'payment.failed': 0,
      'payment.cancelled': 1,
    });
  });

  it('counts an event once even when it is relayed again after a rollback', async () => {
    const before = await counts();
    const transactions = t.app.get(Transactions);
    const bus = t.app.get(EventEmitter2);
    const event = {
      id: '0193a1b2-c3e1-7d40-8e5f-6a7b8c9d0e1f',
      type: 'payment.paid',
      aggregateId: '0193a1b2-c3e0-7a10-9b2c-3d4e5f6a7b8c',
      accountId: '0193a1b2-b000-7e50-9f60-7a8b9c0d1e2f',
      occurredAt: new Date(),
      payload: {},
    };
    // As the relay does it: one transaction per batch, the listeners in a savepoint inside it; a
    // failing savepoint rolls back and its events are published again later.
    const relay = () =>
      transactions.run(async () => {
        try {
          await transactions.run(() => bus.emitAsync(event.type, event));
          return 'published';
        } catch {
          return 'retry later';
        }
      });

    // First relay: another listener fails after ours queued its count; the savepoint rolls back,
    // the batch commits, and the event stays unpublished.
    const failing = () => Promise.reject(new Error('another listener failed'));
    bus.on(event.type, failing);
    expect(await relay()).toBe('retry later');
    bus.off(event.type, failing);
    // The relay's next passes publish it (a second one too, as another instance might).
    expect(await relay()).toBe('published');
    expect(await relay()).toBe('published');

    expect((await counts())['payment.paid']).toBe(before['payment.paid'] + 1);
  });
});
