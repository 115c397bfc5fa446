import type { BeneficiaryFormat } from '../../../shared/domain';
import { AbaRoutingNumber } from './aba-routing-number';
import { Bic } from './bic';
import { Iban } from './iban';
import { Ifsc } from './ifsc';
import { UkAccountNumber, UkSortCode } from './uk-sort-code';

interface FormatRule {
  /** The value in its stored form; throws an `invalid` DomainError with the format's code. */
  readonly normalize: (raw: string, country: string) => string;
  /** The code of a refusal in this format, also when the field is required and missing. */
  readonly code: string;
  /** What the format is, for "required" messages. */
  readonly description: string;
}

/** Every format a corridor may name, each with the value object that checks it. */
export const BENEFICIARY_FORMAT_RULES: Readonly<Record<BeneficiaryFormat, FormatRule>> = {
  iban: {
    normalize: (raw, country) => Iban.parse(raw, country).value,
    code: 'invalid-iban',
    description: 'an IBAN of the corridor country',
  },
  bic: { normalize: (raw) => Bic.parse(raw).value, code: 'invalid-bic', description: 'a BIC' },
  'aba-routing-number': {
    normalize: (raw) => AbaRoutingNumber.parse(raw).value,
    code: 'invalid-routing-number',
    description: 'an ABA routing number',
  },
  ifsc: { normalize: (raw) => Ifsc.parse(raw).value, code: 'invalid-ifsc', description: 'an IFSC' },
  'uk-sort-code': {
    normalize: (raw) => UkSortCode.parse(raw).value,
    code: 'invalid-sort-code',
    description: 'a sort code',
  },
  'uk-account-number': {
    normalize: (raw) => UkAccountNumber.parse(raw).value,
    code: 'invalid-account-number',
    description: 'an 8-digit account number',
  },
  // The general limits (1..34 characters) are the Beneficiary's; nothing more is known here.
  'account-number': {
    normalize: (raw) => raw,
    code: 'invalid-account-number',
    description: 'an account number',
  },
};
