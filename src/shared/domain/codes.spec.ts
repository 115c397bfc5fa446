import { CountryCode } from './country-code';
import { CurrencyCode } from './currency-code';

describe('CurrencyCode', () => {
  it('knows the minor units of active ISO 4217 currencies', () => {
    expect(CurrencyCode.of('USD').minorUnits).toBe(2);
    expect(CurrencyCode.of('JPY').minorUnits).toBe(0);
    expect(CurrencyCode.of('KWD').minorUnits).toBe(3);
  });

  it('refuses unknown, lower-case and special-purpose codes', () => {
    for (const bad of ['ABC', 'usd', 'US', 'USDD', 'XAU', 'XTS', 'XXX', '']) {
      expect(CurrencyCode.isValid(bad)).toBe(false);
    }
  });
});

describe('CountryCode', () => {
  it('accepts upper-case ISO 3166-1 alpha-2 codes only', () => {
    expect(CountryCode.isValid('US')).toBe(true);
    expect(CountryCode.isValid('IN')).toBe(true);
    for (const bad of ['us', 'USA', 'XX', 'ZZ', '', 'U'])
      expect(CountryCode.isValid(bad)).toBe(false);
  });
});
