import { EntityManager, JsonType, LockMode } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { OutboxWriter } from '../../outbox';
import { DomainError } from '../../shared/domain';
import { Payment } from '../domain';
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
        ordered.map((p) => this.toColumns(p)),
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
        'concurrent-modification',
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

  async findById(
    accountId: string,
    id: string,
    options: { forUpdate?: boolean } = {},
  ): Promise<Payment | undefined> {
    const payment = await this.em.findOne(
      Payment,
      { id, accountId },
      {
        ...UNTRACKED,
        ...(options.forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {}),
      },
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

  /**
   * A new payment as its table's row, keyed by column name, for the batch insert: the schema's
   * own types convert each field, so the columns are listed nowhere but in the schema.
   */
  private toColumns(payment: Payment): Record<string, unknown> {
    const platform = this.em.getPlatform();
    const fields = payment as unknown as Record<string, unknown>;
    const props = this.em.getMetadata().get(Payment.name).props;
    return Object.fromEntries(
      props.map((prop) => {
        const value = fields[prop.name];
        const stored: unknown = prop.customType
          ? prop.customType.convertToDatabaseValue(value, platform, { mode: 'query' })
          : value;
        // JSON types serialize to text; the row is JSON already, so they go in as objects.
        const json = prop.customType instanceof JsonType && typeof stored === 'string';
        return [prop.fieldNames[0], json ? JSON.parse(stored) : stored];
      }),
    );
  }
}
