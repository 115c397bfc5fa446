import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { csvRecords, csvStringifier, type PaymentExportRow } from './payments-csv';

const row = (overrides: Partial<PaymentExportRow> = {}): PaymentExportRow => ({
  id: '0193a1b2-c3e0-7a10-9b2c-3d4e5f6a7b8c',
  external_ref: 'order-8812',
  status: 'PAID',
  amount_minor: '125050',
  currency: 'INR',
  country: 'IN',
  fee_minor: '2500',
  beneficiary: { name: 'Asha Rao' },
  reference: 'Invoice 8812',
  created_at: new Date('2026-11-24T05:37:19.123Z'),
  updated_at: new Date('2026-11-24T05:37:26.456Z'),
  failure_reason: null,
  ...overrides,
});

const csv = (rows: PaymentExportRow[]) =>
  text(Readable.from(rows).pipe(csvRecords()).pipe(csvStringifier()));
const lines = async (rows: PaymentExportRow[]) => (await csv(rows)).split('\r\n');

const HEADER =
  'id,externalRef,status,amount,currency,country,fee,beneficiaryName,reference,createdAt,updatedAt,failureReason';

describe('payments CSV', () => {
  it('has a header row with the columns of the contract, and CRLF line ends', async () => {
    expect(await csv([row()])).toBe(
      `${HEADER}\r\n0193a1b2-c3e0-7a10-9b2c-3d4e5f6a7b8c,order-8812,PAID,1250.50,INR,IN,25.00,Asha Rao,Invoice 8812,2026-11-24T05:37:19.123Z,2026-11-24T05:37:26.456Z,\r\n`,
    );
  });

  it('an export without payments is the header row alone', async () => {
    expect(await csv([])).toBe(`${HEADER}\r\n`);
  });

  it('amounts carry the currency minor units (JPY 0, KWD 3)', async () => {
    const [, jpy, kwd] = await lines([
      row({ currency: 'JPY', amount_minor: '1500', fee_minor: '150' }),
      row({ currency: 'KWD', amount_minor: '1234', fee_minor: '500' }),
    ]);
    expect(jpy).toContain(',1500,JPY,IN,150,');
    expect(kwd).toContain(',1.234,KWD,IN,0.500,');
  });

  it('a field with a comma, a quote or a line break is quoted, its quotes doubled (RFC 4180)', async () => {
    const [, line] = (await csv([row({ reference: 'Invoice 1, "urgent"\r\nsecond line' })])).split(
      /\r\n(?=0193)/,
    );
    expect(line).toContain(',"Invoice 1, ""urgent""\r\nsecond line",');
  });

  it.each([
    ['=', '=HYPERLINK("http://evil")'],
    ['+', '+1+2'],
    ['-', '-2+3'],
    ['@', '@SUM(A1)'],
    ['a tab', '\tcmd'],
  ])(
    'a cell starting with %s is prefixed with a quote, so spreadsheets do not run it',
    async (_, value) => {
      const [, line] = await lines([row({ reference: value, beneficiary: { name: value } })]);
      const cell = value.includes('"') ? `"'${value.replace(/"/g, '""')}"` : `'${value}`;
      expect(line).toContain(`,${cell},${cell},`);
    },
  );

  it('a null field is empty', async () => {
    const [, line] = await lines([row({ reference: null, failure_reason: null })]);
    expect(line).toMatch(/,Asha Rao,,2026-/);
    expect(line.endsWith(',')).toBe(true);
  });
});
