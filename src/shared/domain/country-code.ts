import * as countries from 'i18n-iso-countries';
import { DomainError } from './domain-error';

/** An ISO 3166-1 alpha-2 country code, upper case. */
export class CountryCode {
  private constructor(readonly code: string) {}

  static isValid(code: unknown): code is string {
    return typeof code === 'string' && /^[A-Z]{2}$/.test(code) && countries.isValid(code);
  }

  static of(code: string): CountryCode {
    if (!CountryCode.isValid(code)) {
      throw new DomainError(
        'invalid',
        'invalid-country',
        `${String(code)} is not an ISO 3166-1 alpha-2 country code`,
      );
    }
    return new CountryCode(code);
  }

  toString(): string {
    return this.code;
  }
}
