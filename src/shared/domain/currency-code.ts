import * as currencyCodes from 'currency-codes';
import { DomainError } from './domain-error';

/** ISO 4217 entries that are not money one can pay out: funds, precious metals, testing codes. */
const isSpecialPurpose = (countries: readonly string[]): boolean =>
  countries.length === 0 || countries.every((c) => c.startsWith('Zz'));

/** An active, payable ISO 4217 currency with the number of decimals of its minor unit. */
export class CurrencyCode {
  private static readonly known = new Map<string, CurrencyCode>();

  private constructor(
    readonly code: string,
    readonly minorUnits: number,
  ) {}

  static isValid(code: unknown): code is string {
    return typeof code === 'string' && CurrencyCode.lookup(code) !== undefined;
  }

  static of(code: string): CurrencyCode {
    const found = CurrencyCode.lookup(code);
    if (!found)
      throw new DomainError(
        'invalid',
        'invalid-currency',
        `${code} is not an active ISO 4217 currency code`,
      );
    return found;
  }

  private static lookup(code: string): CurrencyCode | undefined {
    if (!/^[A-Z]{3}$/.test(code)) return undefined;
    const cached = CurrencyCode.known.get(code);
    if (cached) return cached;
    const entry = currencyCodes.code(code);
    if (!entry || !Number.isInteger(entry.digits) || isSpecialPurpose(entry.countries))
      return undefined;
    const currency = new CurrencyCode(code, entry.digits);
    CurrencyCode.known.set(code, currency);
    return currency;
  }

  toString(): string {
    return this.code;
  }
}
