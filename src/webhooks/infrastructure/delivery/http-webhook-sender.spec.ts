import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { AddressInfo } from 'node:net';
import { HttpWebhookSender } from './http-webhook-sender';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

interface Received {
  path: string;
  remotePort: number;
  headers: IncomingMessage['headers'];
  body: string;
}

describe('HttpWebhookSender', () => {
  const received: Received[] = [];
  const routes: Record<string, Handler> = {
    '/ok': (_req, res) => res.end('ok'),
    '/fail': (_req, res) => res.writeHead(500).end('boom'),
    '/busy': (_req, res) => res.writeHead(503, { 'retry-after': '120' }).end(),
    '/redirect': (_req, res) => res.writeHead(302, { location: '/target' }).end(),
    '/target': (_req, res) => res.end('followed'),
    '/silent': () => undefined, // never answers
    '/trickle': (_req, res) => {
      res.writeHead(200).write('{');
      const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(' ')), 50);
      res.once('close', () => clearInterval(timer));
    },
    '/endless': (_req, res) => {
      res.writeHead(200);
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    },
  };
  let server: Server;
  let port: number;
  let closedPort: number;
  const sender = new HttpWebhookSender({ timeoutMs: 300, userAgent: 'payments-webhooks/test' });

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8').on('data', (part: string) => (body += part));
      req.on('end', () => {
        received.push({
          path: req.url!,
          remotePort: req.socket.remotePort!,
          headers: req.headers,
          body,
        });
        routes[req.url!](req, res);
      });
    });
    port = await listen(server);
    const closed = createServer();
    closedPort = await listen(closed);
    await new Promise((done) => closed.close(done));
  });

  afterAll(async () => {
    await sender.close();
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  });

  const send = (path: string, host = '127.0.0.1', onPort = port) =>
    sender.send({
      url: new URL(`http://${host}:${onPort}${path}`),
      address: '127.0.0.1',
      family: 4,
      headers: { 'webhook-id': 'evt_1' },
      body: '{"id":"evt_1"}',
    });

  it('reports a 200', async () => {
    const result = await send('/ok');
    expect(result).toMatchObject({ statusCode: 200, error: null, retryAfter: undefined });
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('reports a 500 as it came', async () => {
    expect(await send('/fail')).toMatchObject({ statusCode: 500, error: null });
  });

  it('passes on a Retry-After header', async () => {
    expect(await send('/busy')).toMatchObject({ statusCode: 503, retryAfter: '120' });
  });

  it('does not follow a redirect', async () => {
    expect(await send('/redirect')).toMatchObject({ statusCode: 302, error: null });
    expect(received.filter((r) => r.path === '/target')).toHaveLength(0);
  });

  it('gives up on a receiver that never answers', async () => {
    const result = await send('/silent');
    expect(result).toMatchObject({ statusCode: null, error: 'timeout after 300 ms' });
    expect(result.durationMs).toBeLessThan(1000);
  });

  it('reports a refused connection', async () => {
    expect(await send('/ok', '127.0.0.1', closedPort)).toMatchObject({
      statusCode: null,
      error: 'connect ECONNREFUSED',
    });
  });

  it('stops reading an endless answer', async () => {
    const result = await send('/endless');
    expect(result).toMatchObject({ statusCode: 200 });
    expect(result.durationMs).toBeLessThan(1000);
  });

  it('reports a timeout, with the status, when the answer is too slow to end', async () => {
    expect(await send('/trickle')).toMatchObject({
      statusCode: 200,
      error: 'timeout after 300 ms',
    });
  });

  it('keeps connections alive across deliveries', async () => {
    const oneSocket = new HttpWebhookSender({
      timeoutMs: 300,
      userAgent: 'test',
      maxConnectionsPerOrigin: 1,
    });
    const request = {
      url: new URL(`http://127.0.0.1:${port}/ok`),
      address: '127.0.0.1',
      family: 4 as const,
    };
    await Promise.all(
      Array.from({ length: 10 }, () => oneSocket.send({ ...request, headers: {}, body: '{}' })),
    );
    await oneSocket.close();
    expect(new Set(received.slice(-10).map((r) => r.remotePort)).size).toBe(1);
  });

  it('connects to the pinned address whatever the hostname', async () => {
    expect(await send('/ok', 'receiver.test')).toMatchObject({ statusCode: 200, error: null });
    expect(received.at(-1)!.headers.host).toBe(`receiver.test:${port}`);
  });

  it('keeps TLS on the hostname and verifies its certificate', async () => {
    const serverNames: string[] = [];
    const tlsServer = createTlsServer({
      ...TEST_TLS,
      SNICallback: (name, done) => {
        serverNames.push(name);
        done(null, undefined);
      },
    });
    const tlsPort = await listen(tlsServer);
    try {
      const result = await sender.send({
        url: new URL(`https://receiver.test:${tlsPort}/`),
        address: '127.0.0.1',
        family: 4,
        headers: {},
        body: '{}',
      });
      expect(result).toMatchObject({
        statusCode: null,
        error: expect.stringMatching(/^DEPTH_ZERO_SELF_SIGNED_CERT: /),
      });
      expect(serverNames).toEqual(['receiver.test']);
    } finally {
      await new Promise((done) => tlsServer.close(done));
    }
  });

  it('delivers the body and headers as sent', async () => {
    await send('/ok');
    const last = received.at(-1)!;
    expect(last.body).toBe('{"id":"evt_1"}');
    expect(last.headers).toMatchObject({
      'webhook-id': 'evt_1',
      'content-type': 'application/json',
      'user-agent': 'payments-webhooks/test',
    });
  });
});

async function listen(server: Server): Promise<number> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return (server.address() as AddressInfo).port;
}

// A throwaway self-signed certificate for receiver.test (test fixture only, trusts nothing).
const TEST_TLS = {
  key: `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQguJLMQjBUC7eBRXTL
y0M/8EwKyqYoq4TVgJQ58mp3TfOhRANCAAR212VKgfChbsnAi9vFB/HaHFgV8g/D
CJqbsNQXo5oSRi5yWu7a7TgRadf8rragXcwd3D5JOWzUgX8ZW1RrVgcu
-----END PRIVATE KEY-----`,
  cert: `-----BEGIN CERTIFICATE-----
MIIBojCCAUegAwIBAgIUWV96IrEBqCK9kunZbGAhsUATSYEwCgYIKoZIzj0EAwIw
GDEWMBQGA1UEAwwNcmVjZWl2ZXIudGVzdDAgFw0yNjExMjQwNjAzNDRaGA8yMTI2
MTAzMTA2MDM0NFowGDEWMBQGA1UEAwwNcmVjZWl2ZXIudGVzdDBZMBMGByqGSM49
AgEGCCqGSM49AwEHA0IABHbXZUqB8KFuycCL28UH8docWBXyD8MImpuw1BejmhJG
LnJa7trtOBFp1/yutqBdzB3cPkk5bNSBfxlbVGtWBy6jbTBrMB0GA1UdDgQWBBQx
m1HRnzrtyrl095+pM2KXvN1bdTAfBgNVHSMEGDAWgBQxm1HRnzrtyrl095+pM2KX
vN1bdTAPBgNVHRMBAf8EBTADAQH/MBgGA1UdEQQRMA+CDXJlY2VpdmVyLnRlc3Qw
CgYIKoZIzj0EAwIDSQAwRgIhAKlgBL2hhNf2l5596/hBlwWOke1jYj9mkjCVUSC+
nqjFAiEA0xKroHp/hMTItlgc+ezMdvjk6KGshyXjjNkjjzqcFms=
-----END CERTIFICATE-----`,
};
