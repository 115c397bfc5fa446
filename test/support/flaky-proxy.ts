/**
 * A tiny HTTP proxy on 127.0.0.1 in front of the service that fails the first request(s) the way
 * networks and load balancers do, then forwards faithfully. It tells the typed client's retries
 * apart from luck: what the client saw (a dropped connection, a 503) is decided here, not by timing.
 */
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * - `drop-after-forward`: the request reaches the service, which answers, but the client's
 *   connection is cut before it sees the answer (the worst case: done, and the caller can't know).
 * - `503-before-forward`: answers 503 without forwarding (a load balancer with no healthy backend).
 */
export type Failure = 'drop-after-forward' | '503-before-forward';

export class FlakyProxy {
  /** Requests received, and how many of them reached the service. */
  received = 0;
  forwarded = 0;
  private server?: Server;
  private readonly sockets = new Set<Socket>();

  constructor(
    private readonly target: string,
    private readonly failure: Failure,
    private readonly failures = 1,
  ) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.received += 1;
      const failing = this.received <= this.failures;
      if (failing && this.failure === '503-before-forward') {
        req.resume();
        res.writeHead(503, { 'content-type': 'text/plain' }).end('no healthy upstream');
        return;
      }
      this.forward(req, (upstream) => {
        if (failing) {
          upstream.resume();
          upstream.once('end', () => req.socket.destroy());
          return;
        }
        res.writeHead(upstream.statusCode ?? 502, upstream.headers);
        upstream.pipe(res);
      });
    });
    this.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private forward(req: IncomingMessage, onAnswer: (upstream: IncomingMessage) => void): void {
    const url = new URL(req.url ?? '/', this.target);
    const out = request(url, { method: req.method, headers: req.headers }, (upstream) => {
      this.forwarded += 1;
      onAnswer(upstream);
    });
    req.pipe(out);
  }
}
