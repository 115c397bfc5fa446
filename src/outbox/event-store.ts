import { EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '../shared/domain';
import { OutboxEvent } from './outbox-event';

export interface EventFilter {
  types: readonly string[];
  type?: string;
  aggregateId?: string;
  from?: Date;
  to?: Date;
  beforeId?: string;
}

/** Read-only: nothing read here is changed, so nothing is kept in the unit of work. */
const UNTRACKED = { disableIdentityMap: true } as const;

/**
 * The outbox read as the events store (ADR 10): every row is an event as it was published, kept
 * for EVENT_RETENTION_DAYS. Each query starts with the account and has an index of its own.
 */
@Injectable()
export class EventStore {
  constructor(private readonly em: EntityManager) {}

  /** Newest first. */
  async list(accountId: string, filter: EventFilter, limit: number): Promise<DomainEvent[]> {
    const { types, type, aggregateId, from, to, beforeId } = filter;
    const where: FilterQuery<OutboxEvent> = { accountId, type: type ?? { $in: [...types] } };
    if (aggregateId !== undefined) where.aggregateId = aggregateId;
    if (from || to) {
      where.occurredAt = { ...(from ? { $gte: from } : {}), ...(to ? { $lt: to } : {}) };
    }
    if (beforeId !== undefined) where.id = { $lt: beforeId };
    return this.em.find(OutboxEvent, where, { ...UNTRACKED, orderBy: { id: 'desc' }, limit });
  }

  async get(
    accountId: string,
    id: string,
    types: readonly string[],
  ): Promise<DomainEvent | undefined> {
    const event = await this.em.findOne(
      OutboxEvent,
      { accountId, id, type: { $in: [...types] } },
      UNTRACKED,
    );
    return event ?? undefined;
  }

  /** One aggregate's events, oldest first. */
  async history(accountId: string, aggregateId: string, limit: number): Promise<DomainEvent[]> {
    return this.em.find(
      OutboxEvent,
      { accountId, aggregateId },
      { ...UNTRACKED, orderBy: { id: 'asc' }, limit },
    );
  }
}
