import {
  createPayment,
  expectProblem,
  expectValidationFailed,
  moveInSandbox,
  PAYMENTS,
  type PaymentView,
  unknownId,
  usePaymentsApp,
} from '../../support/payments-fixtures';

interface Page {
  data: PaymentView[];
  nextCursor: string | null;
}

/**
 * Reads. This file's database holds exactly five payments, created one after the other in
 * `beforeAll` (p[0] oldest … p[4] newest): p[1] is CANCELLED, p[3] PROCESSING, the rest PENDING.
 * No test here writes, so every list below is exact.
 */
describe('reading payments', () => {
  const ctx = usePaymentsApp();
  const http = () => ctx.t.http();
  const p: PaymentView[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 5; i++) p.push(await createPayment(http, { amount: `${i + 1}.00` }));
    p[1] = (await http().post(`${PAYMENTS}/${p[1].id}/cancel`).expect(200)).body;
    p[3] = (await moveInSandbox(http, p[3].id, 'PROCESSING').expect(200)).body;
  });

  const ids = (page: Page) => page.data.map((x) => x.id);
  const list = (query: string) => http().get(`${PAYMENTS}${query}`);

  describe('GET /api/v1/payments/{id}', () => {
    it('answers 200 with the payment as created', async () => {
      const res = await http().get(`${PAYMENTS}/${p[0].id}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(p[0]);
    });

    it('answers the current state after a change (CANCELLED, version 2)', async () => {
      const res = await http().get(`${PAYMENTS}/${p[1].id}`).expect(200);
      expect(res.body).toEqual(p[1]);
      expect(res.body).toMatchObject({ status: 'CANCELLED', version: 2 });
    });

    it('answers an unknown uuid with 404 payment-not-found', async () => {
      expectProblem(await http().get(`${PAYMENTS}/${unknownId()}`), 404, 'payment-not-found');
    });

    it.each([['not-a-uuid'], ['123'], ['01a2zzzz-0000-7000-8000-000000000000']])(
      'answers the non-uuid id %j with 404 payment-not-found (not 400, not 500)',
      async (id) => {
        expectProblem(await http().get(`${PAYMENTS}/${id}`), 404, 'payment-not-found');
      },
    );
  });

  describe('GET /api/v1/payments', () => {
    it('lists newest first with the default limit (20): all five, nextCursor null', async () => {
      const res = await list('');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ data: [p[4], p[3], p[2], p[1], p[0]], nextCursor: null });
    });

    it('pages by 2 with the cursor: 3 pages, newest first, nextCursor null on the last', async () => {
      const first: Page = (await list('?limit=2').expect(200)).body;
      expect(ids(first)).toEqual([p[4].id, p[3].id]);
      expect(first.nextCursor).toEqual(expect.any(String));

      const second: Page = (
        await list(`?limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`).expect(200)
      ).body;
      expect(ids(second)).toEqual([p[2].id, p[1].id]);
      expect(second.nextCursor).toEqual(expect.any(String));

      const third: Page = (
        await list(`?limit=2&cursor=${encodeURIComponent(second.nextCursor!)}`).expect(200)
      ).body;
      expect(ids(third)).toEqual([p[0].id]);
      expect(third.nextCursor).toBeNull();
    });

    it('a page that ends exactly at the last payment has nextCursor null', async () => {
      const res: Page = (await list('?limit=5').expect(200)).body;
      expect(ids(res)).toHaveLength(5);
      expect(res.nextCursor).toBeNull();
    });

    it.each([
      ['PENDING', [4, 2, 0]],
      ['CANCELLED', [1]],
      ['PROCESSING', [3]],
      ['PAID', []],
    ])('filters by status=%s', async (status, expected) => {
      const res: Page = (await list(`?status=${status}`).expect(200)).body;
      expect(ids(res)).toEqual(expected.map((i) => p[i].id));
      expect(res.data.every((x) => x.status === status)).toBe(true);
    });

    it('pages within a status filter', async () => {
      const first: Page = (await list('?status=PENDING&limit=2').expect(200)).body;
      expect(ids(first)).toEqual([p[4].id, p[2].id]);
      const second: Page = (
        await list(
          `?status=PENDING&limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`,
        ).expect(200)
      ).body;
      expect(ids(second)).toEqual([p[0].id]);
      expect(second.nextCursor).toBeNull();
    });

    it('filters by externalRef: exactly that payment; an unknown one gives an empty page', async () => {
      const res: Page = (
        await list(`?externalRef=${encodeURIComponent(p[2].externalRef)}`).expect(200)
      ).body;
      expect(res).toEqual({ data: [p[2]], nextCursor: null });
      const none: Page = (await list('?externalRef=no-such-ref').expect(200)).body;
      expect(none).toEqual({ data: [], nextCursor: null });
    });

    it('combines externalRef and status', async () => {
      expect(
        ids(
          (
            await list(
              `?externalRef=${encodeURIComponent(p[1].externalRef)}&status=CANCELLED`,
            ).expect(200)
          ).body,
        ),
      ).toEqual([p[1].id]);
      expect(
        ids(
          (
            await list(
              `?externalRef=${encodeURIComponent(p[1].externalRef)}&status=PENDING`,
            ).expect(200)
          ).body,
        ),
      ).toEqual([]);
    });

    it.each([['0'], ['101'], ['abc'], ['1.5'], ['-1'], ['']])(
      'answers limit=%j with 400 naming limit',
      async (limit) => {
        expectValidationFailed(await list(`?limit=${limit}`), ['limit']);
      },
    );

    it('accepts limit=1 and limit=100 (the bounds)', async () => {
      expect(ids((await list('?limit=1').expect(200)).body)).toEqual([p[4].id]);
      expect(ids((await list('?limit=100').expect(200)).body)).toHaveLength(5);
    });

    it.each([
      ['abc'],
      ['!!!'],
      [Buffer.from('not-a-uuid').toString('base64url')],
      [unknownId()],
      ['x'.repeat(250)],
    ])('answers the bad cursor %j with 400 naming cursor', async (cursor) => {
      expectValidationFailed(await list(`?cursor=${encodeURIComponent(cursor)}`), ['cursor']);
    });

    it.each([['pending'], ['UNKNOWN'], ['CANCELED']])(
      'answers status=%j with 400 naming status',
      async (status) => {
        expectValidationFailed(await list(`?status=${status}`), ['status']);
      },
    );

    it('answers an unknown query parameter with 400 naming it', async () => {
      expectValidationFailed(await list('?foo=1'), ['foo']);
    });
  });
});
