import { CountryCode, CurrencyCode } from '../../shared/domain';
import { CorridorTable } from './corridor-table';

const iban = { field: 'accountNumber', format: 'iban', required: true };
const entry = (overrides: Record<string, unknown> = {}) => ({
  fee: '0.50',
  beneficiaryRequirements: [iban],
  ...overrides,
});
const load = (table: unknown) => () => CorridorTable.from(table);
const de = (raw: unknown) => load({ DE: { EUR: raw } });

describe('CorridorTable', () => {
  it('a corridor has a fee, optional decimal-string limits and its requirements', () => {
    const table = CorridorTable.from({
      DE: { EUR: entry({ minAmount: '1.00', maxAmount: '5000' }) },
    });
    const corridor = table.corridorFor(CountryCode.of('DE'), CurrencyCode.of('EUR'));
    expect(corridor.minAmount?.toDecimalString()).toBe('1.00');
    expect(corridor.maxAmount?.toDecimalString()).toBe('5000.00');
    expect(corridor.beneficiaryRequirements).toEqual([iban]);
  });

  it('a corridor without limits or requirements has none', () => {
    const corridor = CorridorTable.from({ JP: { JPY: { fee: '0' } } }).find('JP', 'JPY');
    expect(corridor).toMatchObject({
      minAmount: null,
      maxAmount: null,
      beneficiaryRequirements: [],
    });
    expect(corridor?.fee.minor).toBe(0n);
  });

  it('a pair the table does not serve is an unsupported corridor', () => {
    const table = CorridorTable.from({ DE: { EUR: entry() } });
    expect(() => table.corridorFor(CountryCode.of('DE'), CurrencyCode.of('USD'))).toThrow(
      expect.objectContaining({ code: 'unsupported-corridor' }),
    );
  });

  it.each([
    [
      'an unknown format',
      entry({ beneficiaryRequirements: [{ ...iban, format: 'ibn' }] }),
      /corridor DE\/EUR: beneficiaryRequirements\[0\]\.format "ibn" is not a known format/,
    ],
    [
      'a format of the other field',
      entry({ beneficiaryRequirements: [{ ...iban, field: 'bankCode' }] }),
      /DE\/EUR: beneficiaryRequirements\[0\]\.format iban does not apply to bankCode/,
    ],
    [
      'an unknown field',
      entry({ beneficiaryRequirements: [{ ...iban, field: 'name' }] }),
      /DE\/EUR: beneficiaryRequirements\[0\]\.field "name"/,
    ],
    [
      'a missing required flag',
      entry({ beneficiaryRequirements: [{ field: 'accountNumber', format: 'iban' }] }),
      /DE\/EUR: beneficiaryRequirements\[0\]\.required/,
    ],
    [
      'a field named twice',
      entry({ beneficiaryRequirements: [iban, iban] }),
      /DE\/EUR: beneficiaryRequirements\[1\] repeats accountNumber/,
    ],
    [
      'requirements that are not a list',
      entry({ beneficiaryRequirements: {} }),
      /DE\/EUR: beneficiaryRequirements must be an array/,
    ],
    [
      'a fee that is not a decimal string',
      entry({ fee: 0.5 }),
      /DE\/EUR: fee must be a decimal string/,
    ],
    [
      'a fee with too many decimals',
      entry({ fee: '0.501' }),
      /DE\/EUR: fee "0.501" is not a valid EUR amount/,
    ],
    [
      'a limit that is not a positive amount',
      entry({ minAmount: '-1' }),
      /DE\/EUR: minAmount "-1"/,
    ],
    [
      'a minimum above the maximum',
      entry({ minAmount: '10.00', maxAmount: '5.00' }),
      /DE\/EUR: minAmount 10.00 is above maxAmount 5.00/,
    ],
    ['a misspelt key', entry({ maxAmmount: '5.00' }), /DE\/EUR: unknown key\(s\) maxAmmount/],
    ['the old bare-fee form', '0.50', /DE\/EUR: must be an object/],
  ])('%s stops the load with a message naming the entry', (_, raw, message) => {
    expect(de(raw)).toThrow(message);
  });

  it('an unknown country or currency code stops the load naming it', () => {
    expect(load({ XX: { EUR: entry() } })).toThrow(/corridor XX/);
    expect(load({ DE: { EUX: entry() } })).toThrow(/corridor DE\/EUX/);
    expect(load([])).toThrow(/must be an object/);
  });
});
