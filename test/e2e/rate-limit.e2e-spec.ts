import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';

const ADMIN_KEY = 'admin_key_for_rate_limit_tests';

describe('rate limiting per API key', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '3', ADMIN_API_KEY: ADMIN_KEY } });
  });
  afterAll(() => t.close());

  it('answers 429 problem+json with Retry-After once an account exceeds its budget, and leaves other accounts alone', async () => {
    const quote = () =>
      t.http().post('/api/v1/payments/quote').send({ currency: 'USD', country: 'US' });
    for (let i = 0; i < 3; i++) await quote().expect(201);
    const limited = await quote();
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.body.code).toBe('rate-limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);

    const other = await request(t.app.getHttpServer())
      .post('/api/v1/admin/accounts')
      .set('Authorization', `Bearer ${ADMIN_KEY}`)
      .send({ name: 'Other' })
      .expect(201);
    await request(t.app.getHttpServer())
      .post('/api/v1/payments/quote')
      .set('Authorization', `Bearer ${other.body.apiKey}`)
      .send({ currency: 'USD', country: 'US' })
      .expect(201);
  });
});
