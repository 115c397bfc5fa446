/**
 * A webhook receiver on 127.0.0.1 that counts what it got per `webhook-id` (the event id) and
 * answers 200, after an optional delay: the at-least-once check needs only "which events came,
 * and how often".
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export class CountingReceiver {
  /** webhook-id → how many times it was received (and answered 200). */
  readonly received = new Map<string, number>();
  /** webhook-id → event type. */
  readonly types = new Map<string, string>();
  requests = 0;
  /** Milliseconds to wait before answering; a function for random delays. */
  delayMs: () => number = () => 0;
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.requests++;
        const id = String(req.headers['webhook-id'] ?? '');
        const answer = () => {
          if (res.destroyed) return;
          res.writeHead(200).end('ok');
          this.received.set(id, (this.received.get(id) ?? 0) + 1);
          try {
            this.types.set(
              id,
              (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { type: string }).type,
            );
          } catch {
            // counted anyway
          }
        };
        const delay = this.delayMs();
        if (delay > 0) setTimeout(answer, delay);
        else answer();
      });
    });
    this.server.keepAliveTimeout = 1_000;
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  /** Receptions beyond the first of each event. */
  get duplicates(): number {
    let n = 0;
    for (const c of this.received.values()) n += c - 1;
    return n;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}
