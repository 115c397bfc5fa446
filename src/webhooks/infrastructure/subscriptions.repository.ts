import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { DeliveryTarget } from '../domain/delivery';
import { Subscription } from '../domain/subscription';
import { webhooksSql } from './webhooks.sql';

const NOT_DELETED = { status: { $ne: 'DELETED' } } as const;

/**
 * Subscriptions that exist for their owner: every status but DELETED. `add` writes a new one; a
 * loaded one that the domain changed is written by the unit of work when the caller's
 * transaction commits.
 */
@Injectable()
export class SubscriptionsRepository {
  constructor(private readonly em: EntityManager) {}

  /** Inserts a new subscription (the unit of work's flush writes it). */
  async add(subscription: Subscription): Promise<void> {
    await this.em.persist(subscription).flush();
  }

  /**
   * `forUpdate` (inside a transaction) locks the row for a read-modify-write (PATCH, rotation,
   * delete): concurrent edits queue up, and each reads the row as the one before it left it.
   */
  async find(accountId: string, id: string, forUpdate = false): Promise<Subscription | undefined> {
    const subscription = await this.em.findOne(
      Subscription,
      { id, accountId, ...NOT_DELETED },
      forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : {},
    );
    return subscription ?? undefined;
  }

  /**
   * The account's subscriptions (paused and disabled ones included) that want this event type,
   * locked FOR SHARE until the caller's transaction ends (see FAN_OUT_TARGETS).
   */
  findTargetsFor(accountId: string, eventType: string): Promise<DeliveryTarget[]> {
    return webhooksSql.fanOutTargets(this.em, accountId, eventType);
  }

  /** Newest first; `limit` rows at most, older than `beforeId` when given (the cursor). */
  list(accountId: string, beforeId: string | undefined, limit: number): Promise<Subscription[]> {
    return this.em.find(
      Subscription,
      { accountId, ...NOT_DELETED, id: beforeId === undefined ? undefined : { $lt: beforeId } },
      { orderBy: { id: 'desc' }, limit },
    );
  }

  /**
   * Locks the subscriptions (deleted ones too) in id order, so that two dispatcher passes or
   * instances judging the same receivers wait for each other instead of deadlocking.
   */
  lockForHealth(ids: readonly string[]): Promise<Subscription[]> {
    return this.em.find(
      Subscription,
      { id: { $in: [...ids] } },
      { orderBy: { id: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
  }

  /** Subscriptions whose attempts just all succeeded: their failure record, if any, is cleared. */
  clearFailing(ids: readonly string[]): Promise<void> {
    return webhooksSql.clearFailing(this.em, ids);
  }

  /** DISABLED and not deleted (a gauge, read outside any request). */
  countDisabled(): Promise<number> {
    return this.em.fork().count(Subscription, { status: 'DISABLED', deletedAt: null });
  }
}
