import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { newId } from '../../shared/domain';
import { whereAll } from '../../shared/infrastructure/where-all';
import type { AttemptResult, DeliveryProgress } from '../domain/delivery';
import type { Subscription } from '../domain/subscription';
import { RATE_WINDOW_MS } from '../domain/rate-window';
import { claimDueStatement } from './claim-due.statement';
import type { AttemptRecord, DeliveryRecord } from './webhook.schemas';

/** A delivery leased to this instance, with what it takes to send it. */
export interface ClaimedDelivery {
  id: string;
  subscriptionId: string;
  eventId: string;
  body: string;
  attempts: number;
  eventCreatedAt: Date;
  /** The retry window starts here: the event's time, or when the delivery was recovered. */
  windowFrom: Date;
  callbackUrl: string;
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
}

export interface DeliveryOutcome {
  id: string;
  subscriptionId: string;
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

  /**
   * One delivery per subscription; an event relayed twice creates none the second time. A
   * subscription that is not ACTIVE gets its delivery parked (no next attempt): it waits.
   */
  async createFor(
    event: { id: string; type: string; accountId: string; occurredAt: Date },
    subscriptions: readonly Subscription[],
    body: string,
    now: Date,
  ): Promise<number> {
    if (subscriptions.length === 0) return 0;
    const rows = await this.em.execute<{ id: string }[]>(
      `insert into webhook_delivery (id, subscription_id, account_id, event_id, event_type, body, status, attempts, next_attempt_at, event_created_at, created_at, updated_at)
       values ${subscriptions.map(() => `(?, ?, ?, ?, ?, ?, 'PENDING', 0, ?::timestamptz, ?, ?, ?)`).join(', ')}
       on conflict (event_id, subscription_id) do nothing returning id`,
      subscriptions.flatMap((s) => [
        newId(),
        s.id,
        event.accountId,
        event.id,
        event.type,
        body,
        s.isActive ? now : null,
        event.occurredAt,
        now,
        now,
      ]),
    );
    return rows.length;
  }

  /**
   * Parks the subscription's waiting deliveries (paused or disabled): no next attempt until it is
   * ACTIVE again. One being sent right now keeps its lease; the claim parks it when due again.
   */
  async park(subscriptionId: string, now: Date): Promise<void> {
    await this.em.execute(
      `update webhook_delivery set next_attempt_at = null, updated_at = ?
       where subscription_id = ? and status = 'PENDING' and next_attempt_at is not null and (lease_id is null or locked_until <= ?)`,
      [now, subscriptionId, now],
    );
  }

  /**
   * Wakes the parked deliveries of a subscription that is ACTIVE again: each becomes due at its
   * event's time, so the claim (in next_attempt_at order) sends the oldest event first. Those whose
   * event is already older than the retry window are FAILED instead (and can be recovered).
   */
  async wake(subscriptionId: string, now: Date, windowMs: number): Promise<number> {
    const expired = new Date(now.getTime() - windowMs);
    const rows = await this.em.execute<{ id: string }[]>(
      `update webhook_delivery set
         status = case when coalesce(retry_window_from, event_created_at) < ? then 'FAILED' else 'PENDING' end,
         next_attempt_at = case when coalesce(retry_window_from, event_created_at) < ? then null else event_created_at end,
         last_error = case when coalesce(retry_window_from, event_created_at) < ? then 'retry window ended while the subscription was not active' else last_error end,
         updated_at = ?
       where subscription_id = ? and status = 'PENDING' and next_attempt_at is null returning id`,
      [expired, expired, expired, now, subscriptionId],
    );
    return rows.length;
  }

  /**
   * Leases due deliveries to `leaseId` in one short statement (claim-due.statement.ts): they are
   * due again at `leaseUntil` if this instance dies before recording their outcome. SKIP LOCKED
   * lets instances share them. A subscription never gets more than `cap` leases in flight nor more
   * than its rate limit per window, across all instances; deliveries held back stay PENDING (the
   * rate-limited ones are counted in `rateHeld`). A due delivery whose
   * subscription was deleted meanwhile is cancelled instead of leased; one whose subscription is
   * paused or disabled is parked (no next attempt) until it is ACTIVE again. The URL and secret come
   * from the subscription row as this statement locks it: a PATCH or a rotation committed before the
   * claim is what the attempt uses, never a copy.
   */
  async claimDue(
    now: Date,
    leaseUntil: Date,
    leaseId: string,
    limit: number,
    cap: number,
  ): Promise<{ leased: ClaimedDelivery[]; claimed: number; rateHeld: number }> {
    const { sql, params } = claimDueStatement({
      now,
      leaseUntil,
      leaseId,
      limit,
      cap,
      windowMs: RATE_WINDOW_MS,
    });
    const rows = await this.em.execute<
      (ClaimedDelivery & { sendable: boolean; rateHeld: number })[]
    >(sql, params);
    // A manual retry is the owner's explicit request: it goes out even while paused or disabled.
    const leased = rows.filter((row) => row.sendable);
    return { leased, claimed: rows.length, rateHeld: rows[0]?.rateHeld ?? 0 };
  }

  /**
   * Sends the FAILED deliveries whose event lies in [since, until) again, with a fresh retry
   * window from `now` and the backoff started over. A subscription that is not ACTIVE keeps them
   * waiting (parked) like its other deliveries.
   */
  async recover(
    subscription: Subscription,
    since: Date,
    until: Date | undefined,
    now: Date,
  ): Promise<number> {
    const rows = await this.em.execute<{ id: string }[]>(
      `update webhook_delivery set status = 'PENDING', attempts = 0, retry_window_from = ?, next_attempt_at = ?::timestamptz,
         locked_until = null, lease_id = null, updated_at = ?
       where subscription_id = ? and status = 'FAILED' and event_created_at >= ?${until ? ' and event_created_at < ?' : ''} returning id`,
      [
        now,
        subscription.isActive ? now : null,
        now,
        subscription.id,
        since,
        ...(until ? [until] : []),
      ],
    );
    return rows.length;
  }

  /** Whether a delivery of the subscription leased at or before `leasedBy` is still being sent. */
  async sendingSince(subscriptionId: string, leasedBy: Date, now: Date): Promise<boolean> {
    const rows = await this.em.execute<unknown[]>(
      `select 1 from webhook_delivery where subscription_id = ? and status = 'PENDING' and lease_id is not null
       and locked_until > ? and updated_at <= ? limit 1`,
      [subscriptionId, now, leasedBy],
    );
    return rows.length > 0;
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
         locked_until = null, lease_id = null, manual_retry = false, updated_at = ?
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
      `update webhook_delivery set status = 'PENDING', next_attempt_at = ?, locked_until = null, lease_id = null, manual_retry = true, updated_at = ?
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
