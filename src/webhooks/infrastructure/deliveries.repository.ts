import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { newId } from '../../shared/domain';
import { whereAll } from '../../shared/infrastructure/where-all';
import type { AttemptResult, DeliveryProgress } from '../domain/delivery';
import type { Subscription } from '../domain/subscription';
import type { AttemptRecord, DeliveryRecord } from './webhook.schemas';

/** A delivery leased to this instance, with what it takes to send it. */
export interface ClaimedDelivery {
  id: string;
  eventId: string;
  body: string;
  attempts: number;
  eventCreatedAt: Date;
  callbackUrl: string;
  secret: string;
}

export interface DeliveryOutcome {
  id: string;
  eventCreatedAt: Date;
  attemptedAt: Date;
  result: AttemptResult;
  progress: DeliveryProgress;
}

export type DeliveryWithAttempts = DeliveryRecord & { attemptsLog: AttemptRecord[] };

const DELIVERY_COLUMNS = `id, subscription_id as "subscriptionId", account_id as "accountId", event_id as "eventId", event_type as "eventType",
  status, attempts, next_attempt_at as "nextAttemptAt", last_status_code as "lastStatusCode", last_error as "lastError",
  event_created_at as "eventCreatedAt", created_at as "createdAt", updated_at as "updatedAt", delivered_at as "deliveredAt"`;

@Injectable()
export class DeliveriesRepository {
  constructor(private readonly em: EntityManager) {}

  /** One delivery per subscription; an event relayed twice creates none the second time. */
  async createFor(
    event: { id: string; type: string; accountId: string; occurredAt: Date },
    subscriptions: readonly Subscription[],
    body: string,
    now: Date,
  ): Promise<number> {
    if (subscriptions.length === 0) return 0;
    const rows = await this.em.execute<{ id: string }[]>(
      `insert into webhook_delivery (id, subscription_id, account_id, event_id, event_type, body, status, attempts, next_attempt_at, event_created_at, created_at, updated_at)
       values ${subscriptions.map(() => `(?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, ?)`).join(', ')}
       on conflict (event_id, subscription_id) do nothing returning id`,
      subscriptions.flatMap((s) => [
        newId(),
        s.id,
        event.accountId,
        event.id,
        event.type,
        body,
        now,
        event.occurredAt,
        now,
        now,
      ]),
    );
    return rows.length;
  }

  /**
   * Leases due deliveries to `leaseId` in one short statement: they are due again at `leaseUntil`
   * if this instance dies before recording their outcome. SKIP LOCKED lets instances share them.
   * A due delivery whose subscription was deleted meanwhile is cancelled instead of leased.
   */
  async claimDue(
    now: Date,
    leaseUntil: Date,
    leaseId: string,
    limit: number,
  ): Promise<{ leased: ClaimedDelivery[]; claimed: number }> {
    const rows = await this.em.execute<(ClaimedDelivery & { status: string })[]>(
      `with due as (
         select id from webhook_delivery where status = 'PENDING' and next_attempt_at <= ?
         order by next_attempt_at limit ? for update skip locked)
       update webhook_delivery d set
         status = case when s.status = 'ACTIVE' then d.status else 'CANCELLED' end,
         next_attempt_at = case when s.status = 'ACTIVE' then ?::timestamptz end,
         locked_until = case when s.status = 'ACTIVE' then ?::timestamptz end,
         lease_id = case when s.status = 'ACTIVE' then ?::uuid end,
         updated_at = ?
       from due, webhook_subscription s
       where d.id = due.id and s.id = d.subscription_id
       returning d.id, d.status, d.event_id as "eventId", d.body, d.attempts, d.event_created_at as "eventCreatedAt", s.callback_url as "callbackUrl", s.secret`,
      [now, limit, leaseUntil, leaseUntil, leaseId, now],
    );
    return { leased: rows.filter((row) => row.status === 'PENDING'), claimed: rows.length };
  }

