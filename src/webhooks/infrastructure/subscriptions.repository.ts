import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { WebhookEventType } from '../domain/event-types';
import { Subscription, type SubscriptionStatus } from '../domain/subscription';
import type { SubscriptionRecord } from './webhook.schemas';

const COLUMNS = `id, account_id as "accountId", callback_url as "callbackUrl", event_types as "eventTypes", secret, status, created_at as "createdAt"`;

const toSubscription = (row: SubscriptionRecord): Subscription =>
  Subscription.restore({
    ...row,
    eventTypes: row.eventTypes as WebhookEventType[],
    status: row.status as SubscriptionStatus,
    createdAt: new Date(row.createdAt),
  });

@Injectable()
export class SubscriptionsRepository {
  constructor(private readonly em: EntityManager) {}

  async insert(s: Subscription): Promise<void> {
    await this.em.execute(
      `insert into webhook_subscription (id, account_id, callback_url, event_types, secret, status, created_at) values (?, ?, ?, ?::text[], ?, ?, ?)`,
      [
        s.id,
        s.accountId,
        s.callbackUrl,
        `{${s.eventTypes.join(',')}}`,
        s.secret,
        s.status,
        s.createdAt,
      ],
    );
  }

  async findActive(accountId: string, id: string): Promise<Subscription | undefined> {
    const [row] = await this.em.execute<SubscriptionRecord[]>(
      `select ${COLUMNS} from webhook_subscription where id = ? and account_id = ? and status = 'ACTIVE'`,
      [id, accountId],
    );
    return row ? toSubscription(row) : undefined;
  }

  /** The account's active subscriptions that want this event type. */
  async findActiveFor(accountId: string, eventType: string): Promise<Subscription[]> {
    const rows = await this.em.execute<SubscriptionRecord[]>(
      // FOR SHARE: a DELETE of one of these waits for this transaction, then cancels its new deliveries.
      `select ${COLUMNS} from webhook_subscription where account_id = ? and status = 'ACTIVE' and ? = any(event_types) for share`,
      [accountId, eventType],
    );
    return rows.map(toSubscription);
  }

  async list(
    accountId: string,
    beforeId: string | undefined,
    limit: number,
  ): Promise<Subscription[]> {
    const rows = await this.em.execute<SubscriptionRecord[]>(
      `select ${COLUMNS} from webhook_subscription where account_id = ? and status = 'ACTIVE'${beforeId ? ' and id < ?' : ''} order by id desc limit ?`,
      beforeId ? [accountId, beforeId, limit] : [accountId, limit],
    );
    return rows.map(toSubscription);
  }

  /** Deletes the subscription and stops its undelivered deliveries, in the caller's transaction. */
  async delete(accountId: string, id: string, now: Date): Promise<boolean> {
    const result = await this.em.execute<{ affectedRows: number }>(
      `update webhook_subscription set status = 'DELETED', deleted_at = ? where id = ? and account_id = ? and status = 'ACTIVE'`,
      [now, id, accountId],
      'run',
    );
    if (result.affectedRows === 0) return false;
    await this.em.execute(
      `update webhook_delivery set status = 'CANCELLED', next_attempt_at = null, updated_at = ? where subscription_id = ? and status = 'PENDING'`,
      [now, id],
    );
    return true;
  }
}
