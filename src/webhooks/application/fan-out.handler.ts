import { Injectable } from '@nestjs/common';
import { Transactions } from '../../database/transactions';
import { OnOutboxEvent } from '../../outbox';
import { PAYMENT_EVENT_TYPES } from '../../payments';
import { Clock, type DomainEvent } from '../../shared/domain';
import { eventEnvelope } from '../domain/event-envelope';
import { SUBSCRIPTION_DISABLED } from '../domain/event-types';
import { DeliveriesRepository } from '../infrastructure/deliveries.repository';
import { SubscriptionsRepository } from '../infrastructure/subscriptions.repository';
import { DispatcherSignal } from './dispatcher-signal';

/**
 * Turns each payment event from the bus into one delivery per subscription that wants it (paused and disabled ones keep theirs waiting).
 * It runs in the relay's transaction: the deliveries exist exactly when the event is marked published.
 */
@Injectable()
export class FanOutHandler {
  constructor(
    private readonly subscriptions: SubscriptionsRepository,
    private readonly deliveries: DeliveriesRepository,
    private readonly transactions: Transactions,
    private readonly signal: DispatcherSignal,
    private readonly clock: Clock,
  ) {}

  /**
   * The account's subscriptions for a type, read (and locked FOR SHARE) once per relay pass: a
   * batch of 100 payments of one account is one read, not 100.
   */
  private targetsFor(event: DomainEvent) {
    return this.transactions.readOnce(`webhook-targets:${event.accountId}:${event.type}`, () =>
      this.subscriptions.findTargetsFor(event.accountId, event.type),
    );
  }

  @OnOutboxEvent(...PAYMENT_EVENT_TYPES)
  async onPaymentEvent(event: DomainEvent): Promise<void> {
    const targets = await this.targetsFor(event);
    const created = await this.deliveries.createFor(
      event,
      targets,
      eventEnvelope(event),
      this.clock.now(),
    );
    if (created > 0) this.transactions.afterCommit(() => this.signal.nudge());
  }

  /** To the account's other subscriptions that named this type (never part of the default set). */
  @OnOutboxEvent(SUBSCRIPTION_DISABLED)
  async onSubscriptionDisabled(event: DomainEvent): Promise<void> {
    const targets = (await this.targetsFor(event)).filter((s) => s.id !== event.aggregateId);
    const created = await this.deliveries.createFor(
      event,
      targets,
      eventEnvelope(event),
      this.clock.now(),
    );
    if (created > 0) this.transactions.afterCommit(() => this.signal.nudge());
  }
}
