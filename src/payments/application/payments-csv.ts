import { stringify, type Stringifier } from 'csv-stringify';
import { Transform } from 'node:stream';
import { CurrencyCode, Money } from '../../shared/domain';

/** One payment as the export's cursor reads it: the stored row, by column name. */
export interface PaymentExportRow {
  id: string;
  external_ref: string;
  status: string;
  amount_minor: string;
  currency: string;
  country: string;
  fee_minor: string;
  beneficiary: { name: string };
  reference: string | null;
  created_at: Date;
  updated_at: Date;
  failure_reason: string | null;
}

/** The columns of API.md, in its order; the header row names them. */
export const PAYMENT_CSV_COLUMNS = [
  'id',
  'externalRef',
  'status',
  'amount',
  'currency',
  'country',
  'fee',
  'beneficiaryName',
  'reference',
  'createdAt',
  'updatedAt',
  'failureReason',
] as const;

export type PaymentCsvRecord = Record<(typeof PAYMENT_CSV_COLUMNS)[number], string | null>;

const currencies = new Map<string, CurrencyCode>();
const currency = (code: string): CurrencyCode => {
  const trimmed = code.trim();
  let known = currencies.get(trimmed);
  if (!known) currencies.set(trimmed, (known = CurrencyCode.of(trimmed)));
  return known;
};

/** Amounts as the API writes them: decimal strings with the currency's minor units. */
export function toCsvRecord(row: PaymentExportRow): PaymentCsvRecord {
  const code = currency(row.currency);
  return {
    id: row.id,
    externalRef: row.external_ref,
    status: row.status,
    amount: Money.ofMinor(BigInt(row.amount_minor), code).toDecimalString(),
    currency: code.code,
    country: row.country.trim(),
    fee: Money.ofMinor(BigInt(row.fee_minor), code).toDecimalString(),
    beneficiaryName: row.beneficiary.name,
    reference: row.reference,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    failureReason: row.failure_reason,
  };
}

/** Rows in, CSV records out, one at a time (object mode, so backpressure holds end to end). */
export const csvRecords = (): Transform =>
  new Transform({
    objectMode: true,
    transform(row: PaymentExportRow, _encoding, done) {
      done(null, toCsvRecord(row));
    },
  });

/**
 * RFC 4180 text: a header row, CRLF line ends, a field quoted when it holds a comma, a quote or a
 * line break (quotes doubled). `escape_formulas` prefixes `'` to a text cell that starts with
 * `=`, `+`, `-`, `@`, a tab or a CR, so a spreadsheet shows a hostile reference instead of
 * running it (OWASP "CSV injection"); amounts and times never start so.
 */
export const csvStringifier = (): Stringifier =>
  stringify({
    header: true,
    columns: [...PAYMENT_CSV_COLUMNS],
    record_delimiter: 'windows',
    escape_formulas: true,
  });
