/**
 * A real HTTP receiver on 127.0.0.1 for the Webhooks e2e and crash suites: it records every
 * request and answers as each test says (status, headers, a held answer, a body that never ends).
 */
import {
  createServer,
  type IncomingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One request the receiver got. */
export interface Hook {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Date.now() when the body had arrived. */
  receivedAt: number;
  /** The sender's TCP port: tells connections (and, with /proc, processes) apart. */
  remotePort: number;
}

/**
 * How to answer a request: a status (with headers and body, optionally late, or with a body that
 * never ends), or not at all ('hold').
 */
export type Answer =
  | {
      status: number;
      headers?: Record<string, string>;
      body?: string;
      delayMs?: number;
      neverEnd?: boolean;
    }
  | 'hold';

/** Chooses the answer to the n-th request (1-based, counted over this receiver's life). */
export type Answerer = (hook: Hook, n: number) => Answer;

/**
 * A real HTTP receiver on 127.0.0.1. `start(port)` can take a port chosen earlier, so a test can
 * subscribe a URL where nothing listens yet (connection refused) and open it later.
 */
export class Receiver {
  readonly hooks: Hook[] = [];
  answer: Answerer = () => ({ status: 200, body: 'ok' });
  /** Called with every request as it arrives, before it is answered. */
  onHook?: (hook: Hook) => void;
  private server?: Server;
  private readonly held: ServerResponse[] = [];
  private readonly sockets = new Set<Socket>();
  private portNumber = 0;

  async start(port = 0): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const hook: Hook = {
          method: req.method ?? '',
          path: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          receivedAt: Date.now(),
          remotePort: req.socket.remotePort ?? 0,
        };
        this.hooks.push(hook);
        this.onHook?.(hook);
        this.reply(res, this.answer(hook, this.hooks.length));
      });
    });
    this.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => resolve());
    });
    this.portNumber = (this.server.address() as AddressInfo).port;
    return this.url;
  }

  get port(): number {
    return this.portNumber;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.portNumber}`;
  }

  /** The callback URL to subscribe. */
  get url(): string {
    return `${this.origin}/hooks`;
  }

  /** Requests held so far and not yet answered. */
  get heldCount(): number {
    return this.held.length;
  }

  /** Answers every held request now (to a sender that may have given up on it long ago). */
  releaseHeld(answer: Exclude<Answer, 'hold'> = { status: 200 }): void {
    for (const res of this.held.splice(0)) if (!res.headersSent) this.reply(res, answer);
  }

  /** The hooks with this webhook-id, in arrival order. */
  withId(id: string): Hook[] {
    return this.hooks.filter((hook) => hook.headers['webhook-id'] === id);
  }

  async stop(): Promise<void> {
    this.held.splice(0);
    for (const socket of this.sockets) socket.destroy();
    if (!this.server?.listening) return;
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  private reply(res: ServerResponse, answer: Answer): void {
    if (answer === 'hold') {
      this.held.push(res);
      return;
    }
    const send = () => {
      if (res.destroyed || res.writableEnded) return;
      res.writeHead(answer.status, answer.headers);
      if (answer.neverEnd) {
        res.write(answer.body ?? 'partial');
        this.held.push(res);
      } else {
        res.end(answer.body ?? '');
      }
    };
    if (answer.delayMs) setTimeout(send, answer.delayMs).unref();
    else send();
  }
}
