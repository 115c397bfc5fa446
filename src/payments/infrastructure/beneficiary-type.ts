import { JsonType, type Platform } from '@mikro-orm/postgresql';
import { Beneficiary, type BeneficiaryView } from '../domain';

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
