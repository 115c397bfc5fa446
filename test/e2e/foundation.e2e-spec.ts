import request from 'supertest';
import { createTestApp, DEMO_KEY, type TestApp } from '../support/test-app';

const ADMIN_KEY = 'admin_key_for_tests_0123456789';

describe('Foundation: auth, accounts, errors, health, docs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { ADMIN_API_KEY: ADMIN_KEY } });
  });
  afterAll(() => t.close());
  const server = () => t.app.getHttpServer();

  describe('health', () => {
    it('is live and ready without an API key', async () => {
      await request(server()).get('/health/live').expect(200, { status: 'ok' });
      const ready = await request(server()).get('/health/ready').expect(200);
      expect(ready.body.info).toMatchObject({
        database: { status: 'up' },
        migrations: { status: 'up' },
      });
    });
  });

  describe('request ids', () => {
    it('echoes the caller x-request-id', async () => {
      const res = await request(server()).get('/health/live').set('x-request-id', 'abc-123');
      expect(res.headers['x-request-id']).toBe('abc-123');
    });
    it('makes one when the caller sent none, errors included', async () => {
      const res = await request(server()).get('/api/v1/nope');
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });
    it('carries one on answers given before routing (malformed JSON)', async () => {
      const res = await t
        .http()
        .post('/api/v1/payments/quote')
        .set('content-type', 'application/json')
        .set('x-request-id', 'req-42')
        .send('{');
      expect(res.status).toBe(400);
      expect(res.headers['x-request-id']).toBe('req-42');
    });
    it('ignores an unsafe caller id and makes its own', async () => {
      const res = await request(server())
        .get('/health/live')
        .set('x-request-id', 'bad id\twith spaces');
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('authentication', () => {
    it('answers 401 problem+json without a key', async () => {
      const res = await request(server())
        .post('/api/v1/payments/quote')
        .send({ currency: 'USD', country: 'US' });
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 401, code: 'unauthorized' });
    });
    it('answers 401 for an unknown key', async () => {
      const res = await request(server())
        .post('/api/v1/payments/quote')
        .set('Authorization', 'Bearer sk_nope')
        .send({});
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('unauthorized');
    });
    it('accepts the ApiKey header as well as a bearer token', async () => {
      const created = await request(server())
        .post('/api/v1/admin/accounts')
        .set('Authorization', `Bearer ${ADMIN_KEY}`)
        .send({ name: 'Header Co' })
        .expect(201);
      const res = await request(server())
        .post('/api/v1/payments/quote')
        .set('ApiKey', created.body.apiKey)
        .send({ currency: 'USD', country: 'US' });
      expect(res.status).toBe(201);
    });
    it('answers 403 when the AccountId header names another account', async () => {
      const res = await t
        .http()
        .post('/api/v1/payments/quote')
        .set('AccountId', '00000000-0000-7000-8000-000000000000')
        .send({ currency: 'USD', country: 'US' });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('account-mismatch');
    });
  });

  describe('admin accounts', () => {
    it('creates an account whose key is shown once and works', async () => {
      const res = await request(server())
        .post('/api/v1/admin/accounts')
        .set('Authorization', `Bearer ${ADMIN_KEY}`)
        .send({ name: 'Acme' })
        .expect(201);
      expect(res.body).toMatchObject({ name: 'Acme', apiKey: expect.stringMatching(/^sk_live_/) });
      expect(res.body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
      expect(new Date(res.body.createdAt).toISOString()).toBe(res.body.createdAt);
    });
    it('refuses a wrong admin key with 401', async () => {
      const res = await request(server())
        .post('/api/v1/admin/accounts')
        .set('Authorization', `Bearer ${DEMO_KEY}`)
        .send({ name: 'X' });
      expect(res.status).toBe(401);
    });
    it('validates the name', async () => {
      const res = await request(server())
        .post('/api/v1/admin/accounts')
        .set('Authorization', `Bearer ${ADMIN_KEY}`)
        .send({ name: '', extra: 1 });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation-failed');
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'extra',
        'name',
      ]);
    });
  });

  describe('errors', () => {
    it('answers malformed JSON with 400 malformed-json', async () => {
      const res = await t
        .http()
        .post('/api/v1/payments/quote')
        .set('content-type', 'application/json')
        .send('{"currency":');
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('malformed-json');
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    });
    it('answers a body over 1 MiB with 413', async () => {
      const res = await t
        .http()
        .post('/api/v1/payments/quote')
        .set('content-type', 'application/json')
        .send(JSON.stringify({ x: 'a'.repeat(1024 * 1024 + 10) }));
      expect(res.status).toBe(413);
      expect(res.body.code).toBe('payload-too-large');
    });
    it('answers a non-JSON body with 415', async () => {
      const res = await t
        .http()
        .post('/api/v1/payments/quote')
        .set('content-type', 'text/plain')
        .send('currency=USD');
      expect(res.status).toBe(415);
      expect(res.body.code).toBe('unsupported-media-type');
    });
    it('answers an unknown route with 404 problem+json', async () => {
      const res = await t.http().get('/api/v1/nowhere');
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({
        status: 404,
        code: 'not-found',
        instance: '/api/v1/nowhere',
      });
    });
  });

  describe('docs', () => {
    it('serves the OpenAPI document with the bearer scheme', async () => {
      const res = await request(server()).get('/docs-json').expect(200);
      expect(res.body.openapi).toMatch(/^3\./);
      expect(res.body.components.securitySchemes.bearer).toMatchObject({
        type: 'http',
        scheme: 'bearer',
      });
    });
  });
});
