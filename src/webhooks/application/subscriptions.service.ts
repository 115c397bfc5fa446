import { Injectable } from '@nestjs/common';
import { Transactions } from '../../database/transactions';
import { Clock, DomainError, isUuid } from '../../shared/domain';
import { Subscription, type SubscriptionView } from '../domain/subscription';
import { SubscriptionsRepository } from '../infrastructure/subscriptions.repository';
import { decodeCursor, encodeCursor, type Page } from '../../shared/application/page-cursor';
import { CallbackUrlPolicy } from './webhook-ports';

export const subscriptionNotFound = (id: string) =>
  new DomainError('not-found', 'subscription-not-found', `subscription ${id} does not exist`);

@Injectable()
export class SubscriptionsService {
  constructor(
    private readonly subscriptions: SubscriptionsRepository,
    private readonly urls: CallbackUrlPolicy,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /** The answer is the only time the secret is shown. */
  async subscribe(
    accountId: string,
    input: { callbackUrl: string; eventTypes?: string[]; secret?: string },
  ): Promise<SubscriptionView> {
    const subscription = Subscription.create({ accountId, ...input, now: this.clock.now() });
    await this.urls.assertAllowed(input.callbackUrl);
    await this.subscriptions.insert(subscription);
    return subscription.toView({ withSecret: true });
  }

  async get(accountId: string, id: string): Promise<Subscription> {
    const subscription = isUuid(id)
      ? await this.subscriptions.findActive(accountId, id)
      : undefined;
    if (!subscription) throw subscriptionNotFound(id);
    return subscription;
  }

  async list(accountId: string, limit: number, cursor?: string): Promise<Page<SubscriptionView>> {
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

  async delete(accountId: string, id: string): Promise<void> {
    const deleted =
      isUuid(id) &&
      (await this.transactions.run(() =>
        this.subscriptions.delete(accountId, id, this.clock.now()),
      ));
    if (!deleted) throw subscriptionNotFound(id);
  }
}
