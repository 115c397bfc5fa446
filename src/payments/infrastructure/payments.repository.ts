import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { OutboxWriter } from '../../outbox';
import { DomainError } from '../../shared/domain';
import { tableRow } from '../../shared/infrastructure/table-row';
import { untrackedEntity } from '../../shared/infrastructure/untracked-entity';
import { Payment, PAYMENT_ERRORS } from '../domain';
import { paymentsSql } from './payments.sql';

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
 * Payments are read without the identity map: their moves are written by the one conditional
 * UPDATE below (the optimistic lock), so the unit of work must not write them a second time.
 */
const UNTRACKED = { disableIdentityMap: true } as const;

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
    const inserted = new Set(
      await paymentsSql.insertNew(
        this.em,
        ordered.map((p) => tableRow(this.em, p)),
      ),
    );
    const written = payments.filter((p) => inserted.has(p.id));
    await this.outbox.append(written.flatMap((p) => p.pullEvents()));
    written.forEach((p) => p.markPersisted());
    return inserted;
  }

  /** Writes a changed payment if nobody changed it since it was read (optimistic lock). */
  async save(payment: Payment): Promise<void> {
    const updated = await paymentsSql.updateOutcome(this.em, {
      status: payment.status,
      failureReason: payment.failureReason,
      version: payment.version,
      updatedAt: payment.updatedAt,
      id: payment.id,
      expectedVersion: payment.persistedVersion,
    });
    if (updated !== 1) {
      throw new DomainError(
        'conflict',
        PAYMENT_ERRORS.concurrentModification,
        `payment ${payment.id} was changed by another request, retry`,
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
    const found = await this.em.find(
      Payment,
      { accountId, externalRef: { $in: [...refs] } },
      UNTRACKED,
    );
    return new Map(found.map((payment) => [payment.externalRef, payment]));
  }

  /** A payment to read: mapped by the ORM from one named statement (the hot path of a GET). */
  async findById(accountId: string, id: string): Promise<Payment | undefined> {
    const row = await paymentsSql.selectPayment(this.em, accountId, id);
    return row && untrackedEntity(this.em, Payment, row);
  }

  /** A payment to move: its row stays locked until the transaction ends. */
  async findForUpdate(accountId: string, id: string): Promise<Payment | undefined> {
    const payment = await this.em.findOne(
      Payment,
      { id, accountId },
      { ...UNTRACKED, lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    return payment ?? undefined;
  }

  /** Newest first; `limit` rows at most. */
  async list(accountId: string, filter: PaymentFilter, limit: number): Promise<Payment[]> {
    const { externalRef, status, createdFrom, createdTo, beforeId } = filter;
    // The aggregate keeps status and createdAt private; the schema names them `current`, `created`.
    const where: Record<string, unknown> = { accountId };
    if (externalRef !== undefined) where.externalRef = externalRef;
    if (status !== undefined) where.current = status;
    if (createdFrom || createdTo) {
      where.created = {
        ...(createdFrom ? { $gte: createdFrom } : {}),
        ...(createdTo ? { $lt: createdTo } : {}),
      };
    }
    if (beforeId !== undefined) where.id = { $lt: beforeId };
    return this.em.find(Payment, where, {
      ...UNTRACKED,
      orderBy: { id: 'desc' },
      limit,
    });
  }
}
