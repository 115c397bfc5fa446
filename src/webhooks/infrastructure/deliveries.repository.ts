import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { tableRow } from '../../shared/infrastructure/table-row';
import type { DomainEvent } from '../../shared/domain';
import {
  Delivery,
  type DeliveryProgress,
  type DeliveryStatus,
  type DeliveryTarget,
} from '../domain/delivery';
import { type AttemptResult, DeliveryAttempt } from '../domain/delivery-attempt';
import { RATE_WINDOW_MS } from '../domain/rate-window';
import { claimDue, type ClaimedDelivery } from './claim-due.sql';
import { webhooksSql } from './webhooks.sql';

export type { ClaimedDelivery } from './claim-due.sql';

export interface DeliveryOutcome {
  id: string;
  subscriptionId: string;
  eventCreatedAt: Date;
  attemptedAt: Date;
  result: AttemptResult;
  progress: DeliveryProgress;
}

/**
 * Deliveries move only by set-based statements (webhooks.sql.ts, claim-due.sql.ts), never by the
 * unit of work: they are read untracked, so a read after such a statement sees its effect.
 */
const UNTRACKED = { disableIdentityMap: true } as const;

@Injectable()
export class DeliveriesRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * One delivery per subscription (Delivery.of); an event relayed twice creates none the second
   * time. Returns how many it created.
   */
  async createFor(
    event: Pick<DomainEvent, 'id' | 'type' | 'accountId' | 'occurredAt'>,
    subscriptions: readonly DeliveryTarget[],
    body: string,
    now: Date,
  ): Promise<number> {
    if (subscriptions.length === 0) return 0;
    const rows = subscriptions.map((s) => tableRow(this.em, Delivery.of(event, s, body, now)));
    return (await webhooksSql.insertDeliveries(this.em, rows)).length;
  }

  /**
   * Parks the subscription's waiting deliveries (paused or disabled): no next attempt until it is
   * ACTIVE again. One being sent right now keeps its lease; the claim parks it when due again.
   */
  park(subscriptionId: string, now: Date): Promise<void> {
    return webhooksSql.park(this.em, subscriptionId, now);
  }

  /**
   * Wakes the parked deliveries of a subscription that is ACTIVE again: each becomes due at its
   * event's time, so the claim (in next_attempt_at order) sends the oldest event first. Those whose
   * event is already older than the retry window are FAILED instead (and can be recovered).
   */
  async wake(subscriptionId: string, now: Date, windowMs: number): Promise<number> {
    const expired = new Date(now.getTime() - windowMs);
    return (await webhooksSql.wake(this.em, subscriptionId, expired, now)).length;
  }

  /**
   * Leases due deliveries to `leaseId` in one short statement (claim-due.sql.ts): they are
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
    const rows = await claimDue(this.em, {
      now,
      leaseUntil,
      leaseId,
      limit,
      cap,
      windowMs: RATE_WINDOW_MS,
    });
    // A manual retry is the owner's explicit request: it goes out even while paused or disabled.
    const leased = rows.filter((row) => row.sendable);
    return { leased, claimed: rows.length, rateHeld: rows[0]?.rateHeld ?? 0 };
  }

  /** Hands leased deliveries back unsent (see WebhookDispatcher: a rate-limited attempt too late). */
  async release(ids: readonly string[], leaseId: string, now: Date): Promise<void> {
    if (ids.length > 0) await webhooksSql.releaseLeases(this.em, ids, leaseId, now);
  }

  /**
   * Sends the FAILED deliveries whose event lies in [since, until) again, with a fresh retry
   * window from `now` and the backoff started over. A subscription that is not ACTIVE keeps them
   * waiting (parked) like its other deliveries.
   */
  async recover(
    subscription: DeliveryTarget,
    since: Date,
    until: Date | undefined,
    now: Date,
  ): Promise<number> {
    const recovered = await webhooksSql.recover(this.em, {
      subscriptionId: subscription.id,
      since,
      until: until ?? null,
      dueAt: subscription.isActive ? now : null,
      now,
    });
    return recovered.length;
  }

  /** Whether a delivery of the subscription leased at or before `leasedBy` is still being sent. */
  async sendingSince(subscriptionId: string, leasedBy: Date, now: Date): Promise<boolean> {
    const leased = await this.em.findOne(
      Delivery,
      {
        subscriptionId,
        status: 'PENDING',
        leaseId: { $ne: null },
        lockedUntil: { $gt: now },
        updatedAt: { $lte: leasedBy },
      },
      { ...UNTRACKED, fields: ['id'] },
    );
    return leased !== null;
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
    const recorded = outcomes.map((o) => ({
      attempt: DeliveryAttempt.of(o.id, o.attemptedAt, o.result),
      progress: o.progress,
    }));
    await webhooksSql.recordOutcomes(this.em, recorded, leaseId, now);
  }

  /** Newest first; `limit` rows at most, older than `beforeId` when given (the cursor). */
  listForSubscription(
    subscriptionId: string,
    filter: { status?: DeliveryStatus; beforeId?: string },
    limit: number,
  ): Promise<Delivery[]> {
    const { status, beforeId } = filter;
    return this.em.find(
      Delivery,
      { subscriptionId, status, id: beforeId === undefined ? undefined : { $lt: beforeId } },
      { ...UNTRACKED, orderBy: { id: 'desc' }, limit },
    );
  }

  /** Each delivery's attempts, oldest first. */
  async attemptsOf(deliveries: readonly Delivery[]): Promise<Map<string, DeliveryAttempt[]>> {
    const log = new Map(deliveries.map((d) => [d.id, [] as DeliveryAttempt[]]));
    if (deliveries.length === 0) return log;
    const attempts = await this.em.find(
      DeliveryAttempt,
      { deliveryId: { $in: [...log.keys()] } },
      { ...UNTRACKED, orderBy: { attemptedAt: 'asc', id: 'asc' } },
    );
    for (const attempt of attempts) log.get(attempt.deliveryId)!.push(attempt);
    return log;
  }

  /** Makes a delivery of an active subscription due now, whatever its state; CANCELLED ones stay. */
  async retryNow(
    subscriptionId: string,
    deliveryId: string,
    now: Date,
  ): Promise<Delivery | undefined> {
    const retried = await webhooksSql.retryNow(this.em, subscriptionId, deliveryId, now);
    // Being sent right now: it needs no second send, the answer shows it as it is.
    const status = retried.length === 0 ? 'PENDING' : undefined;
    const delivery = await this.em.findOne(
      Delivery,
      { id: deliveryId, subscriptionId, status },
      UNTRACKED,
    );
    return delivery ?? undefined;
  }

  /** Deliveries waiting for their first or next attempt (a gauge, read outside any request). */
  countPending(): Promise<number> {
    return this.em.fork().count(Delivery, { status: 'PENDING' });
  }

  /** PENDING deliveries parked because their subscription is PAUSED or DISABLED (a gauge). */
  countParked(): Promise<number> {
    return webhooksSql.countParked(this.em);
  }

  /** A deleted subscription's undelivered deliveries stop, in the caller's transaction. */
  cancelPending(subscriptionId: string, now: Date): Promise<void> {
    return webhooksSql.cancelPending(this.em, subscriptionId, now);
  }
}
