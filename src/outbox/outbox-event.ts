import type { DomainEvent } from '../shared/domain';

/**
 * A committed event in the outbox, as the relay publishes it and the events API reads it: the
 * fact its writer recorded, plus the relay's bookkeeping (when it was published, how often its
 * handlers failed, when it may be tried again, and why it last failed).
 */
export class OutboxEvent implements DomainEvent {
  readonly id: string;
  readonly type: string;
  readonly aggregateId: string;
  readonly accountId: string;
  readonly payload: Record<string, unknown>;
  readonly occurredAt: Date;
  readonly publishedAt: Date | null = null;
  readonly attempts: number = 0;
  /** A new event may be published at once; a failing one waits (OutboxRetryPolicy). */
  readonly availableAt: Date;
  readonly lastError: string | null = null;

  constructor(event: DomainEvent) {
    this.id = event.id;
    this.type = event.type;
    this.aggregateId = event.aggregateId;
    this.accountId = event.accountId;
    this.payload = event.payload;
    this.occurredAt = event.occurredAt;
    this.availableAt = event.occurredAt;
  }
}
