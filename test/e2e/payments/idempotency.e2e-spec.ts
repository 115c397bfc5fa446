import {
  createQuote,
  moveInSandbox,
  outboxRowsOf,
  PAYMENTS,
  type PaymentItem,
  paymentItem,
  paymentRowsByRef,
  postPayments,
  quoteUsedAt,
  usePaymentsApp,
  writeCounts,
} from '../../support/payments-fixtures';

/** POST /api/v1/payments: the externalRef is the idempotency key. */
describe('POST /api/v1/payments — idempotency by externalRef', () => {
  const ctx = usePaymentsApp({ QUOTE_TTL_SECONDS: '60' });
  const http = () => ctx.t.http();

  /** Creates a payment with every optional field set; returns the item as sent and the created payment. */
  async function original(overrides: Partial<PaymentItem> = {}) {
    const quote = await createQuote(http);
    const item = paymentItem(quote.id, {
      amount: '1250.50',
      beneficiary: { name: 'Asha Rao', accountNumber: '50100012345678', bankCode: '021000021' },
      reference: 'Invoice 8812',
      purpose: 'SUPPLIER_PAYMENT',
      metadata: { orderId: '8812', region: 'south' },
      ...overrides,
    });
    const res = await postPayments(http, [item]).expect(201);
    return { item, quote, payment: res.body.results[0].payment };
  }

  it('the same externalRef with the same content → 200 REPLAYED with the stored payment, no new row, no new event', async () => {
    const { item, payment } = await original();
    const before = await writeCounts(ctx.db);

    const res = await postPayments(http, [item]);

    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([
      { index: 0, externalRef: item.externalRef, outcome: 'REPLAYED', payment },
    ]);
    expect(await writeCounts(ctx.db)).toEqual(before);
    expect(await outboxRowsOf(ctx.db, payment.id)).toHaveLength(1);
  });

  it.each([
    ['"1250.5" for "1250.50"', { amount: '1250.5' }],
    ['the JSON number 1250.5 for "1250.50"', { amount: 1250.5 }],
    ['metadata keys in another order', { metadata: { region: 'south', orderId: '8812' } }],
  ])('same content written differently (%s) is a replay', async (_what, change) => {
    const { item, payment } = await original();
    const before = await writeCounts(ctx.db);
    const res = await postPayments(http, [{ ...item, ...change }]);
    expect(res.status).toBe(200);
    expect(res.body.results[0]).toMatchObject({
      outcome: 'REPLAYED',
      payment: { id: payment.id, version: 1 },
    });
    expect(await writeCounts(ctx.db)).toEqual(before);
  });

  it('absent metadata and {} are the same content', async () => {
    const { item, payment } = await original({ metadata: undefined });
    const res = await postPayments(http, [{ ...item, metadata: {} }]).expect(200);
    expect(res.body.results[0]).toMatchObject({
      outcome: 'REPLAYED',
      payment: { id: payment.id, metadata: {} },
    });
  });

  it.each([
    ['amount', { amount: '1250.51' }],
    [
      'beneficiary.name',
      {
        beneficiary: { name: 'Asha R.', accountNumber: '50100012345678', bankCode: '021000021' },
      },
    ],
    [
      'beneficiary.accountNumber',
      {
        beneficiary: { name: 'Asha Rao', accountNumber: '50100012345679', bankCode: '021000021' },
      },
    ],
    [
      'beneficiary.bankCode (another bank)',
      {
        beneficiary: { name: 'Asha Rao', accountNumber: '50100012345678', bankCode: '026009593' },
      },
    ],
    ['reference', { reference: 'Invoice 8813' }],
    ['purpose (dropped)', { purpose: undefined }],
    ['metadata value', { metadata: { orderId: '8813', region: 'south' } }],
    ['metadata (one key more)', { metadata: { orderId: '8812', region: 'south', extra: '1' } }],
    ['metadata (dropped)', { metadata: undefined }],
  ])(
    'the same externalRef with a different %s → 207 REJECTED idempotency-conflict, nothing written, the stored payment unchanged',
    async (_what, change) => {
      const { item, payment } = await original();
      const before = await writeCounts(ctx.db);

      const res = await postPayments(http, [{ ...item, ...change }]);

      expect(res.status).toBe(207);
      expect(res.body.results).toEqual([
        {
          index: 0,
          externalRef: item.externalRef,
          outcome: 'REJECTED',
          error: { code: 'idempotency-conflict', detail: expect.any(String) },
        },
      ]);
      expect(await writeCounts(ctx.db)).toEqual(before);
      const rows = await paymentRowsByRef(ctx.db, item.externalRef);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        id: payment.id,
        amount_minor: '125050',
        version: 1,
        reference: 'Invoice 8812',
        metadata: { orderId: '8812', region: 'south' },
      });
    },
  );

  it('the same externalRef with another quote → idempotency-conflict, and that other quote stays unused', async () => {
    const { item } = await original();
    const other = await createQuote(http);
    const res = await postPayments(http, [{ ...item, quoteId: other.id }]);
    expect(res.status).toBe(207);
    expect(res.body.results[0]).toMatchObject({
      outcome: 'REJECTED',
      error: { code: 'idempotency-conflict' },
    });
    expect(await quoteUsedAt(ctx.db, other.id)).toBeNull();
  });

  it.each([
    ['upper case', (ref: string) => ref.toUpperCase()],
    ['a trailing space', (ref: string) => `${ref} `],
  ])(
    'externalRef is compared exactly: the same key with %s is another payment (201), not a replay',
    async (_what, variant) => {
      const { item, payment } = await original();
      const quote = await createQuote(http);
      const res = await postPayments(http, [
        { ...item, quoteId: quote.id, externalRef: variant(item.externalRef) },
      ]);
      expect(res.status).toBe(201);
      expect(res.body.results[0].payment.id).not.toBe(payment.id);
    },
  );

  it('a replay after the payment changed status returns the current payment (CANCELLED, version 2)', async () => {
    const { item, payment } = await original();
    const cancelled = (await http().post(`${PAYMENTS}/${payment.id}/cancel`).expect(200)).body;
    const before = await writeCounts(ctx.db);

    const res = await postPayments(http, [item]);

    expect(res.status).toBe(200);
    expect(res.body.results[0]).toEqual({
      index: 0,
      externalRef: item.externalRef,
      outcome: 'REPLAYED',
      payment: cancelled,
    });
    expect(res.body.results[0].payment).toMatchObject({ status: 'CANCELLED', version: 2 });
    expect(await writeCounts(ctx.db)).toEqual(before);
  });

  it('a replay after the payment moved on shows it as it is now (PROCESSING, version 2)', async () => {
    const { item, payment } = await original();
    await moveInSandbox(http, payment.id, 'PROCESSING').expect(200);
    const res = await postPayments(http, [item]).expect(200);
    expect(res.body.results[0].payment).toMatchObject({
      id: payment.id,
      status: 'PROCESSING',
      version: 2,
    });
  });

  it('a replay still works once its quote has expired: a retry never fails for time', async () => {
    const { item, payment } = await original();
    ctx.t.clock.advance(61_000);
    const res = await postPayments(http, [item]).expect(200);
    expect(res.body.results[0]).toMatchObject({ outcome: 'REPLAYED', payment: { id: payment.id } });
  });

  it('a batch of one replay and one new item → 201 with REPLAYED and CREATED in request order', async () => {
    const { item, payment } = await original();
    const quote = await createQuote(http);
    const fresh = paymentItem(quote.id);
    const before = await writeCounts(ctx.db);

    const res = await postPayments(http, [item, fresh]);

    expect(res.status).toBe(201);
    expect(
      res.body.results.map((r: { index: number; outcome: string }) => [r.index, r.outcome]),
    ).toEqual([
      [0, 'REPLAYED'],
      [1, 'CREATED'],
    ]);
    expect(res.body.results[0].payment.id).toBe(payment.id);
    const after = await writeCounts(ctx.db);
    expect([after.payments - before.payments, after.events - before.events]).toEqual([1, 1]);
  });

  it('a batch of a replay and a conflict → 207', async () => {
    const a = await original();
    const b = await original();
    const res = await postPayments(http, [a.item, { ...b.item, amount: '1' }]);
    expect(res.status).toBe(207);
    expect(res.body.results.map((r: { outcome: string }) => r.outcome)).toEqual([
      'REPLAYED',
      'REJECTED',
    ]);
  });

  it('a replay whose amount has too many decimals for the stored currency is malformed (400), not a conflict', async () => {
    const { item } = await original();
    const before = await writeCounts(ctx.db);
    const res = await postPayments(http, [{ ...item, amount: '1250.500' }]);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['payments[0].amount']);
    expect(await writeCounts(ctx.db)).toEqual(before);
  });
});
