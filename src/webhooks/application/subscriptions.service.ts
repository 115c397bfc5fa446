import { Injectable } from '@nestjs/common';
import { WebhooksConfig } from '../webhooks.config';
import { Transactions } from '../../database/transactions';
import { Clock, DomainError, isUuid } from '../../shared/domain';
import {
  Subscription,
  type DeliveryEffect,
  type SubscriptionChanges,
  type SubscriptionView,
} from '../domain/subscription';
import { DeliveriesRepository } from '../infrastructure/deliveries.repository';
import { SubscriptionsRepository } from '../infrastructure/subscriptions.repository';
import { decodeCursor, encodeCursor, type Page } from '../../shared/application/page-cursor';
import { PAGE_SIZE_DEFAULT } from '../../shared/application/page-size';
import { DispatcherSignal } from './dispatcher-signal';
import { InFlightAttempts } from './in-flight-attempts';
import { CallbackUrlPolicy } from './webhook-ports';

export const subscriptionNotFound = (id: string) =>
  new DomainError('not-found', 'subscription-not-found', `subscription ${id} does not exist`);

@Injectable()
export class SubscriptionsService {
  constructor(
    private readonly subscriptions: SubscriptionsRepository,
    private readonly deliveries: DeliveriesRepository,
    private readonly urls: CallbackUrlPolicy,
    private readonly transactions: Transactions,
    private readonly signal: DispatcherSignal,
    private readonly inFlight: InFlightAttempts,
    private readonly clock: Clock,
    private readonly config: WebhooksConfig,
  ) {}

  /** The answer is the only time the secret is shown. */
  async subscribe(
    accountId: string,
    input: { callbackUrl: string; eventTypes?: string[]; secret?: string },
  ): Promise<SubscriptionView> {
    const subscription = Subscription.create({ accountId, ...input, now: this.clock.now() });
    await this.urls.assertAllowed(input.callbackUrl);
    await this.subscriptions.add(subscription);
    return subscription.toView({ withSecret: true });
  }

  /** `forUpdate` (inside a transaction) locks the row for a read-modify-write. */
  async get(accountId: string, id: string, forUpdate = false): Promise<Subscription> {
    const subscription = isUuid(id)
      ? await this.subscriptions.find(accountId, id, forUpdate)
      : undefined;
    if (!subscription) throw subscriptionNotFound(id);
    return subscription;
  }

  /**
   * PATCH: every field is checked before anything is written (the URL, with DNS, outside the
   * transaction). The subscription row is locked while its deliveries are parked or woken, so a
   * fan-out or claim running at the same time sees either the old state or the new one whole.
   * Deliveries read URL and secret from the row at claim time: every claim after this commit
   * uses what it wrote, and the answer waits for the attempts claimed before it to end, so that
   * nothing reaches the old URL (or a paused receiver) once the caller has the answer.
   */
  async update(
    accountId: string,
    id: string,
    changes: SubscriptionChanges,
  ): Promise<SubscriptionView> {
    await this.get(accountId, id);
    if (changes.callbackUrl !== undefined) await this.checkUrl(changes.callbackUrl);
    let effect = 'none' as DeliveryEffect;
    const updated = await this.transactions.run(async () => {
      const subscription = await this.get(accountId, id, true);
      const now = this.clock.now();
      effect = subscription.update(changes, now);
      if (effect === 'stopped') await this.deliveries.park(subscription.id, now);
      if (effect === 'resumed') {
        await this.deliveries.wake(subscription.id, now, this.config.retryWindowMs);
        this.transactions.afterCommit(() => this.signal.nudge());
      }
      return subscription;
    });
    // Taken after the commit: every claim that could have read the old row leased before it.
    if (changes.callbackUrl !== undefined || effect === 'stopped')
      await this.inFlight.awaitSentBefore(id, this.clock.now());
    return updated.toView();
  }

  /**
   * Rotates the secret (see Subscription.rotateSecret). Like a URL change, the answer waits for
   * attempts claimed before the commit: from the answer on, every attempt is signed with the new
   * secret (and, during the overlap, the previous one).
   */
  async rotateSecret(
    accountId: string,
    id: string,
    input: { secret?: string; overlapSeconds?: number },
  ): Promise<{ secret: string; previousSecretExpiresAt: string }> {
    const rotated = await this.transactions.run(async () => {
      const subscription = await this.get(accountId, id, true);
      return subscription.rotateSecret(input, this.clock.now());
    });
    await this.inFlight.awaitSentBefore(id, this.clock.now());
    return rotated;
  }

  async list(
    accountId: string,
    limit = PAGE_SIZE_DEFAULT,
    cursor?: string,
  ): Promise<Page<SubscriptionView>> {
    const rows = await this.subscriptions.list(
      accountId,
      cursor === undefined ? undefined : decodeCursor(cursor),
      limit + 1,
    );
    const page = rows.slice(0, limit);
    return {
      data: page.map((s) => s.toView()),
      nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].id) : null,
    };
  }

  /** Deletes the subscription and cancels its undelivered deliveries, in one transaction. */
  async delete(accountId: string, id: string): Promise<void> {
    await this.transactions.run(async () => {
      const subscription = await this.get(accountId, id, true);
      const now = this.clock.now();
      subscription.delete(now);
      await this.deliveries.cancelPending(subscription.id, now);
    });
  }

  /** The creation rules, with the refused field named (PATCH carries several). */
  private async checkUrl(url: string): Promise<void> {
    try {
      await this.urls.assertAllowed(url);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      throw new DomainError(error.kind, error.code, error.message, [
        { field: 'callbackUrl', code: error.code, message: error.message },
      ]);
    }
  }
}
