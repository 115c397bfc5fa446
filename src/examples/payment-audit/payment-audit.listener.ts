import { Injectable } from '@nestjs/common';
import { Counter, Registry } from 'prom-client';
import { Transactions } from '../../database/transactions';
import { OnOutboxEvent } from '../../outbox';
import { PAYMENT_EVENT_TYPES, type PaymentView } from '../../payments';
import type { DomainEvent } from '../../shared/domain';

/** How many event ids the listener remembers to count each event once (oldest forgotten first). */
const REMEMBERED_EVENT_IDS = 10_000;

/**
 * Example listener (docs/extending.md): counts the payment events this instance relays from the
 * outbox, by type, as the Prometheus counter `payment_events_total{type="payment.created"}`.
 *
 * It shows the three rules of a bus listener:
 * - it runs inside the relay's transaction, so it only *queues* its side effect with
 *   `afterCommit`: a counter in memory cannot roll back with the database;
 * - it is idempotent per event id: an event whose handling rolled back (here or in another
 *   listener) is relayed again, and must not be counted twice;
 * - it lets errors propagate: a throw rolls back and the relay retries the event later.
 */
@Injectable()
export class PaymentAuditListener {
  private readonly events: Counter<'type'>;
  private readonly counted = new Set<string>();

  constructor(
    registry: Registry,
    private readonly transactions: Transactions,
  ) {
    this.events = new Counter({
      name: 'payment_events_total',
      help: 'Payment events relayed from the outbox by this instance, by type (example listener)',
      labelNames: ['type'],
      registers: [registry],
    });
    // Every type shows up from the start, at 0, so that rate() and absent() behave.
    for (const type of PAYMENT_EVENT_TYPES) this.events.inc({ type }, 0);
  }

  @OnOutboxEvent(...PAYMENT_EVENT_TYPES)
  onPaymentEvent(event: DomainEvent<PaymentView>): void {
    this.transactions.afterCommit(() => this.count(event));
  }

  private count(event: DomainEvent<PaymentView>): void {
    if (this.counted.has(event.id)) return;
    this.counted.add(event.id);
    if (this.counted.size > REMEMBERED_EVENT_IDS) {
      this.counted.delete(this.counted.values().next().value as string);
    }
    this.events.inc({ type: event.type });
  }
}
