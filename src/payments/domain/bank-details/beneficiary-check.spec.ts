import type { BeneficiaryRequirement } from '../../../shared/domain';
import { checkBeneficiary } from './beneficiary-check';

const any = { field: 'accountNumber', format: 'account-number', required: true } as const;
const iban: BeneficiaryRequirement[] = [
  { field: 'accountNumber', format: 'iban', required: true },
  { field: 'bankCode', format: 'bic', required: false },
];
/** As the shipped corridors state them (src/quotes/infrastructure/corridors.json). */
const REQUIREMENTS: Record<string, readonly BeneficiaryRequirement[]> = {
  DE: iban,
  US: [any, { field: 'bankCode', format: 'aba-routing-number', required: true }],
  IN: [any, { field: 'bankCode', format: 'ifsc', required: true }],
  GB: [
    { field: 'accountNumber', format: 'iban', required: true, option: 'iban' },
    { field: 'bankCode', format: 'bic', required: false, option: 'iban' },
    { field: 'accountNumber', format: 'uk-account-number', required: true, option: 'sort-code' },
    { field: 'bankCode', format: 'uk-sort-code', required: true, option: 'sort-code' },
  ],
  JP: [any],
};
const requirementsOf = (country: string, _currency: string) => REQUIREMENTS[country];
const check = (country: string, currency: string, accountNumber: string, bankCode?: string) =>
  checkBeneficiary(
    { name: 'A', accountNumber, bankCode },
    requirementsOf(country, currency),
    country,
  );
const codes = (result: ReturnType<typeof check>) => result.refusals.map((r) => [r.field, r.code]);

describe('checkBeneficiary (with the requirements of the shipped corridors)', () => {
  it('an IBAN corridor takes an IBAN and an optional BIC, stored normalised', () => {
    const result = check('DE', 'EUR', 'de89 3704 0044 0532 0130 00', 'deutdeff');
    expect(result.refusals).toEqual([]);
    expect(result.beneficiary).toEqual({
      name: 'A',
      accountNumber: 'DE89370400440532013000',
      bankCode: 'DEUTDEFF',
    });
    expect(check('DE', 'EUR', 'DE89370400440532013000').refusals).toEqual([]);
  });

  it('an IBAN corridor refuses a bad IBAN and a bad BIC, each by its field', () => {
    expect(codes(check('DE', 'EUR', 'DE89370400440532013001', 'DEUTDEF'))).toEqual([
      ['beneficiary.accountNumber', 'invalid-iban'],
      ['beneficiary.bankCode', 'invalid-bic'],
    ]);
  });

  it('the US corridor needs an ABA routing number as bankCode', () => {
    expect(check('US', 'USD', '123456789', '021000021').refusals).toEqual([]);
    expect(codes(check('US', 'USD', '123456789', '021000022'))).toEqual([
      ['beneficiary.bankCode', 'invalid-routing-number'],
    ]);
    expect(check('US', 'USD', '123456789').refusals[0]).toMatchObject({
      field: 'beneficiary.bankCode',
      code: 'invalid-routing-number',
      message: expect.stringMatching(/is required/),
    });
  });

  it('the IN corridors need an IFSC as bankCode, stored upper case', () => {
    expect(check('IN', 'INR', '50100012345678', 'hdfc0000123').beneficiary.bankCode).toBe(
      'HDFC0000123',
    );
    expect(codes(check('IN', 'USD', '50100012345678', 'HDFC1000123'))).toEqual([
      ['beneficiary.bankCode', 'invalid-ifsc'],
    ]);
  });

  it('GB/GBP takes an IBAN, or a sort code with an 8-digit account number', () => {
    expect(check('GB', 'GBP', 'GB29NWBK60161331926819').refusals).toEqual([]);
    expect(check('GB', 'GBP', '31926819', '60-16-13').beneficiary).toMatchObject({
      accountNumber: '31926819',
      bankCode: '601613',
    });
  });

  it('GB/GBP with a good account number and a bad sort code hears about the sort code', () => {
    expect(codes(check('GB', 'GBP', '31926819', '60-16-1'))).toEqual([
      ['beneficiary.bankCode', 'invalid-sort-code'],
    ]);
    expect(codes(check('GB', 'GBP', '31926819'))).toEqual([
      ['beneficiary.bankCode', 'invalid-sort-code'],
    ]);
  });

  it('GB/GBP with neither form hears that an IBAN was expected', () => {
    expect(codes(check('GB', 'GBP', 'GB29NWBK60161331926818'))).toEqual([
      ['beneficiary.accountNumber', 'invalid-iban'],
    ]);
  });

  it('a corridor without a national format takes any account number as sent', () => {
    expect(check('JP', 'JPY', ' 1234 ', 'anything').beneficiary).toEqual({
      name: 'A',
      accountNumber: ' 1234 ',
      bankCode: 'anything',
    });
  });
});
