/**
 * Abuse: the body limit, rate limiting per API key, and webhook receivers that answer slowly, send
 * a huge or endless body, or redirect to another (private) address.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { waitFor } from '../../support/payments-fixtures';
import { createTestApp, DEMO_KEY, type TestApp } from '../../support/test-app';
import { workersSettled } from '../../support/workers-settled';
import { rawRequest } from './raw-http';
import { listen, problemDefect, report, sleep } from './security-kit';

const ADMIN_KEY = '0123456789abcdef0123';
const P = '/api/v1/payments';
const MiB = 1024 * 1024;

/** A JSON body of exactly `size` bytes: a quote request padded with an unknown field. */
function jsonOfSize(size: number): string {
  const head = '{"currency":"USD","country":"US","pad":"';
  const tail = '"}';
  return head + 'x'.repeat(size - head.length - tail.length) + tail;
}

async function startServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ server: Server; url: string; port: number }> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return { server, url: `http://127.0.0.1:${port}/hooks`, port };
}

async function stopServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
}

describe('abuse: body limit', () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '0', SCHEDULERS: 'false' });
    base = await listen(t);
  });
  afterAll(() => t?.close());

  it('1 MiB + 1 byte → 413 problem+json (with content-length and chunked); exactly 1 MiB → not 413', async () => {
    const headers = { authorization: `Bearer ${DEMO_KEY}`, 'content-type': 'application/json' };
    const over = await rawRequest(base, {
      method: 'POST',
      path: `${P}/quote`,
      headers,
      body: jsonOfSize(MiB + 1),
    });
    const overChunked = await rawRequest(base, {
      method: 'POST',
      path: `${P}/quote`,
      headers,
      body: jsonOfSize(MiB + 1),
      chunked: true,
    });
    const exact = await rawRequest(base, {
      method: 'POST',
      path: `${P}/quote`,
      headers,
      body: jsonOfSize(MiB),
    });
    const exactChunked = await rawRequest(base, {
      method: 'POST',
      path: `${P}/quote`,
      headers,
      body: jsonOfSize(MiB),
      chunked: true,
    });
    const huge = await rawRequest(base, {
      method: 'POST',
      path: P,
      headers,
      body: jsonOfSize(8 * MiB),
    });
    const under = await rawRequest(base, {
      method: 'POST',
      path: `${P}/quote`,
      headers,
      body: jsonOfSize(MiB - 1),
    });
    report('abuse: body limit', {
      'MiB+1': `${over.status} ${(over.body as { code?: string })?.code}`,
      'MiB+1 chunked': `${overChunked.status} ${(overChunked.body as { code?: string })?.code}`,
      '8 MiB': `${huge.status} ${(huge.body as { code?: string })?.code}`,
      MiB: `${exact.status} ${(exact.body as { code?: string })?.code}`,
      'MiB chunked': `${exactChunked.status} ${(exactChunked.body as { code?: string })?.code}`,
      'MiB-1': `${under.status} ${(under.body as { code?: string })?.code}`,
    });
    for (const res of [over, overChunked, huge]) {
      expect(res.status).toBe(413);
      expect(problemDefect(res)).toBeNull();
      expect((res.body as { code: string }).code).toBe('payload-too-large');
    }
    // Exactly at the limit the body is read and judged on its content: the unknown field `pad`.
    for (const res of [exact, exactChunked, under]) {
      expect(res.status).toBe(400);
      expect((res.body as { code: string }).code).toBe('validation-failed');
    }
  });
});

