import { parse } from 'csv-parse/sync';
import request, { type Response } from 'supertest';
import {
  beneficiaryFor,
  createAccount,
  createPayment,
  expectProblem,
  expectValidationFailed,
  type Http,
  moveInSandbox,
  PAYMENTS,
  type PaymentView,
  usePaymentsApp,
} from '../../support/payments-fixtures';

const ADMIN_KEY = 'admin-key-for-the-export-tests';
const EXPORT = `${PAYMENTS}/export`;
const HOUR = 3_600_000;
const HEADER = [
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
];

/**
 * GET /api/v1/payments/export: three payments of account A an hour apart (p[0] oldest, p[1] in
 * INR with a hostile reference, p[2] FAILED), and one of account B that must never appear.
 */
describe('GET /api/v1/payments/export', () => {
  const ctx = usePaymentsApp({ ADMIN_API_KEY: ADMIN_KEY });
  const http: Http = () => ctx.t.http();
  const p: PaymentView[] = [];
  let other: PaymentView;

  beforeAll(async () => {
    p.push(await createPayment(http, { reference: 'Invoice 1' }));
    ctx.t.clock.advance(HOUR);
    const hostile = '=HYPERLINK("http://x"), "quoted"\r\nline 2';
    p.push(await createPayment(http, { reference: hostile, amount: '1250.5' }, 'INR', 'IN'));
    ctx.t.clock.advance(HOUR);
    const closed = await createPayment(http, { beneficiary: beneficiaryFor('US') });
    await moveInSandbox(http, closed.id, 'PROCESSING').expect(200);
    p.push((await moveInSandbox(http, closed.id, 'FAILED', 'beneficiary account closed')).body);
    const b = await createAccount(ctx.t, ADMIN_KEY, 'Other Corp');
    other = await createPayment(b.http);
  });

  const exportCsv = (query: Record<string, string> = {}) =>
    http().get(EXPORT).query(query).set('Accept', 'text/csv').buffer(true).parse(textParser);
  const rowsOf = (body: string): string[][] => parse(body, { relax_quotes: false });
  const idsOf = (body: string) =>
    rowsOf(body)
      .slice(1)
      .map((row) => row[0]);

  it('answers every payment of the account as an RFC 4180 CSV attachment, oldest first', async () => {
    const res = await exportCsv();
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="payments-start-now.csv"',
    );
    const rows = rowsOf(res.body);
    expect(rows[0]).toEqual(HEADER);
    expect(rows.slice(1).map((r) => r[0])).toEqual([p[0].id, p[1].id, p[2].id]);
    expect(rows[2]).toEqual([
      p[1].id,
      p[1].externalRef,
      'PENDING',
      '1250.50',
      'INR',
      'IN',
      '25.00',
      'Asha Rao',
      `'=HYPERLINK("http://x"), "quoted"\r\nline 2`,
      p[1].createdAt,
      p[1].updatedAt,
      '',
    ]);
    expect(rows[3]).toMatchObject({ 2: 'FAILED', 11: 'beneficiary account closed' });
    expect(res.body.endsWith('\r\n')).toBe(true);
  });

  it("never holds another account's payments", async () => {
    expect(idsOf((await exportCsv()).body)).not.toContain(other.id);
  });

  it('filters by createdFrom (inclusive), createdTo (exclusive) and status, named in the file name', async () => {
    const range = await exportCsv({ createdFrom: p[1].createdAt, createdTo: p[2].createdAt });
    expect(idsOf(range.body)).toEqual([p[1].id]);
    const stamp = (iso: string) => iso.replace(/[-:]|\.\d{3}/g, '');
    expect(range.headers['content-disposition']).toBe(
      `attachment; filename="payments-${stamp(p[1].createdAt)}-${stamp(p[2].createdAt)}.csv"`,
    );
    expect(idsOf((await exportCsv({ status: 'FAILED' })).body)).toEqual([p[2].id]);
    expect(idsOf((await exportCsv({ status: 'PAID' })).body)).toEqual([]);
  });

  it('an export with no match is the header row alone', async () => {
    const res = await exportCsv({ createdFrom: '2000-01-01', createdTo: '2000-01-02' });
    expect(res.body).toBe(`${HEADER.join(',')}\r\n`);
  });

  it('is the export route, not a payment id', async () => {
    const res = await http().get(EXPORT).buffer(true).parse(textParser);
    expect(res.status).toBe(200);
  });

  it('answers CSV whatever the Accept header says (one representation, documented)', async () => {
    const res = await http()
      .get(EXPORT)
      .set('Accept', 'application/json')
      .buffer(true)
      .parse(textParser);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
  });

  it.each([
    [{ createdFrom: 'last week' }, ['createdFrom']],
    [{ createdTo: '2026-02-30' }, ['createdTo']],
    [{ status: 'SETTLED' }, ['status']],
    [{ limit: '10' }, ['limit']],
  ])('a bad query %j → 400 naming %j, as problem+json', async (query, fields) => {
    expectValidationFailed(await http().get(EXPORT).query(query), fields);
  });

  it('createdTo before createdFrom → 400 invalid-range', async () => {
    const res = await http()
      .get(EXPORT)
      .query({ createdFrom: p[2].createdAt, createdTo: p[0].createdAt });
    expectValidationFailed(res, ['createdTo']);
  });

  it('needs an API key', async () => {
    expectProblem(await request(ctx.t.app.getHttpServer()).get(EXPORT), 401, 'unauthorized');
  });
});

/** The body as text (superagent hands a parser the response stream). */
function textParser(res: Response, done: (err: Error | null, body: string) => void) {
  let body = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => (body += chunk));
  res.on('end', () => done(null, body));
}
