import { stringify, type Stringifier } from 'csv-stringify';
import { Transform } from 'node:stream';
import { CurrencyCode, Money } from '../../shared/domain';

/** One payment as the export reads it from the database. */
export interface PaymentExportRow {
  id: string;
  externalRef: string;
  status: string;
  amountMinor: string;
  currency: string;
  country: string;
  feeMinor: string;
  beneficiaryName: string;
  reference: string | null;
  createdAt: Date;
  updatedAt: Date;
  failureReason: string | null;
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
    externalRef: row.externalRef,
    status: row.status,
    amount: Money.ofMinor(BigInt(row.amountMinor), code).toDecimalString(),
    currency: code.code,
    country: row.country.trim(),
    fee: Money.ofMinor(BigInt(row.feeMinor), code).toDecimalString(),
    beneficiaryName: row.beneficiaryName,
    reference: row.reference,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
    failureReason: row.failureReason,
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
