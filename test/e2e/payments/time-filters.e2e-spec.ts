import {
  createPayment,
  expectValidationFailed,
  PAYMENTS,
  type PaymentView,
  usePaymentsApp,
} from '../../support/payments-fixtures';

const HOUR = 3_600_000;

/**
 * GET /api/v1/payments?createdFrom=&createdTo=: six payments an hour apart (by the FakeClock),
 * p[0] oldest; p[2] is CANCELLED. No test here writes, so every list is exact.
 */
describe('GET /api/v1/payments — by creation time', () => {
  const ctx = usePaymentsApp();
  const http = () => ctx.t.http();
  const p: PaymentView[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 6; i++) {
      p.push(await createPayment(http, { amount: `${i + 1}.00` }));
      ctx.t.clock.advance(HOUR);
    }
    p[2] = (await http().post(`${PAYMENTS}/${p[2].id}/cancel`).expect(200)).body;
  });

  const list = async (query: Record<string, string>) =>
    http().get(PAYMENTS).query(query).expect(200);
  const ids = (payments: PaymentView[]) => payments.map((x) => x.id);

  it('createdFrom is inclusive, createdTo exclusive, newest first', async () => {
    const res = await list({ createdFrom: p[1].createdAt, createdTo: p[4].createdAt });
    expect(ids(res.body.data)).toEqual(ids([p[3], p[2], p[1]]));
  });

  it('either end may be open, and times with an offset mean the same instant', async () => {
    expect(ids((await list({ createdFrom: p[4].createdAt })).body.data)).toEqual(ids([p[5], p[4]]));
    expect(ids((await list({ createdTo: p[1].createdAt })).body.data)).toEqual(ids([p[0]]));
    const t = new Date(p[4].createdAt);
    const inIndia = new Date(t.getTime() + 5.5 * HOUR).toISOString().replace('Z', '+05:30');
    expect(ids((await list({ createdFrom: inIndia })).body.data)).toEqual(ids([p[5], p[4]]));
  });

  it('the cursor pages through the range and ends with it', async () => {
    const range = { createdFrom: p[1].createdAt, createdTo: p[5].createdAt, limit: '3' };
    const first = await list(range);
    expect(ids(first.body.data)).toEqual(ids([p[4], p[3], p[2]]));
    const second = await list({ ...range, cursor: first.body.nextCursor });
    expect(ids(second.body.data)).toEqual(ids([p[1]]));
    expect(second.body.nextCursor).toBeNull();
  });

  it('combines with status', async () => {
    const res = await list({ createdFrom: p[1].createdAt, status: 'CANCELLED' });
    expect(ids(res.body.data)).toEqual(ids([p[2]]));
  });

  it('an empty range [t, t) is an empty page', async () => {
    const res = await list({ createdFrom: p[3].createdAt, createdTo: p[3].createdAt });
    expect(res.body).toEqual({ data: [], nextCursor: null });
  });

  it.each([
    ['not a date', 'yesterday'],
    ['a month 13', '2026-13-01'],
    ['a time without a zone', '2026-11-24T10:00:00'],
    ['a date-time with a space', '2026-11-24 10:00:00Z'],
  ])('createdFrom %s → 400 naming createdFrom', async (_, value) => {
    const res = await http().get(PAYMENTS).query({ createdFrom: value });
    expectValidationFailed(res, ['createdFrom']);
  });

  it('createdTo before createdFrom → 400 invalid-range naming createdTo', async () => {
    const res = await http()
      .get(PAYMENTS)
      .query({ createdFrom: p[3].createdAt, createdTo: p[1].createdAt });
    expectValidationFailed(res, ['createdTo']);
    expect(res.body.errors[0].code).toBe('invalid-range');
  });

  it('the account + time index serves the range (EXPLAIN, sequential scans off: the table is tiny)', async () => {
    await ctx.db.query('set enable_seqscan = off');
    try {
      const { rows } = await ctx.db.query<{ 'QUERY PLAN': string }>(
        `explain select id from payment where account_id = $1 and created_at >= $2 and created_at < $3
         order by created_at, id`,
        ['00000000-0000-7000-8000-000000000000', p[1].createdAt, p[4].createdAt],
      );
      expect(rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(
        /Index (Only )?Scan using payment_account_created_at_id_idx/,
      );
    } finally {
      await ctx.db.query('reset enable_seqscan');
    }
  });
});
