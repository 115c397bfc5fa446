import { DomainError } from '../../shared/domain';
import type { Payment } from './payment';
import type { PaymentDetails } from './payment-details';

export type IdempotentOutcome = 'replay' | 'conflict';

/**
 * The idempotency rule: a request naming an externalRef the account has already paid is a replay
 * (answer with the stored payment) when its content is the stored payment's, and a conflict when
 * it is anything else, including content that cannot even be read as payment details.
 */
export function idempotentOutcome(
  stored: Payment,
  requested: () => PaymentDetails,
): IdempotentOutcome {
  try {
    return stored.details.sameContentAs(requested()) ? 'replay' : 'conflict';
  } catch (error) {
    if (error instanceof DomainError) return 'conflict';
    throw error;
  }
}

/** What a conflict tells the client. */
export const idempotencyConflictDetail = (stored: Payment): string =>
  `externalRef ${stored.externalRef} was already used for a payment with different content (${stored.id})`;
