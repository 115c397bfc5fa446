/** Abuse: the request body limit (1 MiB), with content-length and chunked. */
import { createTestApp, DEMO_KEY, type TestApp } from '../../support/test-app';
import { rawRequest } from './raw-http';
import { listen, problemDefect, report } from './security-kit';

const P = '/api/v1/payments';
const MiB = 1024 * 1024;

/** A JSON body of exactly `size` bytes: a quote request padded with an unknown field. */
function jsonOfSize(size: number): string {
  const head = '{"currency":"USD","country":"US","pad":"';
  const tail = '"}';
  return head + 'x'.repeat(size - head.length - tail.length) + tail;
}

describe('abuse: body limit', () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0', SCHEDULERS: 'false' } });
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
