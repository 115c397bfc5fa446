import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { readRequestInput } from './request-input';

/** A bare Express app with only readRequestInput in front of a handler that echoes what it got. */
describe('readRequestInput', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    const app = express();
    app.use(readRequestInput);
    app.all('/echo', (req, res) => {
      res.json({ hasBody: 'body' in req, body: req.body ?? null });
    });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const send = (path: string, init?: RequestInit) => fetch(`${base}${path}`, init);
  const codeOf = async (res: Response) =>
    ((await res.json()) as { code?: string; errors?: { code: string }[] }).errors?.[0]?.code ??
    res.status;

  it('passes a request without a body on with req.body undefined, as body-parser leaves it', async () => {
    const res = await send('/echo');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ hasBody: true, body: null });
  });

  it('still refuses a forbidden key in the query of a request without a body', async () => {
    const res = await send('/echo?constructor=1');
    expect(res.status).toBe(400);
    expect(await codeOf(res)).toBe('forbidden-key');
  });

  it('parses a JSON body and hands it on', async () => {
    const res = await send('/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":"b"}',
    });
    expect(await res.json()).toEqual({ hasBody: true, body: { a: 'b' } });
  });

  it('refuses a body that is not JSON with 415, and malformed JSON with 400', async () => {
    const text = await send('/echo', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'x',
    });
    expect(text.status).toBe(415);
    expect(text.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const malformed = await send('/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":',
    });
    expect(malformed.status).toBe(400);
  });

  it('refuses NUL inside a parsed body', async () => {
    const res = await send('/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":"\\u0000"}',
    });
    expect(res.status).toBe(400);
    expect(await codeOf(res)).toBe('invalid-text');
  });
});
