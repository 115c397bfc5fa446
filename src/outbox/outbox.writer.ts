import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Transactions } from '../database/transactions';
import type { DomainEvent } from '../shared/domain';
import { OutboxSignal } from './outbox-signal';

/**
 * Appends events to the outbox in the caller's transaction: the event exists exactly when the
 * change that caused it was committed.
 */
@Injectable()
export class OutboxWriter {
  constructor(
    private readonly em: EntityManager,
    private readonly transactions: Transactions,
    private readonly signal: OutboxSignal,
  ) {}

  async append(events: readonly DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    const values = events.map(() => '(?, ?, ?, ?, ?::jsonb, ?, ?)').join(', ');
    const params = events.flatMap((e) => [
      e.id,
      e.type,
      e.aggregateId,
      e.accountId,
      JSON.stringify(e.payload),
      e.occurredAt,
      e.occurredAt,
    ]);
    await this.em.execute(
      `insert into outbox_event (id, type, aggregate_id, account_id, payload, occurred_at, available_at) values ${values}`,
      params,
    );
    this.transactions.afterCommit(() => this.signal.nudge());
  }
}
