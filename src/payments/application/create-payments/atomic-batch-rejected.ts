import { DomainError } from '../../../shared/domain';
import { type RejectedItem, rejectedField } from './payment-request';

/**
 * An atomic batch with rejected items writes nothing. The answer names every rejected item; it is
 * a conflict when each of them is an idempotency conflict, else unprocessable.
 */
export function atomicBatchRejected(rejected: RejectedItem[]): DomainError {
  const conflictsOnly = rejected.every((r) => r.error.code === 'idempotency-conflict');
  return new DomainError(
    conflictsOnly ? 'conflict' : 'unprocessable',
    conflictsOnly ? 'idempotency-conflict' : 'batch-rejected',
    `${rejected.length} payment(s) of the atomic batch were rejected; nothing was written`,
    rejected.map((r) => ({ field: rejectedField(r), code: r.error.code, message: r.error.detail })),
  );
}
