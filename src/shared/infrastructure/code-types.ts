import { Type } from '@mikro-orm/core';
import { CountryCode, CurrencyCode } from '../domain';

/**
 * A currency column (char(3)) read back as the shared CurrencyCode value object (trimmed: PostgreSQL
 * pads a char(n) value).
 */
export class CurrencyCodeType extends Type<CurrencyCode, string> {
  override convertToDatabaseValue(value: CurrencyCode | string): string {
    return typeof value === 'string' ? value : value.code;
  }
  override convertToJSValue(value: CurrencyCode | string): CurrencyCode {
    return typeof value === 'string' ? CurrencyCode.of(value.trim()) : value;
  }
  override compareAsType(): string {
    return 'string';
  }
  override getColumnType(): string {
    return 'char(3)';
  }
}

/** A country column (char(2)) read back as the shared CountryCode value object. */
export class CountryCodeType extends Type<CountryCode, string> {
  override convertToDatabaseValue(value: CountryCode | string): string {
    return typeof value === 'string' ? value : value.code;
  }
  override convertToJSValue(value: CountryCode | string): CountryCode {
    return typeof value === 'string' ? CountryCode.of(value.trim()) : value;
  }
  override compareAsType(): string {
    return 'string';
  }
  override getColumnType(): string {
    return 'char(2)';
  }
}
