import { CurrencyCode } from './currency-code';
import { DomainError } from './domain-error';

const MAX_MAJOR_UNITS = 10n ** 12n;
const DECIMAL = /^(0|[1-9]\d*)(?:\.(\d+))?$/;

/**
 * An exact amount of one currency, held as an integer count of its minor unit (cents for USD,
 * yen for JPY, fils for KWD). Never a float: parsing, comparison and formatting are all on bigint.
 */
export class Money {
  private constructor(
    readonly minor: bigint,
    readonly currency: CurrencyCode,
  ) {}

  static ofMinor(minor: bigint, currency: CurrencyCode): Money {
    return new Money(minor, currency);
  }

  /**
   * Parses a decimal string ("1250.50") as a payable amount: greater than 0, at most 1e12, and
   * with no more decimals than the currency's minor unit allows.
   */
  static parsePositive(value: string, currency: CurrencyCode): Money {
    const match = DECIMAL.exec(value);
    const decimals = match?.[2] ?? '';
    if (!match || decimals.length > currency.minorUnits) {
      throw Money.invalid(value, currency);
    }
    const scale = 10n ** BigInt(currency.minorUnits);
    const minor =
      BigInt(match[1]) * scale + BigInt(decimals.padEnd(currency.minorUnits, '0') || '0');
    if (minor <= 0n || minor > MAX_MAJOR_UNITS * scale) throw Money.invalid(value, currency);
    return new Money(minor, currency);
  }

  private static invalid(value: string, currency: CurrencyCode): DomainError {
    return new DomainError(
      'invalid',
      'invalid-amount',
      `amount ${value} must be a positive decimal of at most 1e12 with at most ${currency.minorUnits} decimals for ${currency.code}`,
    );
  }

  /** The amount as a decimal string with exactly the currency's number of decimals. */
  toDecimalString(): string {
    const digits = this.currency.minorUnits;
    const sign = this.minor < 0n ? '-' : '';
    const abs = (this.minor < 0n ? -this.minor : this.minor).toString().padStart(digits + 1, '0');
    if (digits === 0) return sign + abs;
    return `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
  }

  equals(other: Money): boolean {
    return this.minor === other.minor && this.currency.code === other.currency.code;
  }

  toJSON(): { amount: string; currency: string } {
    return { amount: this.toDecimalString(), currency: this.currency.code };
  }
}
