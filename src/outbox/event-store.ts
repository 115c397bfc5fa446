import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '../shared/domain';
import { whereAll } from '../shared/infrastructure/where-all';

export interface EventFilter {
  types: readonly string[];
  type?: string;
  aggregateId?: string;
  from?: Date;
  to?: Date;
  beforeId?: string;
}

const COLUMNS = `id, type, aggregate_id as "aggregateId", account_id as "accountId", payload, occurred_at as "occurredAt"`;

const toEvent = (row: DomainEvent): DomainEvent => ({
  ...row,
  occurredAt: new Date(row.occurredAt),
});

/**
 * The outbox read as the events store (ADR 10): every row is an event as it was published, kept
 * for EVENT_RETENTION_DAYS. Each query starts with the account and has an index of its own.
 */
@Injectable()
export class EventStore {
  constructor(private readonly em: EntityManager) {}

  /** Newest first. */
  async list(accountId: string, filter: EventFilter, limit: number): Promise<DomainEvent[]> {
    const where = whereAll([
      ['account_id = ?', accountId],
      ['type in (?)', filter.type === undefined ? [...filter.types] : undefined],
      ['type = ?', filter.type],
      ['aggregate_id = ?', filter.aggregateId],
      ['occurred_at >= ?', filter.from],
      ['occurred_at < ?', filter.to],
      ['id < ?', filter.beforeId],
    ]);
    const rows = await this.em.execute<DomainEvent[]>(
      `select ${COLUMNS} from outbox_event where ${where.sql} order by id desc limit ?`,
      [...where.params, limit],
    );
    return rows.map(toEvent);
  }

  async get(
    accountId: string,
    id: string,
    types: readonly string[],
  ): Promise<DomainEvent | undefined> {
    const [row] = await this.em.execute<DomainEvent[]>(
      `select ${COLUMNS} from outbox_event where id = ? and account_id = ? and type in (?)`,
      [id, accountId, [...types]],
    );
    return row && toEvent(row);
  }

  /** One aggregate's events, oldest first. */
  async history(accountId: string, aggregateId: string, limit: number): Promise<DomainEvent[]> {
    const rows = await this.em.execute<DomainEvent[]>(
      `select ${COLUMNS} from outbox_event where account_id = ? and aggregate_id = ? order by id limit ?`,
      [accountId, aggregateId, limit],
    );
    return rows.map(toEvent);
  }
}
