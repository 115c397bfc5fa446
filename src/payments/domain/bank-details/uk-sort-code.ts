import { DomainError } from '../../../shared/domain';
import { PAYMENT_ERRORS } from '../payment-errors';

/**
 * A UK sort code: 6 digits, often written 12-34-56 or 12 34 56. Stored as the 6 digits, so the
 * written forms are one bank branch (and one payment when retried).
 */
export class UkSortCode {
  private constructor(readonly value: string) {}

  static parse(raw: string): UkSortCode {
    if (!/^\d{2}([- ]?)\d{2}\1\d{2}$/.test(raw)) {
      throw new DomainError(
        'invalid',
        PAYMENT_ERRORS.invalidSortCode,
        'is not a valid sort code (6 digits, e.g. 40-47-84)',
      );
    }
    return new UkSortCode(raw.replace(/[- ]/g, ''));
  }
}

/** A UK account number paired with a sort code: 8 digits. */
export class UkAccountNumber {
  private constructor(readonly value: string) {}

  static parse(raw: string): UkAccountNumber {
    if (!/^\d{8}$/.test(raw)) {
      throw new DomainError(
        'invalid',
        PAYMENT_ERRORS.invalidAccountNumber,
        'is not a UK account number (8 digits)',
      );
    }
    return new UkAccountNumber(raw);
  }
}
