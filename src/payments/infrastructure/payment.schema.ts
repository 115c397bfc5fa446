import { EntitySchema } from '@mikro-orm/postgresql';

export interface PaymentRecord {
  id: string;
  accountId: string;
  externalRef: string;
  quoteId: string;
  status: string;
  amountMinor: string;
  currency: string;
  country: string;
  feeMinor: string;
  beneficiary: { name: string; accountNumber: string; bankCode: string | null };
  reference: string | null;
  purpose: string | null;
  metadata: Record<string, string>;
  failureReason: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export const PaymentSchema = new EntitySchema<PaymentRecord>({
  name: 'PaymentRecord',
  tableName: 'payment',
  properties: {
    id: { type: 'uuid', primary: true },
    accountId: { type: 'uuid' },
    externalRef: { type: 'string', length: 64 },
    quoteId: { type: 'uuid' },
    status: { type: 'string', length: 16 },
    amountMinor: { type: 'bigint' },
    currency: { type: 'string', columnType: 'char(3)' },
    country: { type: 'string', columnType: 'char(2)' },
    feeMinor: { type: 'bigint' },
    beneficiary: { type: 'json' },
    reference: { type: 'string', length: 140, nullable: true },
    purpose: { type: 'string', length: 64, nullable: true },
    metadata: { type: 'json' },
    failureReason: { type: 'string', length: 500, nullable: true },
    version: { type: 'integer' },
    createdAt: { type: 'Date', columnType: 'timestamptz(3)' },
    updatedAt: { type: 'Date', columnType: 'timestamptz(3)' },
  },
  // The idempotency key: concurrent requests with one externalRef can write one payment only.
  uniques: [
    { name: 'payment_account_external_ref_unique', properties: ['accountId', 'externalRef'] },
  ],
  indexes: [
    // Newest-first listing per account (ids are UUID v7, so id order is creation order).
    { name: 'payment_account_id_idx', properties: ['accountId', 'id'] },
    { name: 'payment_account_status_id_idx', properties: ['accountId', 'status', 'id'] },
    // Listing and exporting by time (createdFrom/createdTo): the range, then the id tie-break.
    { name: 'payment_account_created_at_id_idx', properties: ['accountId', 'createdAt', 'id'] },
  ],
});
