import { DomainError } from '../../shared/domain';
import { PAYMENT_ERRORS } from './payment-errors';
import { isTextWithin } from './text-length';

export const FAILURE_REASON_MAX_LENGTH = 500;

/**
 * Why a payout failed, as shown to the client ("beneficiary account closed"): 1..500 characters
 * and not blank, since a FAILED payment without an explanation is useless to whoever must act on it.
 */
export const assertValidFailureReason = (reason: unknown): string => {
  if (!isTextWithin(reason, 1, FAILURE_REASON_MAX_LENGTH) || reason.trim() === '') {
    throw new DomainError(
      'invalid',
      PAYMENT_ERRORS.invalidFailureReason,
      `failureReason must be 1 to ${FAILURE_REASON_MAX_LENGTH} characters and not blank`,
    );
  }
  return reason;
};
