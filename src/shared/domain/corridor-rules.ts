import type { Money } from './money';

/**
 * The beneficiary detail formats a corridor can ask for. The list is shared because the Quotes
 * module validates corridor files against it at start, and the Payments module checks each
 * format (one value object per format); neither owns the other's code.
 */
export const BENEFICIARY_FORMATS = [
  /** An IBAN with a valid checksum, of the corridor's country. */
  'iban',
  /** A SWIFT BIC (8 or 11 characters). */
  'bic',
  /** A US ABA routing number (9 digits, 3-7-1 checksum). */
  'aba-routing-number',
  /** An Indian IFSC (4 letters, 0, 6 letters or digits). */
  'ifsc',
  /** A UK sort code (6 digits, dashes or spaces allowed). */
  'uk-sort-code',
  /** A UK account number (8 digits). */
  'uk-account-number',
  /** Any account number within the general limits: for corridors without a national format. */
  'account-number',
] as const;
export type BeneficiaryFormat = (typeof BENEFICIARY_FORMATS)[number];

export const BENEFICIARY_FIELDS = ['accountNumber', 'bankCode'] as const;
export type BeneficiaryField = (typeof BENEFICIARY_FIELDS)[number];

export const isBeneficiaryFormat = (value: unknown): value is BeneficiaryFormat =>
  (BENEFICIARY_FORMATS as readonly unknown[]).includes(value);

/**
 * One detail a payout into a corridor needs. Requirements that share an `option` form one way
 * of naming the account (GB: an IBAN, or a sort code with an 8-digit number); a beneficiary
 * must meet every requirement without an option and all of the requirements of one option.
 */
export interface BeneficiaryRequirement {
  readonly field: BeneficiaryField;
  readonly format: BeneficiaryFormat;
  readonly required: boolean;
  readonly option?: string;
}

/** What a corridor asks of each payment into it, besides the fee. */
export interface CorridorRules {
  readonly beneficiaryRequirements: readonly BeneficiaryRequirement[];
  /** Inclusive bounds in the corridor's currency; null when the corridor sets none. */
  readonly minAmount: Money | null;
  readonly maxAmount: Money | null;
}
