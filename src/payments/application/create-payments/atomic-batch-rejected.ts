import { DomainError } from '../../../shared/domain';
import { PAYMENT_ERRORS } from '../../domain';
import { type RejectedItem, rejectedField } from './payment-request';

/**
 * An atomic batch with rejected items writes nothing. The answer names every rejected item; it is
 * a conflict when each of them is an idempotency conflict, else unprocessable.
 */
export function atomicBatchRejected(rejected: RejectedItem[]): DomainError {
  const conflictsOnly = rejected.every((r) => r.error.code === PAYMENT_ERRORS.idempotencyConflict);
  return new DomainError(
    conflictsOnly ? 'conflict' : 'unprocessable',
    conflictsOnly ? PAYMENT_ERRORS.idempotencyConflict : PAYMENT_ERRORS.batchRejected,
    `${rejected.length} payment(s) of the atomic batch were rejected; nothing was written`,
    rejected.map((r) => ({ field: rejectedField(r), code: r.error.code, message: r.error.detail })),
  );
}
