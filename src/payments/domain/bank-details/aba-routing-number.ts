import { DomainError } from '../../../shared/domain';
import { PAYMENT_ERRORS } from '../payment-errors';

const WEIGHTS = [3, 7, 1, 3, 7, 1, 3, 7, 1];

/**
 * A US ABA routing transit number: 9 digits whose weighted sum (3, 7, 1 repeated) is a multiple
 * of 10, the check the American Bankers Association publishes. Written here rather than taken from
 * a package: the one package (abavalidator) has not changed since 2021 and also accepts
 * surrounding spaces, which would then be stored (ADR 0009).
 */
export class AbaRoutingNumber {
  private constructor(readonly value: string) {}

  static parse(raw: string): AbaRoutingNumber {
    if (!/^\d{9}$/.test(raw) || !AbaRoutingNumber.checksumHolds(raw)) {
      throw new DomainError(
        'invalid',
        PAYMENT_ERRORS.invalidRoutingNumber,
        'is not a valid ABA routing number (9 digits with a valid checksum)',
      );
    }
    return new AbaRoutingNumber(raw);
  }

  private static checksumHolds(digits: string): boolean {
    const sum = [...digits].reduce((total, digit, i) => total + Number(digit) * WEIGHTS[i], 0);
    // All zeros passes the arithmetic but is no bank.
    return sum !== 0 && sum % 10 === 0;
  }
}
