import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { Transactions } from '../../database/transactions';
import { OutboxWriter } from '../../outbox';
import { newId } from '../../shared/domain';
import { isDelivered } from '../domain/delivery';
import { SUBSCRIPTION_DISABLED } from '../domain/event-types';
import type { Subscription } from '../domain/subscription';
import { judgeHealth } from '../domain/subscription-health';
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
    private readonly em: EntityManager,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly deliveries: DeliveriesRepository,
    private readonly outbox: OutboxWriter,
    private readonly transactions: Transactions,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async record(outcomes: readonly DeliveryOutcome[], now: Date): Promise<void> {
    const bySubscription = new Map<string, DeliveryOutcome[]>();
    for (const o of outcomes)
      bySubscription.set(o.subscriptionId, [...(bySubscription.get(o.subscriptionId) ?? []), o]);
    const healthy = [...bySubscription].filter(([, os]) => os.every((o) => isDelivered(o.result)));
    const failing = [...bySubscription].filter(([, os]) => !os.every((o) => isDelivered(o.result)));
    if (healthy.length) {
      await this.em.execute(
        `update webhook_subscription set failing_since = null where id in (?) and failing_since is not null`,
        [healthy.map(([id]) => id)],
      );
    }
    if (failing.length) await this.transactions.run(() => this.judge(new Map(failing), now));
  }

  private async judge(failing: Map<string, DeliveryOutcome[]>, now: Date): Promise<void> {
    const rows = await this.em.execute<
      { id: string; accountId: string; failingSince: Date | null }[]
    >(
      `select id, account_id as "accountId", failing_since as "failingSince" from webhook_subscription
       where id in (?) order by id for update`,
      [[...failing.keys()]],
    );
    for (const row of rows) {
      const verdict = judgeHealth({
        failingSince: row.failingSince && new Date(row.failingSince),
        attempts: failing.get(row.id)!.map((o) => ({
          at: o.attemptedAt,
          delivered: isDelivered(o.result),
          statusCode: o.result.statusCode,
        })),
        now,
        disableAfterMs: this.config.WEBHOOK_DISABLE_AFTER_MS,
      });
      await this.em.execute(`update webhook_subscription set failing_since = ? where id = ?`, [
        verdict.failingSince,
        row.id,
      ]);
      if (verdict.disable) await this.disable(row.accountId, row.id, verdict.disable, now);
    }
  }

  /** DISABLED, deliveries parked, and a subscription.disabled event in the same transaction. */
  private async disable(accountId: string, id: string, reason: string, now: Date): Promise<void> {
    const subscription: Subscription | undefined = await this.subscriptions.find(accountId, id);
    if (!subscription?.disable(reason, now)) return;
    await this.subscriptions.update(subscription);
    await this.deliveries.park(id, now);
    await this.outbox.append([
      {
        id: newId(),
        type: SUBSCRIPTION_DISABLED,
        aggregateId: id,
        accountId,
        occurredAt: now,
        payload: subscription.toView(),
      },
    ]);
    this.logger.warn(`subscription ${id} disabled: ${reason}`);
  }
}
