import { CountryCode, CurrencyCode, Money } from '../../shared/domain';
import { Beneficiary, Payment, type PaymentStatus } from '../domain';
import type { PaymentRecord } from './payment.schema';

export const PAYMENT_COLUMNS = `id, account_id as "accountId", external_ref as "externalRef", quote_id as "quoteId", status,
  amount_minor as "amountMinor", currency, country, fee_minor as "feeMinor", beneficiary, reference, purpose, metadata,
  failure_reason as "failureReason", version, created_at as "createdAt", updated_at as "updatedAt"`;

export function toPayment(row: PaymentRecord): Payment {
  const currency = CurrencyCode.of(row.currency.trim());
  return Payment.restore({
    id: row.id,
    accountId: row.accountId,
    externalRef: row.externalRef,
    quoteId: row.quoteId,
    amount: Money.ofMinor(BigInt(row.amountMinor), currency),
    country: CountryCode.of(row.country.trim()),
    fee: Money.ofMinor(BigInt(row.feeMinor), currency),
    beneficiary: Beneficiary.create(row.beneficiary),
    reference: row.reference,
    purpose: row.purpose,
    metadata: row.metadata,
    status: row.status as PaymentStatus,
    failureReason: row.failureReason,
    version: row.version,
    createdAt: new Date(row.createdAt),
    updatedAt: new Date(row.updatedAt),
  });
}

/** The row's values in PAYMENT_INSERT_COLUMNS order. */
export function insertValues(payment: Payment): unknown[] {
  const s = payment.toState();
  return [
    s.id,
    s.accountId,
    s.externalRef,
    s.quoteId,
    s.status,
    s.amount.minor.toString(),
    s.amount.currency.code,
    s.country.code,
    s.fee.minor.toString(),
    JSON.stringify(s.beneficiary.toView()),
    s.reference,
    s.purpose,
    JSON.stringify(s.metadata),
    s.failureReason,
    s.version,
    s.createdAt,
    s.updatedAt,
  ];
}

export const PAYMENT_INSERT_COLUMNS = `id, account_id, external_ref, quote_id, status, amount_minor, currency, country, fee_minor,
  beneficiary, reference, purpose, metadata, failure_reason, version, created_at, updated_at`;
export const PAYMENT_INSERT_PLACEHOLDERS =
  '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?, ?, ?, ?)';
