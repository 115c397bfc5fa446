import { Injectable, Logger } from '@nestjs/common';
import { WebhooksConfig } from '../webhooks.config';
import { Transactions } from '../../database/transactions';
import { OutboxWriter } from '../../outbox';
import { newId } from '../../shared/domain';
import { isDelivered } from '../domain/delivery';
import { SUBSCRIPTION_DISABLED } from '../domain/event-types';
import type { Subscription } from '../domain/subscription';
import {
  DeliveriesRepository,
  type DeliveryOutcome,
} from '../infrastructure/deliveries.repository';
import { SubscriptionsRepository } from '../infrastructure/subscriptions.repository';

/**
 * Keeps each subscription's failure record from the dispatcher's outcomes and disables a receiver
 * that is gone (410) or has failed for WEBHOOK_DISABLE_AFTER_MS. A pass with only successes costs
 * one statement (and only for subscriptions that had a record); failures take a short transaction
 * that locks the subscriptions concerned, so two passes or instances judge one after the other.
 */
@Injectable()
export class SubscriptionHealth {
  private readonly logger = new Logger('webhook-health');

  constructor(
    private readonly subscriptions: SubscriptionsRepository,
    private readonly deliveries: DeliveriesRepository,
    private readonly outbox: OutboxWriter,
    private readonly transactions: Transactions,
    private readonly config: WebhooksConfig,
  ) {}

  async record(outcomes: readonly DeliveryOutcome[], now: Date): Promise<void> {
    const bySubscription = new Map<string, DeliveryOutcome[]>();
    for (const o of outcomes)
      bySubscription.set(o.subscriptionId, [...(bySubscription.get(o.subscriptionId) ?? []), o]);
    const healthy = [...bySubscription].filter(([, os]) => os.every((o) => isDelivered(o.result)));
    const failing = [...bySubscription].filter(([, os]) => !os.every((o) => isDelivered(o.result)));
    if (healthy.length) await this.subscriptions.clearFailing(healthy.map(([id]) => id));
    if (failing.length) await this.transactions.run(() => this.judge(new Map(failing), now));
  }

  /** The subscriptions' changes are written when the transaction commits. */
  private async judge(failing: Map<string, DeliveryOutcome[]>, now: Date): Promise<void> {
    for (const subscription of await this.subscriptions.lockForHealth([...failing.keys()])) {
      const attempts = failing.get(subscription.id)!.map((o) => ({
        at: o.attemptedAt,
        delivered: isDelivered(o.result),
        statusCode: o.result.statusCode,
      }));
      const disabled = subscription.judgeAttempts(attempts, now, this.config.disableAfterMs);
      if (disabled) await this.disabled(subscription, disabled, now);
    }
  }

  /** Deliveries parked, and a subscription.disabled event in the same transaction. */
  private async disabled(subscription: Subscription, reason: string, now: Date): Promise<void> {
    await this.deliveries.park(subscription.id, now);
    await this.outbox.append([
      {
        id: newId(),
        type: SUBSCRIPTION_DISABLED,
        aggregateId: subscription.id,
        accountId: subscription.accountId,
        occurredAt: now,
        payload: subscription.toView(),
      },
    ]);
    this.logger.warn(`subscription ${subscription.id} disabled: ${reason}`);
  }
}
