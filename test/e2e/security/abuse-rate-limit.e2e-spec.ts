/** Abuse: rate limiting, one budget per API key whatever the routes. */
import request from 'supertest';
import { ADMIN_KEY, createTestApp, DEMO_KEY, type TestApp } from '../../support/test-app';
import { listen, problemDefect, report } from './security-kit';

const P = '/api/v1/payments';

describe('abuse: rate limiting per API key', () => {
  let t: TestApp;
  let base: string;
  const LIMIT = 5;
  beforeAll(async () => {
    t = await createTestApp({
      env: {
        RATE_LIMIT_PER_MINUTE: String(LIMIT),
        SCHEDULERS: 'false',
        ADMIN_API_KEY: ADMIN_KEY,
      },
    });
    base = await listen(t);
  });
  afterAll(() => t?.close());

  it('over its budget a key gets 429 problem+json with Retry-After; another key from the same address does not', async () => {
    const created = await request(base)
      .post('/api/v1/admin/accounts')
      .set('Authorization', `Bearer ${ADMIN_KEY}`)
      .send({ name: 'Second' })
      .expect(201);
    const keyB = created.body.apiKey as string;
    const quote = (key: string) =>
      request(base)
        .post(`${P}/quote`)
        .set('Authorization', `Bearer ${key}`)
        .send({ currency: 'USD', country: 'US' });
    const statusesA: number[] = [];
    for (let i = 0; i < LIMIT + 2; i++) statusesA.push((await quote(DEMO_KEY)).status);
    const limited = await quote(DEMO_KEY);
    const statusesB: number[] = [];
    for (let i = 0; i < LIMIT; i++) statusesB.push((await quote(keyB)).status);
    const unknownKey = await request(base).get(P).set('Authorization', 'Bearer sk_nope_not_a_key');
    report('abuse: rate limit (one route)', {
      limitPerMinute: LIMIT,
      statusesA,
      limited: limited.status,
      retryAfter: limited.headers['retry-after'],
      statusesB,
      unknownKey: unknownKey.status,
    });

    expect(statusesA).toEqual([...Array<number>(LIMIT).fill(201), 429, 429]);
    expect(limited.status).toBe(429);
    expect(problemDefect(limited)).toBeNull();
    expect(limited.body.code).toBe('rate-limited');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
    expect(statusesB).toEqual(Array<number>(LIMIT).fill(201));
    expect(unknownKey.status).toBe(401);
  });
});

describe('abuse: the rate limit is one budget per API key, whatever the routes', () => {
  let t: TestApp;
  let base: string;
  const LIMIT = 6;
  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: String(LIMIT), SCHEDULERS: 'false' } });
    base = await listen(t);
  });
  afterAll(() => t?.close());

  it(`RATE_LIMIT_PER_MINUTE=${LIMIT} spread over three routes: the request after the ${LIMIT}th is refused`, async () => {
    const key = DEMO_KEY;
    const routes = [
      () =>
        request(base)
          .post(`${P}/quote`)
          .set('Authorization', `Bearer ${key}`)
          .send({ currency: 'USD', country: 'US' }),
      () => request(base).get(`${P}?limit=1`).set('Authorization', `Bearer ${key}`),
      () => request(base).get(`${P}/subscriptions`).set('ApiKey', key),
    ];
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT * 3; i++) statuses.push((await routes[i % 3]()).status);
    report('abuse: rate limit (three routes, one key)', {
      limitPerMinute: LIMIT,
      requests: statuses.length,
      statuses,
      accepted: statuses.filter((s) => s < 300).length,
      refused429: statuses.filter((s) => s === 429).length,
    });
    expect(statuses.filter((s) => s < 300).length).toBe(LIMIT);
    expect(statuses.slice(LIMIT).every((s) => s === 429)).toBe(true);
  });
});
