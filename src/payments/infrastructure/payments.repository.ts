import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { OutboxWriter } from '../../outbox';
import { DomainError } from '../../shared/domain';
import { whereAll } from '../../shared/infrastructure/where-all';
import type { Payment } from '../domain';
import {
  insertValues,
  PAYMENT_COLUMNS,
  PAYMENT_INSERT_COLUMNS,
  PAYMENT_INSERT_PLACEHOLDERS,
  toPayment,
} from './payment.mapper';
import type { PaymentRecord } from './payment.schema';

export interface PaymentFilter {
  externalRef?: string;
  status?: string;
  /** Created at or after. */
  createdFrom?: Date;
  /** Created before. */
  createdTo?: Date;
  /** Only payments older than this id (the cursor). */
  beforeId?: string;
}

/**
 * Stores Payment aggregates. Every write also appends the aggregate's recorded events to the
 * outbox in the same transaction, so no code path can change a payment without its event.
 */
@Injectable()
export class PaymentsRepository {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: OutboxWriter,
  ) {}

  /**
   * Inserts new payments; one whose (account, externalRef) is taken, even by a transaction still
   * in flight, is skipped (PostgreSQL waits for that transaction first). Returns the inserted ids.
   */
  async insertNew(payments: readonly Payment[]): Promise<Set<string>> {
    if (payments.length === 0) return new Set();
    // Rows in key order: two batches sharing externalRefs then wait on each other in one order
    // only, so they cannot deadlock.
    const ordered = [...payments].sort((a, b) =>
      a.externalRef < b.externalRef ? -1 : a.externalRef > b.externalRef ? 1 : 0,
    );
    const rows = await this.em.execute<{ id: string }[]>(
      `insert into payment (${PAYMENT_INSERT_COLUMNS}) values ${ordered.map(() => PAYMENT_INSERT_PLACEHOLDERS).join(', ')}
       on conflict (account_id, external_ref) do nothing returning id`,
      ordered.flatMap(insertValues),
    );
    const inserted = new Set(rows.map((r) => r.id));
    const written = payments.filter((p) => inserted.has(p.id));
    await this.outbox.append(written.flatMap((p) => p.pullEvents()));
    written.forEach((p) => p.markPersisted());
    return inserted;
  }

  /** Writes a changed payment if nobody changed it since it was read (optimistic lock). */
  async save(payment: Payment): Promise<void> {
    const s = payment.toState();
    const result = await this.em.execute<{ affectedRows: number }>(
      'update payment set status = ?, failure_reason = ?, version = ?, updated_at = ? where id = ? and version = ?',
      [s.status, s.failureReason, s.version, s.updatedAt, s.id, payment.persistedVersion],
      'run',
    );
    if (result.affectedRows !== 1) {
      throw new DomainError(
        'conflict',
        'concurrent-modification',
        `payment ${s.id} was changed by another request, retry`,
      );
    }
    await this.outbox.append(payment.pullEvents());
    payment.markPersisted();
  }

  async findByExternalRefs(
    accountId: string,
    refs: readonly string[],
  ): Promise<Map<string, Payment>> {
    if (refs.length === 0) return new Map();
    const rows = await this.em.execute<PaymentRecord[]>(
      `select ${PAYMENT_COLUMNS} from payment where account_id = ? and external_ref in (?)`,
      [accountId, [...refs]],
    );
    return new Map(rows.map((row) => [row.externalRef, toPayment(row)]));
  }

  async findById(
    accountId: string,
    id: string,
    options: { forUpdate?: boolean } = {},
  ): Promise<Payment | undefined> {
    const [row] = await this.em.execute<PaymentRecord[]>(
      `select ${PAYMENT_COLUMNS} from payment where id = ? and account_id = ?${options.forUpdate ? ' for update' : ''}`,
      [id, accountId],
    );
    return row ? toPayment(row) : undefined;
  }

  /** Newest first; `limit` rows at most. */
  async list(accountId: string, filter: PaymentFilter, limit: number): Promise<Payment[]> {
    const where = whereAll([
      ['account_id = ?', accountId],
      ['external_ref = ?', filter.externalRef],
      ['status = ?', filter.status],
      ['created_at >= ?', filter.createdFrom],
      ['created_at < ?', filter.createdTo],
      ['id < ?', filter.beforeId],
    ]);
    const rows = await this.em.execute<PaymentRecord[]>(
      `select ${PAYMENT_COLUMNS} from payment where ${where.sql} order by id desc limit ?`,
      [...where.params, limit],
    );
    return rows.map(toPayment);
  }
}
