import type { CountryCode, Money } from '../../shared/domain';
import type { Beneficiary } from './beneficiary';
import type { PaymentStatus } from './payment-status';

/**
 * Everything a payment is made of, as a repository stores and reloads it (`Payment.toState()` /
 * `Payment.restore()`). Money stays as Money (minor units + currency), never a float or a string.
 */
export interface PaymentState {
  readonly id: string;
  readonly accountId: string;
  readonly externalRef: string;
  readonly quoteId: string;
  readonly amount: Money;
  readonly country: CountryCode;
  /** The quote's fee, in the payment's currency; may be zero. */
  readonly fee: Money;
  readonly beneficiary: Beneficiary;
  readonly reference: string | null;
  readonly purpose: string | null;
  /** `{}` when the client sent none. */
  readonly metadata: Readonly<Record<string, string>>;
  readonly status: PaymentStatus;
  /** Set when, and only when, the status is FAILED. */
  readonly failureReason: string | null;
  /** 1 at creation, +1 at every change: the optimistic lock and the webhook ordering key. */
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/**
 * Invariants no client input can break, only a bug or a damaged row: refusing such a state with a
 * plain Error (a 500, not a 4xx) keeps a corrupt payment from being served or moved further.
 */
export const assertConsistentPaymentState = (state: PaymentState): void => {
  const problem = findInconsistency(state);
  if (problem) throw new Error(`inconsistent payment ${state.id}: ${problem}`);
};

const findInconsistency = (s: PaymentState): string | null => {
  if (s.fee.currency.code !== s.amount.currency.code) return 'fee and amount currencies differ';
  if (s.fee.minor < 0n) return 'fee is negative';
  if (!Number.isSafeInteger(s.version) || s.version < 1)
    return `version ${s.version} is not a positive integer`;
  if ((s.status === 'FAILED') !== (s.failureReason !== null))
    return 'failureReason must be set exactly when FAILED';
  if (!isValidDate(s.createdAt) || !isValidDate(s.updatedAt))
    return 'timestamps must be valid dates';
  return null;
};

export const isValidDate = (value: unknown): value is Date =>
  value instanceof Date && !Number.isNaN(value.getTime());
