import {
  createQuote,
  expectValidationFailed,
  paymentItem,
  paymentRowsByRef,
  postPayments,
  problemFields,
  quoteUsedAt,
  usePaymentsApp,
  writeCounts,
} from '../../support/payments-fixtures';

/** POST /api/v1/payments: metadata keys and values exactly as sent; keys like "__proto__" never dropped silently. */
describe('POST /api/v1/payments — metadata is stored as sent', () => {
  const ctx = usePaymentsApp();
  const http = () => ctx.t.http();

  describe('metadata is stored as sent', () => {
    /** Posts one item whose JSON gets `fragment` spliced in raw, so keys like "__proto__" reach the server as sent. */
    async function postRaw(fragment: string) {
      const quote = await createQuote(http);
      const raw = JSON.stringify({ payments: [paymentItem(quote.id)] }).replace(
        '"beneficiary":',
        `${fragment},"beneficiary":`,
      );
      const before = await writeCounts(ctx.db);
      const res = await http()
        .post('/api/v1/payments')
        .set('content-type', 'application/json')
        .send(raw);
      return { res, before, quote };
    }

    it('keeps metadata keys and values exactly, whatever their order', async () => {
      const quote = await createQuote(http);
      const metadata = { z: '1', a: '', 'with space': 'ünïcödé ✓', 'k.e-y_1': 'v' };
      const res = await postPayments(http, [paymentItem(quote.id, { metadata })]).expect(201);
      expect(res.body.results[0].payment.metadata).toEqual(metadata);
      const [row] = await paymentRowsByRef(ctx.db, res.body.results[0].externalRef);
      expect(row.metadata).toEqual(metadata);
    });

    it.each([
      ['__proto__'],
      ['constructor'],
      ['prototype'],
      ['toString'],
      ['hasOwnProperty'],
      ['valueOf'],
    ])(
      'never drops the metadata key %j silently: it is stored as sent, or refused with 400',
      async (key) => {
        const sent = `{"${key}":"x","a":"b"}`;
        const { res, before, quote } = await postRaw(`"metadata":${sent}`);
        if (res.status === 400) {
          expect(problemFields(res)).toEqual([`payments[0].metadata.${key}`]);
          expect(await writeCounts(ctx.db)).toEqual(before);
          expect(await quoteUsedAt(ctx.db, quote.id)).toBeNull();
        } else {
          expect(res.status).toBe(201);
          expect(JSON.stringify(res.body.results[0].payment.metadata)).toBe(sent);
        }
      },
    );

    it('refuses a metadata key named "constructor" (400 naming payments[0].metadata.constructor)', async () => {
      const { res, before, quote } = await postRaw('"metadata":{"constructor":{"prototype":1}}');
      expectValidationFailed(res, ['payments[0].metadata.constructor']);
      expect(await writeCounts(ctx.db)).toEqual(before);
      expect(await quoteUsedAt(ctx.db, quote.id)).toBeNull();
    });

    it.each([
      ['__proto__', '{"foo":1}'],
      ['constructor', '"x"'],
    ])(
      'refuses an unknown item field %j (value %s) with 400 naming it by its path',
      async (key, value) => {
        const { res, before } = await postRaw(`"${key}":${value}`);
        expectValidationFailed(res, [`payments[0].${key}`]);
        expect(await writeCounts(ctx.db)).toEqual(before);
      },
    );
  });
});
