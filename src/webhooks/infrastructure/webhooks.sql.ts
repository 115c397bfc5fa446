import type { EntityManager } from '@mikro-orm/postgresql';
import type { DeliveryAttempt } from '../domain/delivery-attempt';
import type { DeliveryProgress, DeliveryTarget } from '../domain/delivery';

/**
 * The Webhooks module's raw SQL: only the statements where SQL itself is the point (a batch insert
 * that skips conflicts, set-based updates of deliveries, a count over a join) and the fan-out's
 * read of its targets, kept raw for speed. Everything else goes through the ORM; the dispatcher's
 * claim has its own file (claim-due.sql.ts). Placeholders are MikroORM's `?`.
 */

/**
 * The fan-out's targets, which is the rule for who gets a delivery: every subscription of the
 * account that is not deleted and chose the event's type, whatever its status. A paused or
 * disabled one keeps its deliveries waiting, so nothing is lost (delivery-fan-out and
 * pause-resume e2e). FOR SHARE: a DELETE or a status change of one of these waits for the fan-out's
 * transaction, then treats its new deliveries like the older ones (cancels, parks or wakes them).
 * Raw rather than `em.find` because it runs per event in the relay's transaction: the ORM form
 * cost 2.6 times the service CPU per fanned-out event (444 → 1,163 µs, median of 10 interleaved
 * rounds of 1,000 events with two targets) and a third more of PostgreSQL's.
 */
export const FAN_OUT_TARGETS = `select id, status = 'ACTIVE' as "isActive" from webhook_subscription
  where account_id = ? and status <> 'DELETED' and ? = any(event_types) for share`;

/**
 * The fan-out: the new deliveries of one event, skipping any that exists already (an event relayed
 * twice creates none the second time). The columns are the schema's (tableRow), the values
 * positional: PostgreSQL spends less on them than on one JSON parameter, and this runs per event.
 */
export const insertDeliveriesStatement = (columns: readonly string[], rows: number) => {
  const row = `(${columns.map(() => '?').join(', ')})`;
  return `insert into webhook_delivery (${columns.join(', ')})
    values ${Array.from({ length: rows }, () => row).join(', ')}
    on conflict (event_id, subscription_id) do nothing returning id`;
};

/** Paused or disabled: no next attempt. One being sent right now keeps its lease. */
export const PARK_DELIVERIES = `update webhook_delivery set next_attempt_at = null, updated_at = ?
  where subscription_id = ? and status = 'PENDING' and next_attempt_at is not null
    and (lease_id is null or locked_until <= ?)`;

/**
 * ACTIVE again: each parked delivery is due at its event's time (the oldest event goes first),
 * or FAILED if its retry window (from `expired` on) has ended meanwhile.
 */
export const WAKE_DELIVERIES = `update webhook_delivery set
    status = case when coalesce(retry_window_from, event_created_at) < ? then 'FAILED' else 'PENDING' end,
    next_attempt_at = case when coalesce(retry_window_from, event_created_at) < ? then null else event_created_at end,
    last_error = case when coalesce(retry_window_from, event_created_at) < ?
      then 'retry window ended while the subscription was not active' else last_error end,
    updated_at = ?
  where subscription_id = ? and status = 'PENDING' and next_attempt_at is null returning id`;

/** FAILED deliveries whose event lies in [since, until) start over, with a fresh retry window. */
export const RECOVER_FAILED = `update webhook_delivery set status = 'PENDING', attempts = 0, retry_window_from = ?,
    next_attempt_at = ?::timestamptz, locked_until = null, lease_id = null, updated_at = ?
  where subscription_id = ? and status = 'FAILED' and event_created_at >= ?
    and (?::timestamptz is null or event_created_at < ?) returning id`;

/** The owner's retry: due now, whatever its state, unless cancelled or being sent right now. */
export const RETRY_NOW = `update webhook_delivery set status = 'PENDING', next_attempt_at = ?, locked_until = null,
    lease_id = null, manual_retry = true, updated_at = ?
  where id = ? and subscription_id = ? and status <> 'CANCELLED'
    and (lease_id is null or locked_until <= ?) returning id`;

/** Leased deliveries handed back unsent: due again now, for any instance's next claim. */
export const RELEASE_LEASES = `update webhook_delivery set lease_id = null, locked_until = null,
  next_attempt_at = ?, updated_at = ? where id in (?) and lease_id = ? and status = 'PENDING'`;

/** A deleted subscription's undelivered deliveries stop. */
export const CANCEL_PENDING = `update webhook_delivery set status = 'CANCELLED', next_attempt_at = null, updated_at = ?
  where subscription_id = ? and status = 'PENDING'`;

/**
 * The attempts and their outcome in one statement (atomic, one round trip). Only deliveries still
 * leased to the lease and still PENDING move; the attempt is logged either way.
 */
