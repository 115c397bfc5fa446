import { CountryCode, CurrencyCode } from '../../shared/domain';
import { loadCorridorTable } from './corridor-table.provider';
import shippedCorridors from './corridors.json';

describe('the shipped corridor table', () => {
  const table = loadCorridorTable(undefined);

  it('loads, with every corridor the README lists', () => {
    const served = Object.entries(shippedCorridors).flatMap(([country, currencies]) =>
      Object.keys(currencies).filter((currency) => table.find(country, currency)),
    );
    expect(served.length).toBe(24);
  });

  it.each([
    [
      'IN',
      'INR',
      [
        ['accountNumber', 'account-number'],
        ['bankCode', 'ifsc'],
      ],
    ],
    [
      'US',
      'USD',
      [
        ['accountNumber', 'account-number'],
        ['bankCode', 'aba-routing-number'],
      ],
    ],
    [
      'DE',
      'EUR',
      [
        ['accountNumber', 'iban'],
        ['bankCode', 'bic'],
      ],
    ],
    [
      'AE',
      'AED',
      [
        ['accountNumber', 'iban'],
        ['bankCode', 'bic'],
      ],
    ],
  ])('%s/%s asks for %j', (country, currency, fields) => {
    const corridor = table.corridorFor(CountryCode.of(country), CurrencyCode.of(currency));
    expect(corridor.beneficiaryRequirements.map((r) => [r.field, r.format])).toEqual(fields);
  });

  it('a missing file stops the load, naming it', () => {
    expect(() => loadCorridorTable('/nonexistent/corridors.json')).toThrow(
      /CORRIDORS_FILE=\/nonexistent\/corridors.json: ENOENT/,
    );
  });
});
