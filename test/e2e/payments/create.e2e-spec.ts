import {
  beneficiaryFor,
  createQuote,
  createQuotes,
  expectProblem,
  expectValidationFailed,
  ISO_UTC_MS,
  newRef,
  paymentItem,
  paymentRowsByRef,
  postPayments,
  problemFields,
  quoteUsedAt,
  unknownId,
  usePaymentsApp,
  UUID_V7,
  writeCounts,
} from '../../support/payments-fixtures';

/** POST /api/v1/payments: what a created payment looks like, and every malformed request (400, nothing written). */
describe('POST /api/v1/payments — creation and request validation', () => {
  const ctx = usePaymentsApp();
  const http = () => ctx.t.http();

  /** Posts a body that must be refused with 400 naming `fields`, and checks nothing was written. */
  async function expectRefusedWithNothingWritten(
    body: unknown,
    fields: string[],
    quoteIds: string[] = [],
  ): Promise<void> {
    const before = await writeCounts(ctx.db);
    const res = await http()
      .post('/api/v1/payments')
      .send(body as object);
    expectProblem(res, 400, 'validation-failed');
    expect(await writeCounts(ctx.db)).toEqual(before);
    for (const id of quoteIds) expect(await quoteUsedAt(ctx.db, id)).toBeNull();
    expectValidationFailed(res, fields);
  }

  describe('a created payment', () => {
    it('answers 201 with the Payment of API.md: amount with the currency exponent, fee/currency/country from the quote, PENDING at version 1, absent optional fields null, metadata {}', async () => {
      const quote = await createQuote(http, 'INR', 'IN');
      const item = {
        quoteId: quote.id,
        externalRef: newRef('order'),
        amount: '1250.5',
        beneficiary: { name: 'Asha Rao', accountNumber: '50100012345678', bankCode: 'HDFC0000123' },
      };
      const res = await postPayments(http, [item]);

      expect(res.status).toBe(201);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body.results).toHaveLength(1);
      const result = res.body.results[0];
      expect(Object.keys(result).sort()).toEqual(['externalRef', 'index', 'outcome', 'payment']);
      expect(result).toMatchObject({ index: 0, externalRef: item.externalRef, outcome: 'CREATED' });
      const payment = result.payment;
      expect(payment).toEqual({
        id: expect.stringMatching(UUID_V7),
        externalRef: item.externalRef,
        quoteId: quote.id,
        status: 'PENDING',
        amount: '1250.50',
        currency: 'INR',
        country: 'IN',
        fee: { amount: '25.00', currency: 'INR' },
        beneficiary: { name: 'Asha Rao', accountNumber: '50100012345678', bankCode: 'HDFC0000123' },
        reference: null,
        purpose: null,
        metadata: {},
        failureReason: null,
        version: 1,
        createdAt: expect.stringMatching(ISO_UTC_MS),
        updatedAt: payment.createdAt,
      });

      const rows = await paymentRowsByRef(ctx.db, item.externalRef);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        id: payment.id,
        status: 'PENDING',
        amount_minor: '125050',
        fee_minor: '2500',
        currency: 'INR',
        country: 'IN',
        version: 1,
        metadata: {},
      });
      expect(await quoteUsedAt(ctx.db, quote.id)).not.toBeNull();
    });

    it('keeps every optional field as sent (bankCode, reference, purpose, metadata)', async () => {
      const quote = await createQuote(http);
      const item = paymentItem(quote.id, {
        amount: '10',
        beneficiary: {
          name: 'Jane Roe',
          accountNumber: '000123456789',
          bankCode: '026009593',
        },
        reference: 'Invoice 8812',
        purpose: 'SUPPLIER_PAYMENT',
        metadata: { orderId: '8812', team: 'ops' },
      });
      const res = await postPayments(http, [item]).expect(201);
      expect(res.body.results[0].payment).toMatchObject({
        amount: '10.00',
        currency: 'USD',
        country: 'US',
        fee: { amount: '1.00', currency: 'USD' },
        beneficiary: {
          name: 'Jane Roe',
          accountNumber: '000123456789',
          bankCode: '026009593',
        },
        reference: 'Invoice 8812',
        purpose: 'SUPPLIER_PAYMENT',
        metadata: { orderId: '8812', team: 'ops' },
      });
    });

    it('accepts the amount as a JSON number and answers it as a decimal string', async () => {
      const quote = await createQuote(http);
      const res = await postPayments(http, [paymentItem(quote.id, { amount: 1250.5 })]).expect(201);
      expect(res.body.results[0].payment.amount).toBe('1250.50');
      expect(
        (await paymentRowsByRef(ctx.db, res.body.results[0].externalRef))[0].amount_minor,
      ).toBe('125050');
    });

    it('accepts exactly 1e12 (the maximum)', async () => {
      const quote = await createQuote(http);
      const res = await postPayments(http, [
        paymentItem(quote.id, { amount: '1000000000000' }),
      ]).expect(201);
      expect(res.body.results[0].payment.amount).toBe('1000000000000.00');
    });

    it('creates every item of a batch, answering one result per item in request order', async () => {
      const quotes = await createQuotes(http, 3);
      const items = quotes.map((q, i) => paymentItem(q.id, { amount: `${i + 1}.00` }));
      const res = await postPayments(http, items).expect(201);
      expect(
        res.body.results.map(
          (r: {
            index: number;
            externalRef: string;
            outcome: string;
            payment: { amount: string };
          }) => [r.index, r.externalRef, r.outcome, r.payment.amount],
        ),
      ).toEqual(items.map((item, i) => [i, item.externalRef, 'CREATED', `${i + 1}.00`]));
    });

    it('accepts 100 items (the maximum)', async () => {
      const quotes = await createQuotes(http, 100);
      const items = quotes.map((q) => paymentItem(q.id));
      const before = await writeCounts(ctx.db);
      const res = await postPayments(http, items).expect(201);
      expect(res.body.results).toHaveLength(100);
      expect(
        res.body.results.every(
          (r: { outcome: string }, i: number) =>
            r.outcome === 'CREATED' && r.externalRef === items[i].externalRef,
        ),
      ).toBe(true);
      const after = await writeCounts(ctx.db);
      expect(after.payments - before.payments).toBe(100);
      expect(after.events - before.events).toBe(100);
    });
  });

  describe('per-currency decimals (the quote decides the currency)', () => {
    it.each([
      ['JPY', '1500', '1500', '150', 'JP'],
      ['JPY', 1500, '1500', '150', 'JP'],
      ['USD', '12.3', '12.30', '1.00', 'US'],
      ['USD', '12.34', '12.34', '1.00', 'US'],
      ['KWD', '1.234', '1.234', '0.500', 'KW'],
      ['KWD', '2', '2.000', '0.500', 'KW'],
    ])(
      '%s: amount %j is created as %j with fee %j',
      async (currency, amount, expected, fee, country) => {
        const quote = await createQuote(http, currency, country);
        const item = paymentItem(quote.id, { amount, beneficiary: beneficiaryFor(country) });
        const res = await postPayments(http, [item]).expect(201);
        expect(res.body.results[0].payment).toMatchObject({
          amount: expected,
          currency,
          country,
          fee: { amount: fee, currency },
        });
      },
    );

    it.each([
      ['JPY', '1500.5', 'JP'],
      ['JPY', 1500.5, 'JP'],
      ['JPY', '1500.0', 'JP'],
      ['USD', '12.345', 'US'],
      ['USD', 0.001, 'US'],
      ['KWD', '1.2345', 'KW'],
    ])(
      '%s: amount %j has too many decimals → 400 naming payments[1].amount, nothing written',
      async (currency, amount, country) => {
        const [good, bad] = [
          await createQuote(http, currency, country),
          await createQuote(http, currency, country),
        ];
        const body = {
          payments: [paymentItem(good.id, { amount: '1' }), paymentItem(bad.id, { amount })],
        };
        await expectRefusedWithNothingWritten(body, ['payments[1].amount'], [good.id, bad.id]);
      },
    );
  });

  describe('amount bounds', () => {
    it.each([
      ['0'],
      ['0.00'],
      [0],
      ['-5'],
      [-5],
      ['1000000000000.01'],
      ['1000000000001'],
      [1e13],
      [1e21],
      ['1e3'],
      ['12,50'],
      [' 12'],
      ['abc'],
      [''],
      [null],
      [true],
      [{}],
    ])('amount %j → 400 naming payments[0].amount, nothing written', async (amount) => {
      const quote = await createQuote(http);
      await expectRefusedWithNothingWritten(
        { payments: [paymentItem(quote.id, { amount: amount as string })] },
        ['payments[0].amount'],
        [quote.id],
      );
    });
  });

  describe('the payments array', () => {
    it('refuses an empty array with 400 naming payments', async () => {
      await expectRefusedWithNothingWritten({ payments: [] }, ['payments']);
    });

    it('refuses 101 items with 400 naming payments, nothing written', async () => {
      const quotes = await createQuotes(http, 2);
      const quoteIds = [
        quotes[0].id,
        ...Array.from({ length: 99 }, () => unknownId()),
        quotes[1].id,
      ];
      await expectRefusedWithNothingWritten(
        { payments: quoteIds.map((id) => paymentItem(id)) },
        ['payments'],
        [quotes[0].id, quotes[1].id],
      );
    });

    it.each([
      [{}, ['payments']],
      [{ payments: null }, ['payments']],
      [{ payments: 'x' }, ['payments']],
    ])('refuses %j with 400 naming %j', async (body, fields) => {
      await expectRefusedWithNothingWritten(body, fields);
    });

    it.each([[42], [null], ['x'], [[]]])(
      'refuses the item %j with 400 naming payments[0]',
      async (item) => {
        const res = await http()
          .post('/api/v1/payments')
          .send({ payments: [item] });
        expectProblem(res, 400, 'validation-failed');
        expect(problemFields(res)).toContain('payments[0]');
      },
    );

    it('refuses a non-boolean atomic with 400 naming atomic', async () => {
      const quote = await createQuote(http);
      await expectRefusedWithNothingWritten(
        { atomic: 'yes', payments: [paymentItem(quote.id)] },
        ['atomic'],
        [quote.id],
      );
    });
  });

  describe('unknown and missing fields are named by their path', () => {
    it('an unknown top-level field → 400 naming it, nothing written', async () => {
      const quote = await createQuote(http);
      await expectRefusedWithNothingWritten(
        { payments: [paymentItem(quote.id)], foo: 1 },
        ['foo'],
        [quote.id],
      );
    });

    it('an unknown field in an item → 400 naming payments[1].foo', async () => {
      const quotes = await createQuotes(http, 2);
      await expectRefusedWithNothingWritten(
        { payments: [paymentItem(quotes[0].id), paymentItem(quotes[1].id, { foo: 'bar' })] },
        ['payments[1].foo'],
        quotes.map((q) => q.id),
      );
    });

    it('an unknown field in a beneficiary → 400 naming payments[0].beneficiary.foo', async () => {
      const quote = await createQuote(http);
      const item = paymentItem(quote.id, {
        beneficiary: { name: 'A', accountNumber: '1', foo: 'x' } as never,
      });
      await expectRefusedWithNothingWritten(
        { payments: [item] },
        ['payments[0].beneficiary.foo'],
        [quote.id],
      );
    });

    it.each([['quoteId'], ['externalRef'], ['amount'], ['beneficiary']])(
      'a missing %s → 400 naming it by its path payments[0].<field>',
      async (field) => {
        const quote = await createQuote(http);
        const item: Record<string, unknown> = { ...paymentItem(quote.id) };
        delete item[field];
        await expectRefusedWithNothingWritten(
          { payments: [item] },
          [`payments[0].${field}`],
          [quote.id],
        );
      },
    );

    it.each([['name'], ['accountNumber']])(
      'a missing beneficiary.%s → 400 naming it by its path payments[0].beneficiary.<field>',
      async (field) => {
        const quote = await createQuote(http);
        const beneficiary: Record<string, string> = {
          name: 'Asha Rao',
          accountNumber: '50100012345678',
        };
        delete beneficiary[field];
        await expectRefusedWithNothingWritten(
          { payments: [paymentItem(quote.id, { beneficiary: beneficiary as never })] },
          [`payments[0].beneficiary.${field}`],
          [quote.id],
        );
      },
    );

    it('names every malformed field of every item in one answer', async () => {
      const quotes = await createQuotes(http, 3);
      const body = {
        payments: [
          paymentItem(quotes[0].id),
          paymentItem(quotes[1].id, { quoteId: 'not-a-uuid', amount: '-1' }),
          paymentItem(quotes[2].id, { beneficiary: { name: '', accountNumber: '1' } }),
        ],
      };
      await expectRefusedWithNothingWritten(
        body,
        ['payments[1].amount', 'payments[1].quoteId', 'payments[2].beneficiary.name'],
        quotes.map((q) => q.id),
      );
    });
  });

  describe('text limits', () => {
    it.each([
      ['externalRef of 65 characters', 'payments[0].externalRef', { externalRef: 'x'.repeat(65) }],
      ['empty externalRef', 'payments[0].externalRef', { externalRef: '' }],
      [
        'externalRef with a control character',
        'payments[0].externalRef',
        { externalRef: 'order\u00071' },
      ],
      ['externalRef with a newline', 'payments[0].externalRef', { externalRef: 'order\n1' }],
      [
        'externalRef with a zero-width space',
        'payments[0].externalRef',
        { externalRef: 'order\u200b1' },
      ],
      [
        'beneficiary.name of 141 characters',
        'payments[0].beneficiary.name',
        { beneficiary: { name: 'n'.repeat(141), accountNumber: '1' } },
      ],
      [
        'beneficiary.accountNumber of 35 characters',
        'payments[0].beneficiary.accountNumber',
        { beneficiary: { name: 'A', accountNumber: '1'.repeat(35) } },
      ],
      ['reference of 141 characters', 'payments[0].reference', { reference: 'r'.repeat(141) }],
      ['purpose of 65 characters', 'payments[0].purpose', { purpose: 'p'.repeat(65) }],
      [
        'metadata with 21 keys',
        'payments[0].metadata',
        { metadata: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v'])) },
      ],
      [
        'a metadata value of 501 characters',
        'payments[0].metadata',
        { metadata: { note: 'v'.repeat(501) } },
      ],
      ['a non-string metadata value', 'payments[0].metadata', { metadata: { n: 1 } as never }],
      ['metadata as an array', 'payments[0].metadata', { metadata: ['a'] as never }],
    ])('%s → 400 naming %s, nothing written', async (_what, field, overrides) => {
      const quote = await createQuote(http);
      await expectRefusedWithNothingWritten(
        { payments: [paymentItem(quote.id, overrides)] },
        [field],
        [quote.id],
      );
    });

    it('accepts the limits themselves: externalRef of 64 printable characters (with spaces), 20 metadata keys, values of 500 characters', async () => {
      const quote = await createQuote(http);
      const externalRef = `${newRef('max')} `.padEnd(64, 'é');
      const metadata = Object.fromEntries(
        Array.from({ length: 20 }, (_, i) => [`k${i}`, 'v'.repeat(500)]),
      );
      const res = await postPayments(http, [
        paymentItem(quote.id, {
          externalRef,
          metadata,
          reference: 'r'.repeat(140),
          purpose: 'p'.repeat(64),
        }),
      ]).expect(201);
      expect(res.body.results[0].payment).toMatchObject({ externalRef, metadata });
    });
  });

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

  describe('the same key twice in one request', () => {
    it('the same externalRef twice → 400 naming both items, nothing written', async () => {
      const quotes = await createQuotes(http, 3);
      const externalRef = newRef('dup');
      const body = {
        payments: [
          paymentItem(quotes[0].id, { externalRef }),
          paymentItem(quotes[1].id),
          paymentItem(quotes[2].id, { externalRef }),
        ],
      };
      await expectRefusedWithNothingWritten(
        body,
        ['payments[0].externalRef', 'payments[2].externalRef'],
        quotes.map((q) => q.id),
      );
      expect(await paymentRowsByRef(ctx.db, externalRef)).toHaveLength(0);
    });

    it('the same quoteId twice → 400 naming both items, nothing written', async () => {
      const quotes = await createQuotes(http, 2);
      const body = {
        payments: [paymentItem(quotes[0].id), paymentItem(quotes[1].id), paymentItem(quotes[0].id)],
      };
      await expectRefusedWithNothingWritten(
        body,
        ['payments[0].quoteId', 'payments[2].quoteId'],
        quotes.map((q) => q.id),
      );
    });

    it('the same externalRef twice in an atomic request is refused the same way (400, not 409/422)', async () => {
      const quotes = await createQuotes(http, 2);
      const externalRef = newRef('dup');
      const body = {
        atomic: true,
        payments: [
          paymentItem(quotes[0].id, { externalRef }),
          paymentItem(quotes[1].id, { externalRef }),
        ],
      };
      const before = await writeCounts(ctx.db);
      const res = await http().post('/api/v1/payments').send(body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation-failed');
      expect(problemFields(res)).toContain('payments[1].externalRef');
      expect(await writeCounts(ctx.db)).toEqual(before);
    });
  });
});
