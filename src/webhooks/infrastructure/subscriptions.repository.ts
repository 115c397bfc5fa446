import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { WebhookEventType } from '../domain/event-types';
import { Subscription, type SubscriptionStatus } from '../domain/subscription';
import type { SubscriptionRecord } from './webhook.schemas';

const COLUMNS = `id, account_id as "accountId", callback_url as "callbackUrl", event_types as "eventTypes", secret, status,
  previous_secret as "previousSecret", previous_secret_expires_at as "previousSecretExpiresAt",
  disabled_reason as "disabledReason", description, rate_limit_per_second as "rateLimitPerSecond",
  created_at as "createdAt", updated_at as "updatedAt"`;

const toSubscription = (row: SubscriptionRecord): Subscription =>
  Subscription.restore({
    ...row,
    eventTypes: row.eventTypes as WebhookEventType[],
    status: row.status as SubscriptionStatus,
    previousSecretExpiresAt: row.previousSecretExpiresAt && new Date(row.previousSecretExpiresAt),
    createdAt: new Date(row.createdAt),
    updatedAt: new Date(row.updatedAt),
  });

const typesLiteral = (s: Subscription) => `{${s.eventTypes.join(',')}}`;

/** Subscriptions that exist for their owner: every status but DELETED. */
@Injectable()
export class SubscriptionsRepository {
  constructor(private readonly em: EntityManager) {}

  async insert(s: Subscription): Promise<void> {
    const v = s.snapshot;
    await this.em.execute(
      `insert into webhook_subscription (id, account_id, callback_url, event_types, secret, status, disabled_reason, description, rate_limit_per_second, created_at, updated_at)
       values (?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?)`,
      [
        v.id,
        v.accountId,
        v.callbackUrl,
        typesLiteral(s),
        v.secret,
        v.status,
        v.disabledReason,
        v.description,
        v.rateLimitPerSecond,
        v.createdAt,
        v.updatedAt,
      ],
    );
  }

  /** `forUpdate` locks the row for a read-modify-write (PATCH): concurrent edits queue up. */
  async find(accountId: string, id: string, forUpdate = false): Promise<Subscription | undefined> {
    const [row] = await this.em.execute<SubscriptionRecord[]>(
      `select ${COLUMNS} from webhook_subscription where id = ? and account_id = ? and status <> 'DELETED'${forUpdate ? ' for update' : ''}`,
      [id, accountId],
    );
    return row ? toSubscription(row) : undefined;
  }

  /** Writes what an owner may change (secrets included); the caller holds the row (see `find(..., true)`). */
  async update(s: Subscription): Promise<void> {
    const v = s.snapshot;
    await this.em.execute(
      `update webhook_subscription set callback_url = ?, event_types = ?::text[], secret = ?, previous_secret = ?, previous_secret_expires_at = ?, status = ?, disabled_reason = ?, description = ?, rate_limit_per_second = ?, updated_at = ?
       where id = ? and status <> 'DELETED'`,
      [
        v.callbackUrl,
        typesLiteral(s),
        v.secret,
        v.previousSecret,
        v.previousSecretExpiresAt,
        v.status,
        v.disabledReason,
        v.description,
        v.rateLimitPerSecond,
        v.updatedAt,
        v.id,
      ],
    );
  }

  /** The account's subscriptions (paused and disabled ones included) that want this event type. */
  async findTargetsFor(accountId: string, eventType: string): Promise<Subscription[]> {
    const rows = await this.em.execute<SubscriptionRecord[]>(
      // FOR SHARE: a DELETE or a status change of one of these waits for this transaction, then
      // treats its new deliveries like the older ones (cancels, parks or wakes them).
      `select ${COLUMNS} from webhook_subscription where account_id = ? and status <> 'DELETED' and ? = any(event_types) for share`,
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
      `select ${COLUMNS} from webhook_subscription where account_id = ? and status <> 'DELETED'${beforeId ? ' and id < ?' : ''} order by id desc limit ?`,
      beforeId ? [accountId, beforeId, limit] : [accountId, limit],
    );
    return rows.map(toSubscription);
  }

  /** Deletes the subscription and stops its undelivered deliveries, in the caller's transaction. */
  async delete(accountId: string, id: string, now: Date): Promise<boolean> {
    const result = await this.em.execute<{ affectedRows: number }>(
      `update webhook_subscription set status = 'DELETED', deleted_at = ?, updated_at = ? where id = ? and account_id = ? and status <> 'DELETED'`,
      [now, now, id, accountId],
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