describe('abuse: rate limiting per API key', () => {
  let t: TestApp;
  let base: string;
  const LIMIT = 5;
  beforeAll(async () => {
    t = await createTestApp({
      RATE_LIMIT_PER_MINUTE: String(LIMIT),
      SCHEDULERS: 'false',
      ADMIN_API_KEY: ADMIN_KEY,
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
    t = await createTestApp({ RATE_LIMIT_PER_MINUTE: String(LIMIT), SCHEDULERS: 'false' });
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

describe('abuse: hostile webhook receivers', () => {
  const TIMEOUT_MS = 500;
  // How late a busy machine may run the timeout's timer: an attempt cut then still proves the cut
  // (the receivers below would go on forever), a tighter bound can fail by chance under load.
  const LATE_TIMER_MS = 1_500;
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp({
      RATE_LIMIT_PER_MINUTE: '0',
      WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS),
      WEBHOOK_RETRY_BASE_MS: '100',
      WEBHOOK_RETRY_MAX_DELAY_MS: '200',
      WEBHOOK_POLL_INTERVAL_MS: '20',
      OUTBOX_POLL_INTERVAL_MS: '20',
    });
    base = await listen(t);
  });
  afterAll(() => t?.close());

  const http = () => request(base);
  const auth = (r: request.Test) => r.set('Authorization', `Bearer ${DEMO_KEY}`);

  interface DeliveryView {
    id: string;
    status: string;
    attempts: { statusCode: number | null; durationMs: number; error: string | null }[];
    nextAttemptAt: string | null;
  }

  /** Subscribes `url`, makes one payment (one payment.created event) and returns a reader of its delivery. */
  async function scenario(url: string) {
    const sub = (
      await auth(http().post(`${P}/subscribe`))
        .send({ callbackUrl: url, eventTypes: ['payment.created'] })
        .expect(201)
    ).body.id as string;
    const quote = (
      await auth(http().post(`${P}/quote`))
        .send({ currency: 'USD', country: 'US' })
        .expect(201)
    ).body.id as string;
    await auth(http().post(P))
      .send({
        payments: [
          {
            quoteId: quote,
            externalRef: `abuse-${randomUUID()}`,
            amount: '1.00',
            beneficiary: { name: 'A', accountNumber: '1', bankCode: '021000021' },
          },
        ],
      })
      .expect(201);
    const delivery = async (): Promise<DeliveryView | undefined> =>
      (await auth(http().get(`${P}/subscriptions/${sub}/deliveries`)).expect(200)).body.data[0];
    const until = async (
      ok: (d: DeliveryView) => boolean,
      what: string,
      timeoutMs = 8_000,
    ): Promise<DeliveryView> => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const d = await delivery();
        if (d && ok(d)) return d;
        if (Date.now() > deadline)
          throw new Error(`timed out waiting for ${what}: ${JSON.stringify(d)}`);
        await sleep(25);
      }
    };
    const unsubscribe = () => auth(http().delete(`${P}/subscriptions/${sub}`)).expect(204);
    return { delivery, until, unsubscribe };
  }

  it(`a receiver that sends its headers after more than WEBHOOK_TIMEOUT_MS (${TIMEOUT_MS} ms): the attempt is a timeout, retried, and delivered once it answers in time`, async () => {
    let slow = true;
    let requests = 0;
    const { server, url } = await startServer((req, res) => {
      requests++;
      req.resume();
      if (slow) setTimeout(() => res.writeHead(200).end('late'), TIMEOUT_MS * 3).unref();
      else res.writeHead(200).end('ok');
    });
    try {
      const s = await scenario(url);
      const retried = await s.until((d) => d.attempts.length >= 2, 'two timed-out attempts');
      slow = false;
      const delivered = await s.until(
        (d) => d.status === 'DELIVERED',
        'delivery after the receiver speeds up',
      );
      report('abuse: slow receiver', {
        timeoutMs: TIMEOUT_MS,
        receiverRequests: requests,
        timedOutAttempts: retried.attempts.map((a) => ({
          statusCode: a.statusCode,
          durationMs: a.durationMs,
          error: a.error,
        })),
        statusAfterTimeouts: retried.status,
        finalStatus: delivered.status,
        attemptsToDeliver: delivered.attempts.length,
      });
      const timedOut = retried.attempts.slice(0, 2);
      for (const a of timedOut) {
        expect(a.statusCode).toBeNull();
        expect(a.error).toMatch(/timeout/i);
        expect(a.durationMs).toBeLessThan(TIMEOUT_MS + LATE_TIMER_MS);
      }
      expect(retried.status).toBe('PENDING');
      expect(delivered.status).toBe('DELIVERED');
      await s.unsubscribe();
    } finally {
      await stopServer(server);
    }
  });

  it('a receiver that answers 200 with an endless body: the attempt is recorded within the timeout, a bounded amount is read, memory stays bounded', async () => {
    let bytesWritten = 0;
    let connectionsClosed = 0;
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const { server, url } = await startServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const pump = () => {
        while (!res.destroyed) {
          bytesWritten += chunk.length;
          if (!res.write(chunk)) break;
        }
        if (!res.destroyed) res.once('drain', pump);
      };
      res.on('close', () => connectionsClosed++);
      pump();
    });
    try {
      global.gc?.();
      const heapBefore = process.memoryUsage().heapUsed;
      const rssBefore = process.memoryUsage().rss;
      const s = await scenario(url);
      const attempted = await s.until((d) => d.attempts.length >= 1, 'the first attempt');
      await workersSettled(t);
      const heapAfter = process.memoryUsage().heapUsed;
      const rssAfter = process.memoryUsage().rss;
      const bytesAtAttempt = bytesWritten;
      // The dispatcher hangs up; then whatever else it had due (retries) has run: counted passes.
      await waitFor(async () => connectionsClosed, {
        until: (n) => n >= 1,
        what: 'the dispatcher hanging up',
      });
      await workersSettled(t);
      const later = await s.delivery();
      report('abuse: endless body', {
        attempt: attempted.attempts[0],
        statusWhenRecorded: attempted.status,
        statusLater: later?.status,
        attemptsLater: later?.attempts.length,
        receiverBytesWrittenWhenRecorded: bytesAtAttempt,
        receiverBytesWrittenLater: bytesWritten - bytesAtAttempt,
        receiverConnectionsClosed: connectionsClosed,
        heapGrowthMiB: +((heapAfter - heapBefore) / MiB).toFixed(1),
        rssGrowthMiB: +((rssAfter - rssBefore) / MiB).toFixed(1),
      });
      expect(attempted.attempts[0].durationMs).toBeLessThanOrEqual(TIMEOUT_MS + LATE_TIMER_MS);
      expect(connectionsClosed).toBeGreaterThanOrEqual(1); // the dispatcher hung up instead of reading on
      expect(bytesWritten - bytesAtAttempt).toBeLessThan(4 * MiB); // and it stays hung up
      expect(bytesAtAttempt).toBeLessThan(32 * MiB);
      expect(heapAfter - heapBefore).toBeLessThan(64 * MiB);
      await s.unsubscribe();
    } finally {
      await stopServer(server);
    }
  });

  it('a receiver that answers 200 then trickles its body forever: the attempt is cut at the timeout', async () => {
    const { server, url } = await startServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'text/plain' });
      const timer = setInterval(() => res.write('.'), 20);
      res.on('close', () => clearInterval(timer));
    });
    try {
      const s = await scenario(url);
      const attempted = await s.until((d) => d.attempts.length >= 1, 'the first attempt');
      report('abuse: trickling body', { attempt: attempted.attempts[0], status: attempted.status });
      expect(attempted.attempts[0].durationMs).toBeLessThanOrEqual(TIMEOUT_MS + LATE_TIMER_MS);
      await s.unsubscribe();
    } finally {
      await stopServer(server);
    }
  });

  it('a receiver that redirects (302) to another local address: the target is never requested and the delivery is not DELIVERED', async () => {
    let trapHits = 0;
    const trap = await startServer((req, res) => {
      trapHits++;
      req.resume();
      res.writeHead(200).end('ok');
    });
    let redirects = 0;
    const redirector = await startServer((req, res) => {
      redirects++;
      req.resume();
      res
        .writeHead(redirects % 2 ? 302 : 307, { location: `http://127.0.0.1:${trap.port}/` })
        .end();
    });
    try {
      const s = await scenario(redirector.url);
      const d = await s.until((x) => x.attempts.length >= 3, 'three attempts');
      await workersSettled(t);
      report('abuse: redirect', {
        redirectsAnswered: redirects,
        trapHits,
        status: d.status,
        attempts: d.attempts.map((a) => ({ statusCode: a.statusCode, error: a.error })),
      });
      expect(trapHits).toBe(0);
      expect(d.status).not.toBe('DELIVERED');
      expect(d.attempts.every((a) => a.statusCode === 302 || a.statusCode === 307)).toBe(true);
      await s.unsubscribe();
    } finally {
      await stopServer(redirector.server);
      await stopServer(trap.server);
    }
  });
});
