import { BigIntType, type Constructor, EntitySchema } from '@mikro-orm/postgresql';
import {
  EXTERNAL_REF_MAX_LENGTH,
  FAILURE_REASON_MAX_LENGTH,
  PAYMENT_DETAILS_LIMITS,
  Payment,
} from '../domain';
import { CountryCodeType, CurrencyCodeType } from '../../shared/infrastructure/code-types';
import { BeneficiaryType } from './beneficiary-type';

/**
 * The ORM maps the Payment aggregate itself (data mapper). Most stored fields are private to the
 * aggregate, so they are named here as strings rather than as keys of its public type.
 */
export const PaymentSchema = new EntitySchema<Payment>({
  // The constructor is private: the ORM rebuilds stored payments from the prototype.
  class: Payment as unknown as Constructor<Payment>,
  tableName: 'payment',
  properties: {
    id: { type: 'uuid', primary: true },
    accountId: { type: 'uuid' },
    externalRef: { type: 'string', length: EXTERNAL_REF_MAX_LENGTH },
    quoteId: { type: 'uuid' },
    current: { type: 'string', length: 16, fieldName: 'status' },
    amountMinor: { type: new BigIntType('bigint') },
    currency: { type: CurrencyCodeType, columnType: 'char(3)' },
    country: { type: CountryCodeType, columnType: 'char(2)' },
    feeMinor: { type: new BigIntType('bigint') },
    beneficiary: { type: BeneficiaryType, columnType: 'jsonb' },
    reference: {
      type: 'string',
      length: PAYMENT_DETAILS_LIMITS.referenceMaxLength,
      nullable: true,
    },
    purpose: { type: 'string', length: PAYMENT_DETAILS_LIMITS.purposeMaxLength, nullable: true },
    meta: { type: 'json', fieldName: 'metadata' },
    reason: {
      type: 'string',
      length: FAILURE_REASON_MAX_LENGTH,
      nullable: true,
      fieldName: 'failure_reason',
    },
    revision: { type: 'integer', fieldName: 'version' },
    created: { type: 'Date', columnType: 'timestamptz(3)', fieldName: 'created_at' },
    changed: { type: 'Date', columnType: 'timestamptz(3)', fieldName: 'updated_at' },
  } as unknown as EntitySchemaProperties,
  // The idempotency key: concurrent requests with one externalRef can write one payment only.
  uniques: [
    { name: 'payment_account_external_ref_unique', properties: ['accountId', 'externalRef'] },
  ],
  indexes: [
    // Newest-first listing per account (ids are UUID v7, so id order is creation order).
    { name: 'payment_account_id_idx', properties: ['accountId', 'id'] },
    { name: 'payment_account_status_id_idx', properties: ['accountId', 'current', 'id'] as never },
    // Listing and exporting by time (createdFrom/createdTo): the range, then the id tie-break.
    {
      name: 'payment_account_created_at_id_idx',
      properties: ['accountId', 'created', 'id'] as never,
    },
  ],
});

type EntitySchemaProperties = ConstructorParameters<typeof EntitySchema<Payment>>[0]['properties'];
