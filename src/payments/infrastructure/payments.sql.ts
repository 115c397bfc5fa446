import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The Payments module's raw SQL: only the statements where SQL itself is the point. Everything
 * else goes through the ORM. Placeholders are MikroORM's `?`; the bench imports these from dist
 * (numbering them for pg) so its ceilings run exactly what the service runs.
 */

/**
 * Inserts new payments, skipping any whose (account, externalRef) is taken, even by a transaction
 * still in flight (PostgreSQL waits for it first), and returns the ids it inserted. The one
 * parameter is a JSON array of rows keyed by column name, so the table's own row type reads them.
 */
export const INSERT_NEW_PAYMENTS = `insert into payment
  select * from jsonb_populate_recordset(null::payment, ?::jsonb)
  on conflict (account_id, external_ref) do nothing returning id`;

/** A status move, only if nobody moved the payment since it was read (the optimistic lock). */
export const UPDATE_PAYMENT_OUTCOME = `update payment set status = ?, failure_reason = ?, version = ?, updated_at = ?
  where id = ? and version = ?`;

/**
 * One payment of one account: the hot read of `GET /payments/{id}`. Raw because the ORM's
 * `findOne` costs three times the CPU of this statement plus `em.map` (bench note of issue 14).
 */
export const SELECT_PAYMENT = `select * from payment where id = ? and account_id = ?`;

/** The simulator's due jobs, each claimed by one instance only. */
export const CLAIM_DUE_PAYOUT_JOBS = `select * from payout_job where due_at <= ?
  order by due_at limit ? for update skip locked`;

/**
 * The export's server-side cursor (pg-query-stream, so `$n` placeholders): oldest first, as a
 * statement reads; (account_id, created_at, id) serves it without a sort. Optional filters are
 * null when absent.
 */
export const EXPORT_PAYMENTS = `select * from payment
  where account_id = $1 and ($2::text is null or status = $2)
    and ($3::timestamptz is null or created_at >= $3) and ($4::timestamptz is null or created_at < $4)
  order by created_at, id`;

/** The statements' runners: the module's only `em.execute` calls. */
export const paymentsSql = {
  /** The ids inserted; `rows` keyed by column name. */
  async insertNew(em: EntityManager, rows: readonly Record<string, unknown>[]): Promise<string[]> {
    const inserted = await em.execute<{ id: string }[]>(INSERT_NEW_PAYMENTS, [
      JSON.stringify(rows),
    ]);
    return inserted.map((r) => r.id);
  },

  /** Rows updated: 1, or 0 when another writer moved the payment first. */
  async updateOutcome(em: EntityManager, move: OutcomeUpdate): Promise<number> {
    const { status, failureReason, version, updatedAt, id, expectedVersion } = move;
    const result = await em.execute<{ affectedRows: number }>(
      UPDATE_PAYMENT_OUTCOME,
      [status, failureReason, version, updatedAt, id, expectedVersion],
      'run',
    );
    return result.affectedRows;
  },

  /** The payment's row by column name (for the ORM's mapping), if it is the account's. */
  async selectPayment(
    em: EntityManager,
    accountId: string,
    id: string,
  ): Promise<Record<string, unknown> | undefined> {
    const [row] = await em.execute<Record<string, unknown>[]>(SELECT_PAYMENT, [id, accountId]);
    return row;
  },

  /** The claimed jobs' rows, by column name (for `em.map`). */
  claimDuePayoutJobs(
    em: EntityManager,
    now: Date,
    limit: number,
  ): Promise<Record<string, unknown>[]> {
    return em.execute<Record<string, unknown>[]>(CLAIM_DUE_PAYOUT_JOBS, [now, limit]);
  },
};

export interface OutcomeUpdate {
  status: string;
  failureReason: string | null;
  version: number;
  updatedAt: Date;
  id: string;
  expectedVersion: number | null;
}
