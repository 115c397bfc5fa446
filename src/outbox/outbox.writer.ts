import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Transactions } from '../database/transactions';
import type { DomainEvent } from '../shared/domain';
import { OutboxSignal } from './outbox-signal';
import { outboxSql } from './outbox.sql';

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
    await outboxSql.append(this.em, events);
    this.transactions.afterCommit(() => this.signal.nudge());
  }
}
