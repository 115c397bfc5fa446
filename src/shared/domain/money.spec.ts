import { CurrencyCode } from './currency-code';
import { Money } from './money';

const usd = CurrencyCode.of('USD');
const jpy = CurrencyCode.of('JPY');
const kwd = CurrencyCode.of('KWD');

describe('Money', () => {
  it('holds amounts as integer minor units of the currency', () => {
    expect(Money.parsePositive('1250.50', usd).minor).toBe(125050n);
    expect(Money.parsePositive('1250', jpy).minor).toBe(1250n);
    expect(Money.parsePositive('1.234', kwd).minor).toBe(1234n);
  });

  it('formats with exactly the currency exponent', () => {
    expect(Money.parsePositive('1250.5', usd).toDecimalString()).toBe('1250.50');
    expect(Money.parsePositive('7', kwd).toDecimalString()).toBe('7.000');
    expect(Money.parsePositive('0.01', usd).toDecimalString()).toBe('0.01');
    expect(Money.parsePositive('42', jpy).toDecimalString()).toBe('42');
  });

  it('refuses more decimals than the currency minor unit', () => {
    expect(() => Money.parsePositive('1.5', jpy)).toThrow(/at most 0 decimals for JPY/);
    expect(() => Money.parsePositive('1.005', usd)).toThrow(/at most 2 decimals for USD/);
    expect(() => Money.parsePositive('1.0005', kwd)).toThrow(/at most 3 decimals for KWD/);
  });

  it('refuses zero, negatives, exponents and non-canonical forms', () => {
    for (const bad of ['0', '0.00', '-1', '1e3', '01', '.5', '5.', ' 5', 'NaN', '', '0x10']) {
      expect(() => Money.parsePositive(bad, usd)).toThrow(/invalid|amount/);
    }
  });

  it('accepts at most 1e12 major units', () => {
    expect(Money.parsePositive('1000000000000', usd).minor).toBe(100000000000000n);
    expect(() => Money.parsePositive('1000000000000.01', usd)).toThrow();
  });

  it('is exact where floating point is not', () => {
    const a = Money.parsePositive('0.1', usd).minor + Money.parsePositive('0.2', usd).minor;
    expect(Money.ofMinor(a, usd).toDecimalString()).toBe('0.30');
    expect(Money.parsePositive('999999999999.99', usd).toDecimalString()).toBe('999999999999.99');
  });
});
