import { isValidBIC } from 'ibantools';
import { DomainError } from '../../../shared/domain';
import { PAYMENT_ERRORS } from '../payment-errors';

/**
 * A SWIFT BIC (ISO 9362): 4 letters of bank, a country code `ibantools` knows, 2 of location and
 * an optional 3 of branch. Kept upper case, the form banks print and the one compared.
 */
export class Bic {
  private constructor(readonly value: string) {}

  static parse(raw: string): Bic {
    const value = raw.toUpperCase();
    if (!isValidBIC(value)) {
      throw new DomainError(
        'invalid',
        PAYMENT_ERRORS.invalidBic,
        'is not a valid BIC (8 or 11 characters: bank, country, location, optional branch)',
      );
    }
    return new Bic(value);
  }
}
