import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';

describe('POST /api/v1/payments/quote', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { QUOTE_TTL_SECONDS: '600' } });
  });
  afterAll(() => t.close());

  it('creates a quote priced by the corridor table, expiring after QUOTE_TTL_SECONDS', async () => {
    const before = t.clock.now().getTime();
    const res = await t
      .http()
      .post('/api/v1/payments/quote')
      .send({ currency: 'INR', country: 'IN' })
      .expect(201);
    expect(res.body).toMatchObject({
      currency: 'INR',
      country: 'IN',
      fee: { amount: '25.00', currency: 'INR' },
    });
    expect(res.body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab]/);
    const ttl = new Date(res.body.expiresAt).getTime() - new Date(res.body.createdAt).getTime();
    expect(ttl).toBe(600_000);
    expect(new Date(res.body.createdAt).getTime()).toBeGreaterThanOrEqual(before - 5);
  });

  it('answers what a payment into the corridor needs: beneficiary requirements and amount limits', async () => {
    const inr = await t
      .http()
      .post('/api/v1/payments/quote')
      .send({ currency: 'INR', country: 'IN' });
    expect(inr.body).toMatchObject({
      minAmount: '100.00',
      maxAmount: '10000000.00',
      beneficiaryRequirements: [
        { field: 'accountNumber', format: 'account-number', required: true },
        { field: 'bankCode', format: 'ifsc', required: true },
      ],
    });
    const de = await t
      .http()
      .post('/api/v1/payments/quote')
      .send({ currency: 'EUR', country: 'DE' });
    expect(de.body.beneficiaryRequirements).toEqual([
      { field: 'accountNumber', format: 'iban', required: true },
      { field: 'bankCode', format: 'bic', required: false },
    ]);
    const gb = await t
      .http()
      .post('/api/v1/payments/quote')
      .send({ currency: 'GBP', country: 'GB' });
    expect(gb.body.beneficiaryRequirements.map((r: { option: string }) => r.option)).toEqual([
      'iban',
      'iban',
      'sort-code',
      'sort-code',
    ]);
    const jp = await t
      .http()
      .post('/api/v1/payments/quote')
      .send({ currency: 'JPY', country: 'JP' });
    expect(jp.body).toMatchObject({ minAmount: null, maxAmount: null });
  });

  it('formats fees with the currency exponent (JPY 0, KWD 3)', async () => {
    const jpy = await t
      .http()
      .post('/api/v1/payments/quote')
      .send({ currency: 'JPY', country: 'JP' })
      .expect(201);
    expect(jpy.body.fee).toEqual({ amount: '150', currency: 'JPY' });
    const kwd = await t
      .http()
      .post('/api/v1/payments/quote')
      .send({ currency: 'KWD', country: 'KW' })
      .expect(201);
    expect(kwd.body.fee).toEqual({ amount: '0.500', currency: 'KWD' });
  });

  it('answers a valid but unserved pair with 422 unsupported-corridor', async () => {
    const res = await t
      .http()
      .post('/api/v1/payments/quote')
      .send({ currency: 'JPY', country: 'US' })
      .expect(422);
    expect(res.body).toMatchObject({ code: 'unsupported-corridor', status: 422 });
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });

  it.each([
    [{ currency: 'usd', country: 'US' }, ['currency']],
    [{ currency: 'ABC', country: 'US' }, ['currency']],
    [{ currency: 'XAU', country: 'US' }, ['currency']],
    [{ currency: 'USD', country: 'XX' }, ['country']],
    [{ currency: 'USD', country: 'USA' }, ['country']],
    [{ currency: 12, country: null }, ['country', 'currency']],
    [{}, ['country', 'currency']],
    [{ currency: 'USD', country: 'US', fee: '0' }, ['fee']],
  ])('answers invalid input %j with 400 naming %j', async (body, fields) => {
    const res = await t.http().post('/api/v1/payments/quote').send(body).expect(400);
    expect(res.body.code).toBe('validation-failed');
    expect([...new Set(res.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual(
      fields,
    );
  });

  it('answers a JSON array or scalar body with 400, not 500', async () => {
    for (const body of ['[]', '"USD"', '42', 'null']) {
      const res = await t
        .http()
        .post('/api/v1/payments/quote')
        .set('content-type', 'application/json')
        .send(body);
      expect(res.status).toBe(400);
    }
  });

  it('needs an API key', async () => {
    await request(t.app.getHttpServer())
      .post('/api/v1/payments/quote')
      .send({ currency: 'USD', country: 'US' })
      .expect(401);
  });
});

describe('corridor table from CORRIDORS_FILE', () => {
  const corridorFile = (content: string): string => {
    const file = join(mkdtempSync(join(tmpdir(), 'corridors-')), 'corridors.json');
    writeFileSync(file, content);
    return file;
  };

  it('replaces the shipped table', async () => {
    const file = corridorFile(
      JSON.stringify({
        US: {
          EUR: {
            fee: '3.25',
            maxAmount: '500.00',
            beneficiaryRequirements: [{ field: 'accountNumber', format: 'iban', required: true }],
          },
        },
      }),
    );
    const t = await createTestApp({ env: { CORRIDORS_FILE: file } });
    try {
      const res = await t
        .http()
        .post('/api/v1/payments/quote')
        .send({ currency: 'EUR', country: 'US' })
        .expect(201);
      expect(res.body).toMatchObject({
        fee: { amount: '3.25', currency: 'EUR' },
        minAmount: null,
        maxAmount: '500.00',
        beneficiaryRequirements: [{ field: 'accountNumber', format: 'iban', required: true }],
      });
      await t
        .http()
        .post('/api/v1/payments/quote')
        .send({ currency: 'USD', country: 'US' })
        .expect(422);
    } finally {
      await t.close();
    }
  });
});
