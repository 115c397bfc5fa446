/**
 * The response contract's own machinery (test/support/contract): a check that never fires would
 * let every undocumented answer through, so each part is shown to catch what it is meant to.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { undocumented } from '../support/contract/contract-report';
import { OpenApiOperations } from '../support/contract/openapi-operations';
import { contractState, observeResponses } from '../support/contract/response-observer';
import { ResponseSchemas } from '../support/contract/response-schemas';
import { rawRequest } from './security/raw-http';

const operations = new OpenApiOperations();

describe('the route of a request, read from docs/openapi.json', () => {
  it.each([
    ['GET', '/api/v1/payments/subscriptions?limit=2', 'GET /api/v1/payments/subscriptions'],
    ['GET', '/api/v1/payments/0193a1b2', 'GET /api/v1/payments/{id}'],
    ['POST', '/api/v1/payments/abc/cancel', 'POST /api/v1/payments/{id}/cancel'],
    ['GET', '/api/v1/payments/', 'GET /api/v1/payments'],
    ['GET', '/API/V1/PAYMENTS', 'GET /api/v1/payments'],
  ])('%s %s is %s', (method, url, expected) => {
    const op = operations.match(method, url);
    expect(op && `${op.method.toUpperCase()} ${op.path}`).toBe(expected);
  });

  it.each([
    ['GET', '/nowhere'],
    ['PUT', '/api/v1/payments'],
    ['GET', '/api/v1/payments//cancel'],
  ])('%s %s is no operation', (method, url) => {
    expect(operations.match(method, url)).toBeUndefined();
  });
});

describe('an undocumented answer is named with what to document', () => {
  const record = (status: number, contentType: string | null) => ({
    method: 'POST',
    path: '/api/v1/payments/{id}/cancel',
    status,
    contentType,
  });

  it('finds nothing in documented answers', () => {
    expect(
      undocumented([record(200, 'application/json'), record(404, 'application/problem+json')]),
    ).toEqual([]);
  });

  it('names an undocumented status and an undocumented media type', () => {
    expect(
      undocumented([record(418, 'application/problem+json'), record(404, 'text/html')]),
    ).toEqual([
      'POST /api/v1/payments/{id}/cancel -> 404 text/html: 404 documents application/problem+json, not text/html',
      'POST /api/v1/payments/{id}/cancel -> 418 application/problem+json: status 418 is not documented',
    ]);
  });
});

describe('a body is validated against its schema', () => {
  const schemas = new ResponseSchemas(operations.document);
  const op = operations.match('POST', '/api/v1/payments/quote')!;
  const pointer = operations.schemaPointer(op, 201, 'application/json; charset=utf-8')!;

  it('accepts a documented body and names each difference of another', () => {
    const quote = {
      id: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
      currency: 'INR',
      country: 'IN',
      fee: { amount: '25.00', currency: 'INR' },
      expiresAt: '2026-11-24T05:52:19.123Z',
      createdAt: '2026-11-24T05:37:19.123Z',
      minAmount: '100.00',
      maxAmount: null,
      beneficiaryRequirements: [{ field: 'bankCode', format: 'ifsc', required: true }],
    };
    expect(schemas.errors(pointer, quote)).toEqual([]);
    expect(schemas.errors(pointer, { ...quote, id: 'not-a-uuid', fee: 25 }).sort()).toEqual([
      '/fee must be object',
      '/id must match format "uuid"',
    ]);
  });
});

describe('the observer sees every answer a server sends', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    // Not the service: a server that answers what the service must never answer.
    server = createServer((req, res) => {
      if (req.url === '/health/live') {
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.end(JSON.stringify({ status: 'dead' }));
      } else {
        res.statusCode = 418;
        res.setHeader('content-type', 'text/plain');
        res.end('teapot');
      }
    });
    observeResponses(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    // What this made-up server answered is no evidence about the service.
    contractState().records.clear();
  });

  it('turns a body that breaks its schema into a violation naming the route and the field', async () => {
    await rawRequest(base, { method: 'GET', path: '/health/live' });
    const state = contractState();
    // Taken out here, so that this test's own afterEach does not fail on it.
    const violations = state.violations.splice(0);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toContain('GET /health/live -> 200 application/json (/health/live)');
    expect(violations[0]).toContain('/status must be equal to one of the allowed values');
  });

  it('records an undocumented status, which the run check reports', async () => {
    await rawRequest(base, { method: 'GET', path: '/metrics' });
    const state = contractState();
    const seen = [...state.records.values()].filter((r) => r.status === 418);
    expect(seen).toEqual([
      { method: 'GET', path: '/metrics', status: 418, contentType: 'text/plain' },
    ]);
    expect(undocumented(seen)).toEqual([
      'GET /metrics -> 418 text/plain: status 418 is not documented',
    ]);
    // Not left for the run's check: this one is made up on purpose.
    for (const [key, r] of state.records) if (r.status === 418) state.records.delete(key);
  });
});
