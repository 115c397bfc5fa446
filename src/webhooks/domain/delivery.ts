import { type DomainEvent, newId } from '../../shared/domain';
import type { AttemptResult, DeliveryAttempt, DeliveryAttemptView } from './delivery-attempt';
import type { RetryPolicy } from './retry-policy';
import type { Subscription } from './subscription';

export type DeliveryStatus = 'PENDING' | 'DELIVERED' | 'FAILED' | 'CANCELLED';

/** What a delivery needs of its subscription. */
export type DeliveryTarget = Pick<Subscription, 'id' | 'isActive'>;

/** The next state of a delivery after an attempt. */
export interface DeliveryProgress {
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
}

/** Only an HTTP 200 that arrived whole counts as delivered: any other status, a redirect included, is a failure. */
export const isDelivered = (result: AttemptResult): boolean =>
  result.statusCode === 200 && result.error === null;

/** Only 429 and 503 may ask the sender to wait longer. */
export const mayAskToWait = (statusCode: number | null): boolean =>
  statusCode === 429 || statusCode === 503;

/**
 * Decides what happens after an attempt: delivered, retried later with backoff, or given up
 * once the next attempt would fall outside the retry window of the event. The dispatcher applies
 * it to the rows its claim leased, without loading Delivery objects.
 */
export function afterAttempt(input: {
  attempts: number;
  eventCreatedAt: Date;
  result: AttemptResult;
  now: Date;
  policy: RetryPolicy;
}): DeliveryProgress {
  const attempts = input.attempts + 1;
  if (isDelivered(input.result)) return { status: 'DELIVERED', attempts, nextAttemptAt: null };
  const nextAttemptAt = input.policy.nextAttemptAt({
    eventCreatedAt: input.eventCreatedAt,
    failedAttempts: attempts,
    now: input.now,
    retryAfterMs: mayAskToWait(input.result.statusCode) ? input.result.retryAfterMs : undefined,
  });
  return nextAttemptAt
    ? { status: 'PENDING', attempts, nextAttemptAt }
    : { status: 'FAILED', attempts, nextAttemptAt: null };
}

/**
 * One event on its way to one subscription, with the same body on every attempt. Mapped as it is
 * by the ORM (infrastructure/delivery.schema.ts); its moves after creation are set-based
 * statements (the claim, the outcomes, park, wake, recover, retry), never a loaded object's.
 */
export class Delivery {
  readonly id: string = newId();
  readonly status: DeliveryStatus = 'PENDING';
  readonly attempts: number = 0;
  readonly lockedUntil: Date | null = null;
  readonly leaseId: string | null = null;
  readonly lastStatusCode: number | null = null;
  readonly lastError: string | null = null;
  /** Where the retry window starts when it is not the event's time (a recovered delivery). */
  readonly retryWindowFrom: Date | null = null;
  /** The owner asked for this attempt (manual retry): it is sent whatever the subscription's status. */
  readonly manualRetry: boolean = false;
  readonly deliveredAt: Date | null = null;
  readonly accountId: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly eventCreatedAt: Date;
  readonly updatedAt: Date;

  private constructor(
    event: Pick<DomainEvent, 'id' | 'type' | 'accountId' | 'occurredAt'>,
    readonly subscriptionId: string,
    readonly body: string,
    readonly nextAttemptAt: Date | null,
    readonly createdAt: Date,
  ) {
    this.accountId = event.accountId;
    this.eventId = event.id;
    this.eventType = event.type;
    this.eventCreatedAt = event.occurredAt;
    this.updatedAt = createdAt;
  }

  /**
   * The delivery of `event` to a subscription that wants it. One that is not ACTIVE gets it
   * parked (no next attempt): it waits until the subscription is ACTIVE again.
   */
  static of(
    event: Pick<DomainEvent, 'id' | 'type' | 'accountId' | 'occurredAt'>,
    subscription: DeliveryTarget,
    body: string,
    now: Date,
  ): Delivery {
    return new Delivery(event, subscription.id, body, subscription.isActive ? now : null, now);
  }

  /** Only a PENDING delivery has a next attempt; the attempts are this delivery's, oldest first. */
  toView(attempts: readonly DeliveryAttempt[]): DeliveryView {
    return {
      id: this.id,
      eventId: this.eventId,
      eventType: this.eventType,
      status: this.status,
      attempts: attempts.map((a) => a.toView()),
      nextAttemptAt: this.status === 'PENDING' ? iso(this.nextAttemptAt) : null,
      createdAt: this.createdAt.toISOString(),
      deliveredAt: iso(this.deliveredAt),
    };
  }
}

export interface DeliveryView {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attempts: DeliveryAttemptView[];
  nextAttemptAt: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString());
