/**
 * A raw HTTP/1.1 client for hostile requests: the exact method, path, headers and body bytes the
 * test chose, none of the normalisation supertest/superagent add (default content types, JSON
 * encoding, path escaping).
 */
import { Agent, request } from 'node:http';

export interface RawRequest {
  method: string;
  /** Path and query exactly as sent (must be free of spaces and control characters). */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Send the body chunked (no content-length). */
  chunked?: boolean;
  timeoutMs?: number;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  body: unknown;
  durationMs: number;
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

export function rawRequest(base: string, req: RawRequest): Promise<RawResponse> {
  const url = new URL(base);
  const started = performance.now();
  return new Promise<RawResponse>((resolve, reject) => {
    const headers: Record<string, string | number> = { ...(req.headers ?? {}) };
    const body =
      req.body === undefined
        ? undefined
        : Buffer.isBuffer(req.body)
          ? req.body
          : Buffer.from(req.body, 'utf8');
    if (
      body !== undefined &&
      !req.chunked &&
      !Object.keys(headers).some((h) => h.toLowerCase() === 'content-length')
    ) {
      headers['content-length'] = body.length;
    }
    // Node frames a GET/DELETE body only if told to: without this it would send unframed bytes.
    if (body !== undefined && req.chunked) headers['transfer-encoding'] = 'chunked';
    const r = request(
      {
        host: url.hostname,
        port: url.port,
        method: req.method,
        path: req.path,
        headers,
        agent,
        timeout: req.timeoutMs ?? 15_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            parsed = undefined;
          }
          const flat: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers))
            flat[k] = Array.isArray(v) ? v.join(', ') : String(v);
          resolve({
            status: res.statusCode ?? 0,
            headers: flat,
            text,
            body: parsed,
            durationMs: performance.now() - started,
          });
        });
        res.on('error', reject);
      },
    );
    r.on('timeout', () =>
      r.destroy(
        new Error(
          `no answer within ${req.timeoutMs ?? 15_000} ms: ${req.method} ${req.path.slice(0, 200)}`,
        ),
      ),
    );
    r.on('error', reject);
    if (body !== undefined) r.end(body);
    else r.end();
  });
}
