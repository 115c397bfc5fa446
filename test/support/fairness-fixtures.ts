/**
 * Helpers of the fairness and rate-limit e2e tests: a receiver that hangs every request and counts
 * how many are open at once, latency figures of what a receiver got, and the most attempts any
 * 1-second window holds.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createPayment, type Http } from './payments-fixtures';
import type { Hook } from './webhook-fixtures';

/** Never answers; counts the requests it holds open, and how many it ever held at once. */
export class HangingReceiver {
  received = 0;
  open = 0;
  maxOpen = 0;
  /** Requests whose connection the sender closed (its timeout). */
  closed = 0;
  private server?: Server;
  private readonly held: ServerResponse[] = [];
  private readonly sockets = new Set<Socket>();

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.received += 1;
      this.open += 1;
      this.maxOpen = Math.max(this.maxOpen, this.open);
      this.held.push(res);
      res.once('close', () => {
        this.open -= 1;
        this.closed += 1;
      });
      req.resume();
    });
    this.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  async stop(): Promise<void> {
    this.held.splice(0);
    for (const socket of this.sockets) socket.destroy();
    if (!this.server?.listening) return;
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}

/** Creates `count` payments one after another (each commits its payment.created event). */
export async function createPayments(http: Http, count: number): Promise<void> {
  for (let i = 0; i < count; i++) await createPayment(http);
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** From the event's commit (its envelope's createdAt) to its arrival at the receiver, in ms. */
export function commitToReceipt(hooks: readonly Hook[]): { n: number; p50: number; p99: number } {
  const ms = hooks
    .map((hook) => hook.receivedAt - Date.parse(JSON.parse(hook.body).createdAt as string))
    .sort((a, b) => a - b);
  return { n: ms.length, p50: percentile(ms, 50), p99: percentile(ms, 99) };
}

/** The most of `times` (ms) that fall in any window [t, t + windowMs) starting at one of them. */
export function mostInAnyWindow(times: readonly number[], windowMs = 1000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (j < sorted.length && sorted[j] < sorted[i] + windowMs) j++;
    most = Math.max(most, j - i);
  }
  return most;
}
