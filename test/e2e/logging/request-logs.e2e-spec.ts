/**
 * Request logs: every line a request logs names its request id (the x-request-id of its answer),
 * at any level; at info one line ends each API request, with its account; probes log nothing.
 * Above info the service binds the id without pino-http (RequestIds), so both paths are checked.
 */
import { Client } from 'pg';
import { captureOutput, type CapturedOutput } from '../../support/captured-output';
import { createTestApp, type TestApp } from '../../support/test-app';

const linesOf = (output: CapturedOutput, reqId: string) =>
  output.jsonLines().filter((line) => line.reqId === reqId);

describe.each(['warn', 'info'])('request logs at LOG_LEVEL=%s', (level) => {
  let t: TestApp;
  let output: CapturedOutput;

  beforeAll(async () => {
    output = captureOutput();
    t = await createTestApp({ env: { LOG_LEVEL: level } });
  });
  afterAll(async () => {
    output?.restore();
    await t?.close();
  });

  it('the error line of a failing request carries the request id its answer names', async () => {
    const db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    await db.query('alter table quote rename to quote_away');
    try {
      const res = await t
        .http()
        .post('/api/v1/payments/quote')
        .set('x-request-id', `logs-${level}-500`)
        .send({ currency: 'USD', country: 'US' });
      expect(res.status).toBe(500);
      expect(res.headers['x-request-id']).toBe(`logs-${level}-500`);
    } finally {
      await db.query('alter table quote_away rename to quote');
      await db.end();
    }
    const errors = linesOf(output, `logs-${level}-500`).filter((line) => line.level === 50);
    expect(errors.length).toBeGreaterThanOrEqual(1);
  });

  it(`writes ${level === 'info' ? 'one line' : 'no line'} for a successful API request, and none for a probe`, async () => {
    const res = await t.http().get('/api/v1/payments').set('x-request-id', `logs-${level}-ok`);
    expect(res.status).toBe(200);
    await t.http().get('/health/live').set('x-request-id', `logs-${level}-probe`).expect(200);
    const lines = linesOf(output, `logs-${level}-ok`);
    if (level === 'info') {
      expect(lines).toEqual([
        expect.objectContaining({
          level: 30,
          accountId: expect.any(String),
          req: { id: `logs-${level}-ok`, method: 'GET', url: '/api/v1/payments' },
          res: { statusCode: 200 },
        }),
      ]);
    } else {
      expect(lines).toEqual([]);
    }
    expect(linesOf(output, `logs-${level}-probe`)).toEqual([]);
  });
});
