import { JsonType, type Platform, Type } from '@mikro-orm/postgresql';
import { CountryCode, CurrencyCode } from '../../shared/domain';
import { Beneficiary, type BeneficiaryView } from '../domain';

/** ISO 4217 code in a char(3) column; PostgreSQL pads char(n), hence the trim. */
export class CurrencyCodeType extends Type<CurrencyCode, string> {
  override convertToDatabaseValue(value: CurrencyCode | string): string {
    return typeof value === 'string' ? value : value.code;
  }

  override convertToJSValue(value: CurrencyCode | string): CurrencyCode {
    return typeof value === 'string' ? CurrencyCode.of(value.trim()) : value;
  }

  override getColumnType(): string {
    return 'char(3)';
  }
}

/** ISO 3166-1 alpha-2 code in a char(2) column. */
export class CountryCodeType extends Type<CountryCode, string> {
  override convertToDatabaseValue(value: CountryCode | string): string {
    return typeof value === 'string' ? value : value.code;
  }

  override convertToJSValue(value: CountryCode | string): CountryCode {
    return typeof value === 'string' ? CountryCode.of(value.trim()) : value;
  }

  override getColumnType(): string {
    return 'char(2)';
  }
}

/** The beneficiary as the jsonb object of its view (name, accountNumber, bankCode). */
export class BeneficiaryType extends JsonType {
  override convertToDatabaseValue(value: unknown, platform: Platform): string | null {
    const view = value instanceof Beneficiary ? value.toView() : value;
    return super.convertToDatabaseValue(view, platform);
  }

  override convertToJSValue(value: unknown, platform: Platform): Beneficiary {
    if (value instanceof Beneficiary) return value;
    return Beneficiary.create(super.convertToJSValue(value, platform) as BeneficiaryView);
  }
}