export const recordOutcomesStatement = (rows: number) => {
  const row =
    '(?::uuid, ?::uuid, ?::varchar, ?::int, ?::timestamptz, ?::int, ?::varchar, ?::timestamptz, ?::int)';
  return `with v (attempt_id, id, status, attempts, next_at, code, error, at, duration_ms) as (
      values ${Array.from({ length: rows }, () => row).join(', ')}),
    logged as (
      insert into webhook_attempt (id, delivery_id, attempted_at, status_code, duration_ms, error)
      select attempt_id, id, at, code, duration_ms, error from v)
    update webhook_delivery d set status = v.status, attempts = v.attempts, next_attempt_at = v.next_at,
      last_status_code = v.code, last_error = v.error,
      delivered_at = case when v.status = 'DELIVERED' then v.at else d.delivered_at end,
      locked_until = null, lease_id = null, manual_retry = false, updated_at = ?
    from v where d.id = v.id and d.lease_id = ? and d.status = 'PENDING'`;
};

/** A pass with only successes clears the failure record of the subscriptions that had one. */
export const CLEAR_FAILING = `update webhook_subscription set failing_since = null
  where id in (?) and failing_since is not null`;

/** PENDING deliveries parked because their subscription is PAUSED or DISABLED. */
export const COUNT_PARKED = `select count(*)::int as count from webhook_delivery d
  join webhook_subscription s on s.id = d.subscription_id
  where d.status = 'PENDING' and s.status in ('PAUSED', 'DISABLED')`;

/** An attempt and what it moves its delivery to. */
export interface RecordedAttempt {
  attempt: DeliveryAttempt;
  progress: DeliveryProgress;
}

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

/** The statements' runners: with claim-due.sql.ts, the module's only `em.execute` calls. */
export const webhooksSql = {
  fanOutTargets(em: EntityManager, accountId: string, eventType: string) {
    return em.execute<DeliveryTarget[]>(FAN_OUT_TARGETS, [accountId, eventType]);
  },

  /** The ids inserted; `rows` keyed by column name, every one with the same columns. */
  async insertDeliveries(em: EntityManager, rows: Record<string, unknown>[]): Promise<string[]> {
    const columns = Object.keys(rows[0]);
    const values = rows.flatMap((row) => columns.map((column) => row[column]));
    return ids(await em.execute(insertDeliveriesStatement(columns, rows.length), values));
  },

  async park(em: EntityManager, subscriptionId: string, now: Date): Promise<void> {
    await em.execute(PARK_DELIVERIES, [now, subscriptionId, now]);
  },

  /** The ids woken or failed; `expired`: events older than this are past their retry window. */
  async wake(em: EntityManager, subscriptionId: string, expired: Date, now: Date) {
    return ids(await em.execute(WAKE_DELIVERIES, [expired, expired, expired, now, subscriptionId]));
  },

  /** `dueAt` is null for a subscription that is not ACTIVE: they wait, parked. */
  async recover(
    em: EntityManager,
    p: { subscriptionId: string; since: Date; until: Date | null; dueAt: Date | null; now: Date },
  ): Promise<string[]> {
    const { subscriptionId, since, until, dueAt, now } = p;
    return ids(
      await em.execute(RECOVER_FAILED, [now, dueAt, now, subscriptionId, since, until, until]),
    );
  },

  async retryNow(em: EntityManager, subscriptionId: string, id: string, now: Date) {
    return ids(await em.execute(RETRY_NOW, [now, now, id, subscriptionId, now]));
  },

  async releaseLeases(em: EntityManager, ids: readonly string[], leaseId: string, now: Date) {
    await em.execute(RELEASE_LEASES, [now, now, [...ids], leaseId]);
  },

  async cancelPending(em: EntityManager, subscriptionId: string, now: Date): Promise<void> {
    await em.execute(CANCEL_PENDING, [now, subscriptionId]);
  },

  async recordOutcomes(
    em: EntityManager,
    recorded: readonly RecordedAttempt[],
    leaseId: string,
    now: Date,
  ): Promise<void> {
    await em.execute(recordOutcomesStatement(recorded.length), [
      ...recorded.flatMap(({ attempt: a, progress: p }) => [
        a.id,
        a.deliveryId,
        p.status,
        p.attempts,
        p.nextAttemptAt,
        a.statusCode,
        a.error,
        a.attemptedAt,
        a.durationMs,
      ]),
      now,
      leaseId,
    ]);
  },

  async clearFailing(em: EntityManager, subscriptionIds: readonly string[]): Promise<void> {
    await em.execute(CLEAR_FAILING, [subscriptionIds]);
  },

  async countParked(em: EntityManager): Promise<number> {
    const [row] = await em.execute<{ count: number }[]>(COUNT_PARKED);
    return row.count;
  },
};
