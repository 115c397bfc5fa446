import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The dispatcher's claim, in one statement (one round trip, no lock held past it). Its own file,
 * beside webhooks.sql.ts, so that the bench runs exactly this text (bench/lib/sql.mjs imports it
 * from dist/).
 *
 * - blocked: subscriptions already at WEBHOOK_MAX_IN_FLIGHT_PER_SUBSCRIPTION (unexpired leases, any
 *   instance), and those whose rate window is used up. Their due rows are filtered out of the
 *   due-index scan, untouched: they stay due, and the rows of other subscriptions behind them get
 *   leased (a hanging receiver takes its cap, no more). The scan still passes over those rows'
 *   index entries: a held-back backlog at the head of the queue costs the claim its length.
 *   The filter is on `coalesce(subscription_id, null)`, the same value but an expression without
 *   statistics: on the bare column, with one or two subscriptions holding most due rows, PostgreSQL
 *   estimated that the filter leaves one row, and sorted the whole backlog instead of walking the
 *   due index to the first batch (9 ms instead of 0.8 ms a claim with 30,000 rows due).
 * - subs: the candidates' subscription rows, locked (NO KEY UPDATE, SKIP LOCKED: never waits, so no
 *   deadlock with a PATCH). `seen` is the same rows as of this statement's snapshot: a row whose
 *   version changed after the snapshot (another instance's claim committed in between, or a PATCH)
 *   is skipped this pass, because the in-flight counts and the rate window read here could be stale.
 *   Every claim that leases for a subscription writes its row (`counted`), so this check is exact.
 * - rate limit: `rate_recent` holds the lease times of the last window; a subscription gets at most
 *   rateLimitPerSecond − (leases in the window). Due rows over that are not leased and not attempts:
 *   they stay due, in order; how many were held back is returned with each row (rateHeld).
 */
export const CLAIM_DUE_TEMPLATE = `with blocked as (
    select subscription_id from webhook_delivery
    where status = 'PENDING' and lease_id is not null and locked_until > :now
    group by subscription_id having count(*) >= :cap
    union all
    select id from webhook_subscription
    where rate_limit_per_second is not null
      and (select count(*) from unnest(rate_recent) t where t > :windowStart) >= rate_limit_per_second),
  due as (
    select id, subscription_id, next_attempt_at, manual_retry from webhook_delivery
    where status = 'PENDING' and next_attempt_at <= :now
      and coalesce(subscription_id, null) <> all (array(select subscription_id from blocked))
    order by next_attempt_at limit :overFetch for update skip locked),
  seen as materialized (
    select id, xmin::text as version from webhook_subscription where id in (select subscription_id from due)),
  subs as (
    select s.id, s.status, s.xmin::text as version, s.callback_url, s.secret, s.previous_secret,
      s.previous_secret_expires_at, s.rate_limit_per_second as rate,
      cardinality(array(select t from unnest(s.rate_recent) t where t > :windowStart)) as used
    from webhook_subscription s where s.id in (select subscription_id from due)
    for no key update skip locked),
  inflight as materialized (
    select subscription_id, count(*)::int as n from webhook_delivery
    where status = 'PENDING' and lease_id is not null and locked_until > :now
      and subscription_id in (select id from subs)
    group by subscription_id),
  ranked as (
    select due.id, due.subscription_id, due.next_attempt_at,
      (s.status = 'ACTIVE' or (due.manual_retry and s.status <> 'DELETED')) as sendable,
      row_number() over (partition by due.subscription_id,
        (s.status = 'ACTIVE' or (due.manual_retry and s.status <> 'DELETED'))
        order by due.next_attempt_at, due.id) as nth,
      :cap - coalesce(i.n, 0) as room,
      s.rate - s.used as allowance
    from due join subs s on s.id = due.subscription_id join seen on seen.id = s.id and seen.version = s.version
    left join inflight i on i.subscription_id = s.id),
  allowed as (
    select r.*,
      (not r.sendable or (r.nth <= r.room and (r.allowance is null or r.nth <= r.allowance))) as within,
      coalesce(r.sendable and r.nth <= r.room and r.nth > r.allowance, false) as rate_held
    from ranked r),
  picked as (
    select a.*, row_number() over (partition by a.sendable and a.within order by a.next_attempt_at, a.id) as place
    from allowed a),
  chosen as (
    select * from picked p where not p.sendable or (p.within and p.place <= :limit)),
  counted as (
    update webhook_subscription s set rate_recent = case when s.rate_limit_per_second is null then null
        else array(select t from unnest(s.rate_recent) t where t > :windowStart order by t) || array_fill(:now::timestamptz, array[c.n]) end
    from (select subscription_id, count(*)::int as n from chosen where sendable group by subscription_id) c
    where s.id = c.subscription_id)
  update webhook_delivery d set
    status = case when s.status = 'DELETED' and not c.sendable then 'CANCELLED' else d.status end,
    next_attempt_at = case when c.sendable then :leaseUntil::timestamptz end,
    locked_until = case when c.sendable then :leaseUntil::timestamptz end,
    lease_id = case when c.sendable then :leaseId::uuid end,
    updated_at = :now
  from chosen c, subs s
  where d.id = c.id and s.id = c.subscription_id
  returning d.id, d.subscription_id as "subscriptionId", d.status, s.status as "subscriptionStatus", c.sendable, (select count(*) from allowed where rate_held)::int as "rateHeld",
    d.event_id as "eventId", d.body, d.attempts, d.event_created_at as "eventCreatedAt",
    coalesce(d.retry_window_from, d.event_created_at) as "windowFrom", s.callback_url as "callbackUrl", s.secret,
    s.previous_secret as "previousSecret", s.previous_secret_expires_at as "previousSecretExpiresAt",
    s.rate is not null as "rateLimited"`;

export interface ClaimDueValues {
  now: Date;
  leaseUntil: Date;
  leaseId: string;
  /** Deliveries to lease at most (the pass's batch). */
  limit: number;
  /** WEBHOOK_MAX_IN_FLIGHT_PER_SUBSCRIPTION. */
  cap: number;
  /** The rate window's length (RATE_WINDOW_MS). */
  windowMs: number;
}

/** How many due rows the claim reads for a batch: room to pass over a capped subscription's rows. */
export const OVER_FETCH_FACTOR = 4;

/**
 * The statement with its values in order: `?` placeholders for MikroORM, `$n` for node-postgres.
 */
export function claimDueStatement(
  values: ClaimDueValues,
  placeholders: 'question' | 'dollar' = 'question',
): { sql: string; params: unknown[] } {
  const named: Record<string, unknown> = {
    ...values,
    overFetch: values.limit * OVER_FETCH_FACTOR,
    windowStart: new Date(values.now.getTime() - values.windowMs),
  };
  const params: unknown[] = [];
  const sql = CLAIM_DUE_TEMPLATE.replace(/(?<!:):([a-zA-Z]+)/g, (_, name: string) => {
    if (!(name in named)) throw new Error(`claim statement: no value for :${name}`);
    params.push(named[name]);
    return placeholders === 'question' ? '?' : `$${params.length}`;
  });
  return { sql, params };
}

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
  /** Its subscription has a rateLimitPerSecond: its attempt must start close to the claim. */
  rateLimited: boolean;
}

/** A claimed row: sendable ones are leased; the others were cancelled or parked by the claim. */
export type ClaimedRow = ClaimedDelivery & { sendable: boolean; rateHeld: number };

/** Runs the claim: the module's only other `em.execute` besides webhooks.sql.ts. */
export function claimDue(em: EntityManager, values: ClaimDueValues): Promise<ClaimedRow[]> {
  const { sql, params } = claimDueStatement(values);
  return em.execute<ClaimedRow[]>(sql, params);
}
