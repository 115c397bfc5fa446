import type { BeneficiaryFormat } from '../../../shared/domain';
import { type PaymentErrorCode, PAYMENT_ERRORS } from '../payment-errors';
import { AbaRoutingNumber } from './aba-routing-number';
import { Bic } from './bic';
import { Iban } from './iban';
import { Ifsc } from './ifsc';
import { UkAccountNumber, UkSortCode } from './uk-sort-code';

interface FormatRule {
  /** The value in its stored form; throws an `invalid` DomainError with the format's code. */
  readonly normalize: (raw: string, country: string) => string;
  /** The code of a refusal in this format, also when the field is required and missing. */
  readonly code: PaymentErrorCode;
  /** What the format is, for "required" messages. */
  readonly description: string;
}

/** Every format a corridor may name, each with the value object that checks it. */
export const BENEFICIARY_FORMAT_RULES: Readonly<Record<BeneficiaryFormat, FormatRule>> = {
  iban: {
    normalize: (raw, country) => Iban.parse(raw, country).value,
    code: PAYMENT_ERRORS.invalidIban,
    description: 'an IBAN of the corridor country',
  },
  bic: {
    normalize: (raw) => Bic.parse(raw).value,
    code: PAYMENT_ERRORS.invalidBic,
    description: 'a BIC',
  },
  'aba-routing-number': {
    normalize: (raw) => AbaRoutingNumber.parse(raw).value,
    code: PAYMENT_ERRORS.invalidRoutingNumber,
    description: 'an ABA routing number',
  },
  ifsc: {
    normalize: (raw) => Ifsc.parse(raw).value,
    code: PAYMENT_ERRORS.invalidIfsc,
    description: 'an IFSC',
  },
  'uk-sort-code': {
    normalize: (raw) => UkSortCode.parse(raw).value,
    code: PAYMENT_ERRORS.invalidSortCode,
    description: 'a sort code',
  },
  'uk-account-number': {
    normalize: (raw) => UkAccountNumber.parse(raw).value,
    code: PAYMENT_ERRORS.invalidAccountNumber,
    description: 'an 8-digit account number',
  },
  // The general limits (1..34 characters) are the Beneficiary's; nothing more is known here.
  'account-number': {
    normalize: (raw) => raw,
    code: PAYMENT_ERRORS.invalidAccountNumber,
    description: 'an account number',
  },
};
