import { electronicFormatIBAN, extractIBAN, isValidIBAN } from 'ibantools';
import { DomainError } from '../../../shared/domain';
import { PAYMENT_ERRORS } from '../payment-errors';

/**
 * An International Bank Account Number, in its electronic form (no spaces, upper case): the form
 * stored and compared, so "de89 3704 ..." and "DE893704..." are one account. `ibantools` checks
 * the country's length and structure and the ISO 7064 mod 97-10 checksum.
 */
export class Iban {
  private constructor(readonly value: string) {}

  /** An IBAN of `country`: a valid IBAN of another country pays into the wrong corridor. */
  static parse(raw: string, country: string): Iban {
    const electronic = electronicFormatIBAN(raw) ?? '';
    if (!isValidIBAN(electronic)) {
      throw invalid(`is not a valid IBAN (length, structure or checksum)`);
    }
    const { countryCode } = extractIBAN(electronic);
    if (countryCode !== country) {
      throw invalid(`is an IBAN of ${countryCode}, but the quote pays into ${country}`);
    }
    return new Iban(electronic);
  }
}

const invalid = (message: string) =>
  new DomainError('invalid', PAYMENT_ERRORS.invalidIban, message);
