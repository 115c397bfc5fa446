import { DomainError } from '../../shared/domain';
import { PAYMENT_ERRORS } from './payment-errors';
import { isTextWithin } from './text-length';

/**
 * Limits from the contract (name 1..140, accountNumber 1..34: the IBAN maximum). The contract
 * does not bound `bankCode`; 64 leaves room for every bank identifier in use (BIC 11, IFSC 11,
 * ABA 9, sort code 6) while keeping stored rows bounded. The DTO must apply the same numbers.
 */
export const BENEFICIARY_LIMITS = Object.freeze({
  nameMaxLength: 140,
  accountNumberMaxLength: 34,
  bankCodeMaxLength: 64,
});

export interface BeneficiaryProps {
  readonly name: string;
  readonly accountNumber: string;
  /** Absent, undefined and null all mean "no bank code". An empty string is refused. */
  readonly bankCode?: string | null;
}

/** The JSON shape; `bankCode` is null rather than missing so every payment has the same shape. */
export type BeneficiaryView = { name: string; accountNumber: string; bankCode: string | null };

/**
 * Who receives the money. Values are kept exactly as given, never trimmed or case-folded here:
 * they are part of the idempotency identity, and " 123" paying a different account than "123"
 * must not be mistaken for a retry. Only a corridor format that defines a canonical form (IBAN
 * without spaces, BIC in upper case: see bank-details/) hands over its normalised value.
 */
export class Beneficiary {
  private constructor(
    readonly name: string,
    readonly accountNumber: string,
    readonly bankCode: string | null,
  ) {}

  static create(props: BeneficiaryProps): Beneficiary {
    const { name, accountNumber, bankCode = null } = props;
    const limits = BENEFICIARY_LIMITS;
    if (!isTextWithin(name, 1, limits.nameMaxLength)) {
      throw invalid(`beneficiary.name must be 1 to ${limits.nameMaxLength} characters`);
    }
    if (!isTextWithin(accountNumber, 1, limits.accountNumberMaxLength)) {
      throw invalid(
        `beneficiary.accountNumber must be 1 to ${limits.accountNumberMaxLength} characters`,
      );
    }
    if (bankCode !== null && !isTextWithin(bankCode, 1, limits.bankCodeMaxLength)) {
      throw invalid(
        `beneficiary.bankCode must be 1 to ${limits.bankCodeMaxLength} characters when present`,
      );
    }
    return new Beneficiary(name, accountNumber, bankCode);
  }

  /** Exact, case-sensitive equality of every field. */
  equals(other: Beneficiary): boolean {
    return (
      this.name === other.name &&
      this.accountNumber === other.accountNumber &&
      this.bankCode === other.bankCode
    );
  }

  toView(): BeneficiaryView {
    return { name: this.name, accountNumber: this.accountNumber, bankCode: this.bankCode };
  }
}

const invalid = (message: string): DomainError =>
  new DomainError('invalid', PAYMENT_ERRORS.invalidBeneficiary, message);
