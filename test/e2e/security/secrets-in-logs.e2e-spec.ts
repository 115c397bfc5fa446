/**
 * Secrets in logs: the whole app runs in-process at LOG_LEVEL=debug while everything written to
 * stdout and stderr is captured (process.stdout/stderr.write, and fs.write/fs.writeSync on fds 1
 * and 2, which is where pino's sonic-boom writes). A full flow follows with a real admin key, a
 * created account's key (as `Authorization: Bearer` and as `ApiKey`), wrong keys, webhook secrets
 * (given and generated), webhook deliveries and retries, and a 500 provoked by a missing table.
 * None of the keys or secrets, nor `Bearer <key>`, may appear in the captured text. The demo key
 * is logged once at start-up by design, so the flow uses other keys.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Client } from 'pg';
import request from 'supertest';
import { captureOutput, type CapturedOutput } from '../../support/captured-output';
import { createTestApp, DEMO_KEY, type TestApp } from '../../support/test-app';
import { workersSettled } from '../../support/workers-settled';
import { connect, listen, report, sleep } from './security-kit';

const ADMIN_KEY = `adm_${randomBytes(16).toString('hex')}`;
const WRONG_KEY = `sk_wrong_${randomBytes(12).toString('hex')}`;
const GIVEN_SECRET = `whsec_${randomBytes(32).toString('base64')}`;
const SECRET_FOR_500 = `whsec_${randomBytes(32).toString('base64')}`;
const P = '/api/v1/payments';

describe('secrets in logs', () => {
  let t: TestApp;
  let db: Client;
  let base: string;
  let receiver: Server;
  let output: CapturedOutput;

  beforeAll(async () => {
    let calls = 0;
    receiver = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(++calls % 3 === 1 ? 500 : 200).end());
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    output = captureOutput();
    t = await createTestApp({
      env: {
        LOG_LEVEL: 'debug',
        ADMIN_API_KEY: ADMIN_KEY,
        RATE_LIMIT_PER_MINUTE: '0',
        OUTBOX_POLL_INTERVAL_MS: '20',
        WEBHOOK_POLL_INTERVAL_MS: '20',
        WEBHOOK_RETRY_BASE_MS: '50',
      },
    });
    base = await listen(t);
    db = await connect(t.databaseUrl);
  });
  afterAll(async () => {
    output?.restore();
    await db?.end();
    await t?.close();
    receiver?.close();
  });

  it('a full flow at LOG_LEVEL=debug logs no API key, admin key, webhook secret or Authorization header', async () => {
    const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    const marker = `req-${randomBytes(6).toString('hex')}`;
    const account = await request(base)
      .post('/api/v1/admin/accounts')
      .set('Authorization', `Bearer ${ADMIN_KEY}`)
      .set('x-request-id', `${marker}-admin`)
      .send({ name: 'Logged Corp' })
      .expect(201);
    const key = account.body.apiKey as string;
    const bearer = () => ({ Authorization: `Bearer ${key}` });

    // Wrong keys and wrong admin keys: 401s are logged too.
    await request(base)
      .post('/api/v1/admin/accounts')
      .set('Authorization', `Bearer ${WRONG_KEY}`)
      .send({ name: 'x' })
      .expect(401);
    await request(base).get(P).set('Authorization', `Bearer ${WRONG_KEY}`).expect(401);
    await request(base).get(P).set('ApiKey', WRONG_KEY).expect(401);
    await request(base)
      .get(P)
      .set('Authorization', `Basic ${Buffer.from(`${key}:`).toString('base64')}`)
      .expect(401);

    // Subscriptions: one with a given secret, one with a generated one.
    const given = await request(base)
      .post(`${P}/subscribe`)
      .set(bearer())
      .set('x-request-id', `${marker}-subscribe`)
      .send({ callbackUrl: hookUrl, secret: GIVEN_SECRET })
      .expect(201);
    const generated = await request(base)
      .post(`${P}/subscribe`)
      .set('ApiKey', key)
      .send({ callbackUrl: hookUrl })
      .expect(201);
    const generatedSecret = generated.body.secret as string;
    await request(base).get(`${P}/subscriptions/${given.body.id}`).set(bearer()).expect(200);
    await request(base).get(`${P}/subscriptions`).set('ApiKey', key).expect(200);

    // Payments, with both header forms, a replay, a sandbox move, a cancel and a bad request.
    const quote = async () =>
      (
        await request(base)
          .post(`${P}/quote`)
          .set(bearer())
          .send({ currency: 'USD', country: 'US' })
          .expect(201)
      ).body.id as string;
    const item = async (ref: string) => ({
      quoteId: await quote(),
      externalRef: ref,
      amount: '12.50',
      beneficiary: { name: 'Asha Rao', accountNumber: '50100012345678', bankCode: '021000021' },
    });
    const first = await item('log-1');
    const created = await request(base)
      .post(P)
      .set(bearer())
      .send({ payments: [first] })
      .expect(201);
    await request(base)
      .post(P)
      .set('ApiKey', key)
      .send({ payments: [first] })
      .expect(200);
    const second = await request(base)
      .post(P)
      .set('ApiKey', key)
      .send({ payments: [await item('log-2')] })
      .expect(201);
    await request(base)
      .post(`/api/v1/sandbox/payments/${created.body.results[0].payment.id}/status`)
      .set(bearer())
      .send({ status: 'PROCESSING' })
      .expect(200);
    await request(base)
      .post(`${P}/${second.body.results[0].payment.id}/cancel`)
      .set(bearer())
      .expect(200);
    await request(base)
      .post(P)
      .set(bearer())
      .send({ payments: [{ quoteId: 'nope' }] })
      .expect(400);
    await request(base)
      .post(P)
      .set(bearer())
      .set('Content-Type', 'application/json')
      .send('{"payments": [')
      .expect(400);

    // Deliveries (every third answer is a 500, so some are retried), listed and retried by hand.
    for (let waited = 0; ; waited += 50) {
      const page = (
        await request(base)
          .get(`${P}/subscriptions/${given.body.id}/deliveries`)
          .set(bearer())
          .expect(200)
      ).body.data as { id: string; status: string }[];
      if (page.length >= 4 && page.every((d) => d.status === 'DELIVERED')) {
        await request(base)
          .post(`${P}/subscriptions/${given.body.id}/deliveries/${page[0].id}/retry`)
          .set(bearer())
          .expect(202);
        break;
      }
      if (waited > 10_000) throw new Error(`deliveries not delivered: ${JSON.stringify(page)}`);
      await sleep(50);
    }

    // A 500: the subscription table is gone for a moment, so the insert that carries the secret fails.
    await db.query('alter table webhook_subscription rename to webhook_subscription_away');
    let fiveHundred: request.Response;
    try {
      fiveHundred = await request(base)
        .post(`${P}/subscribe`)
        .set(bearer())
        .set('x-request-id', `${marker}-500`)
        .send({ callbackUrl: hookUrl, secret: SECRET_FOR_500 });
    } finally {
      await db.query('alter table webhook_subscription_away rename to webhook_subscription');
    }
    await request(base).delete(`${P}/subscriptions/${generated.body.id}`).set(bearer()).expect(204);
    // The dispatcher has logged whatever it logs about the missing table: counted passes.
    await workersSettled(t);
    const captured = output.text();

    const secrets: Record<string, string> = {
      'admin key': ADMIN_KEY,
      'account API key': key,
      'Bearer <account key>': `Bearer ${key}`,
      'wrong key': WRONG_KEY,
      'given webhook secret': GIVEN_SECRET,
      'given webhook secret (base64 part)': GIVEN_SECRET.slice('whsec_'.length),
      'generated webhook secret': generatedSecret,
      'generated webhook secret (base64 part)': generatedSecret.slice('whsec_'.length),
      'secret of the 500 request': SECRET_FOR_500,
      'secret of the 500 request (base64 part)': SECRET_FOR_500.slice('whsec_'.length),
    };
    const found = Object.entries(secrets)
      .filter(([, value]) => captured.includes(value))
      .map(([name, value]) => {
        const at = captured.indexOf(value);
        return `${name}: …${captured.slice(Math.max(0, at - 150), at + value.length + 50).replace(/\s+/g, ' ')}…`;
      });
    const demoKeyMentions = captured.split(DEMO_KEY).length - 1;
    const lines = captured.split('\n').filter(Boolean);
    report('secrets in logs', {
      capturedBytes: captured.length,
      capturedLines: lines.length,
      requestLogLines: lines.filter((l) => l.includes('"req"')).length,
      errorLines: lines.filter((l) => /"level":50/.test(l)).length,
      markerSeen: captured.includes(marker),
      fiveHundredStatus: fiveHundred!.status,
      demoKeyMentions,
      secretsChecked: Object.keys(secrets).length,
      secretsFound: found.length,
    });
    for (const f of found) report('secrets in logs: FOUND', { where: f });

    // The capture saw the app's request logs and the 500's error log: it was not looking elsewhere.
    expect(captured).toContain(`${marker}-admin`);
    expect(captured).toContain(`${marker}-500`);
    expect(fiveHundred!.status).toBe(500);
    expect(demoKeyMentions).toBeLessThanOrEqual(1);
    expect(found).toEqual([]);
  });
});
