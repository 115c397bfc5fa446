import { DomainError } from '../../../shared/domain';
import { PAYMENT_ERRORS } from '../payment-errors';

/** 4 letters of bank, a 0 reserved for future use, 6 letters or digits of branch (RBI). */
const IFSC = /^[A-Z]{4}0[A-Z0-9]{6}$/;

/**
 * An Indian Financial System Code. The format is all a payer can check: the RBI publishes the
 * list of branches, but no maintained npm package carries it (ADR 0009). Kept upper case.
 */
export class Ifsc {
  private constructor(readonly value: string) {}

  static parse(raw: string): Ifsc {
    const value = raw.toUpperCase();
    if (!IFSC.test(value)) {
      throw new DomainError(
        'invalid',
        PAYMENT_ERRORS.invalidIfsc,
        'is not a valid IFSC (4 letters, 0, then 6 letters or digits, e.g. HDFC0000123)',
      );
    }
    return new Ifsc(value);
  }
}