  /**
   * Records the attempts and their outcome in one statement (atomic, one round trip). Only
   * deliveries still leased to `leaseId` and still PENDING move: a delivery whose lease ran out
   * (and was taken by another instance), or whose subscription was deleted meanwhile, keeps the
   * newer state. The attempt is logged either way.
   */
  async recordOutcomes(
    outcomes: readonly DeliveryOutcome[],
    leaseId: string,
    now: Date,
  ): Promise<void> {
    if (outcomes.length === 0) return;
    const row =
      '(?::uuid, ?::uuid, ?::varchar, ?::int, ?::timestamptz, ?::int, ?::varchar, ?::timestamptz, ?::int)';
    await this.em.execute(
      `with v (attempt_id, id, status, attempts, next_at, code, error, at, duration_ms) as (values ${outcomes.map(() => row).join(', ')}),
       logged as (
         insert into webhook_attempt (id, delivery_id, attempted_at, status_code, duration_ms, error)
         select attempt_id, id, at, code, duration_ms, error from v)
       update webhook_delivery d set status = v.status, attempts = v.attempts, next_attempt_at = v.next_at, last_status_code = v.code,
         last_error = v.error, delivered_at = case when v.status = 'DELIVERED' then v.at else d.delivered_at end,
         locked_until = null, lease_id = null, updated_at = ?
       from v where d.id = v.id and d.lease_id = ? and d.status = 'PENDING'`,
      [
        ...outcomes.flatMap((o) => [
          newId(),
          o.id,
          o.progress.status,
          o.progress.attempts,
          o.progress.nextAttemptAt,
          o.result.statusCode,
          o.result.error?.slice(0, 500) ?? null,
          o.attemptedAt,
          Math.round(o.result.durationMs),
        ]),
        now,
        leaseId,
      ],
    );
  }

  async listForSubscription(
    subscriptionId: string,
    filter: { id?: string; status?: string; beforeId?: string },
    limit: number,
  ): Promise<DeliveryWithAttempts[]> {
    const where = whereAll([
      ['subscription_id = ?', subscriptionId],
      ['id = ?', filter.id],
      ['status = ?', filter.status],
      ['id < ?', filter.beforeId],
    ]);
    const deliveries = await this.em.execute<DeliveryRecord[]>(
      `select ${DELIVERY_COLUMNS} from webhook_delivery where ${where.sql} order by id desc limit ?`,
      [...where.params, limit],
    );
    if (deliveries.length === 0) return [];
    const attempts = await this.em.execute<AttemptRecord[]>(
      `select id, delivery_id as "deliveryId", attempted_at as "attemptedAt", status_code as "statusCode", duration_ms as "durationMs", error
       from webhook_attempt where delivery_id in (?) order by attempted_at, id`,
      [deliveries.map((d) => d.id)],
    );
    return deliveries.map((d) => ({
      ...d,
      attemptsLog: attempts.filter((a) => a.deliveryId === d.id),
    }));
  }

  /** Makes a delivery of an active subscription due now, whatever its state; CANCELLED ones stay. */
  async retryNow(
    subscriptionId: string,
    deliveryId: string,
    now: Date,
  ): Promise<DeliveryWithAttempts | undefined> {
    const rows = await this.em.execute<{ id: string }[]>(
      `update webhook_delivery set status = 'PENDING', next_attempt_at = ?, locked_until = null, lease_id = null, updated_at = ?
       where id = ? and subscription_id = ? and status <> 'CANCELLED' and (lease_id is null or locked_until <= ?) returning id`,
      [now, now, deliveryId, subscriptionId, now],
    );
    // Being sent right now: it needs no second send, the answer shows it as it is.
    if (rows.length === 0)
      return (
        await this.listForSubscription(subscriptionId, { id: deliveryId, status: 'PENDING' }, 1)
      )[0];
    const [delivery] = await this.listForSubscription(subscriptionId, { id: deliveryId }, 1);
    return delivery;
  }
}
