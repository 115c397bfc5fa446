/**
 * Shared helpers of the Webhooks e2e and crash suites: a real HTTP receiver on 127.0.0.1 that
 * records every request and answers as each test says (status, headers, a held answer), Standard
 * Webhooks verification of what it received, and the subscription and delivery API calls.
 */
import {
  createServer,
  type IncomingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Response } from 'supertest';
import { Webhook } from 'standardwebhooks';
import type { Http, PaymentView } from './payments-fixtures';

export const SUBSCRIBE = '/api/v1/payments/subscribe';
export const SUBSCRIPTIONS = '/api/v1/payments/subscriptions';

export const ALL_EVENT_TYPES = [
  'payment.created',
  'payment.processing',
  'payment.paid',
  'payment.failed',
  'payment.cancelled',
];

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

/** The body of every delivery (API.md "Webhooks"). */
export interface Envelope {
  id: string;
  type: string;
  createdAt: string;
  accountId: string;
  data: PaymentView;
}

/**
 * Verifies one received delivery with the reference Standard Webhooks library (signature and
 * timestamp tolerance), and that `webhook-id` is the envelope's `id`. Returns the envelope.
 */
export function verifyHook(secret: string, hook: Hook): Envelope {
  const headers = Object.fromEntries(Object.entries(hook.headers).map(([k, v]) => [k, String(v)]));
  const envelope = new Webhook(secret).verify(hook.body, headers) as Envelope;
  expect(hook.method).toBe('POST');
  expect(hook.headers['content-type']).toMatch(/^application\/json/);
  expect(hook.headers['webhook-id']).toBe(envelope.id);
  expect(hook.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
  // webhook-timestamp is wall-clock Unix seconds of this attempt.
  expect(
    Math.abs(Number(hook.headers['webhook-timestamp']) - Math.floor(hook.receivedAt / 1000)),
  ).toBeLessThanOrEqual(5);
  return envelope;
}

/** Verifies every delivery the receiver got so far; the envelopes, in arrival order. */
export function verifyAll(secret: string, receiver: Receiver): Envelope[] {
  return receiver.hooks.map((hook) => verifyHook(secret, hook));
}

/** A subscription as created (with its secret, shown only then). */
export interface CreatedSubscription {
  id: string;
  callbackUrl: string;
  eventTypes: string[];
  status: string;
  secret: string;
  createdAt: string;
}

export interface AttemptView {
  attemptedAt: string;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
}

export interface DeliveryView {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attempts: AttemptView[];
  nextAttemptAt: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

export function postSubscribe(http: Http, body: unknown): Promise<Response> {
  return http()
    .post(SUBSCRIBE)
    .send(body as object);
}

/** Subscribes and fails loudly unless 201. */
export async function subscribe(
  http: Http,
  body: { callbackUrl: string; eventTypes?: string[]; secret?: string },
): Promise<CreatedSubscription> {
  const res = await postSubscribe(http, body);
  if (res.status !== 201) throw new Error(`subscribe: ${res.status} ${res.text}`);
  return res.body as CreatedSubscription;
}

/** Every delivery of a subscription (all pages), newest first. */
export async function deliveriesOf(
  http: Http,
  subscriptionId: string,
  status?: string,
): Promise<DeliveryView[]> {
  const all: DeliveryView[] = [];
  let cursor: string | null = null;
  do {
    const query: Record<string, string | number> = { limit: 100 };
    if (status) query.status = status;
    if (cursor) query.cursor = cursor;
    const res = await http().get(`${SUBSCRIPTIONS}/${subscriptionId}/deliveries`).query(query);
    if (res.status !== 200)
      throw new Error(`deliveries of ${subscriptionId}: ${res.status} ${res.text}`);
    all.push(...(res.body.data as DeliveryView[]));
    cursor = res.body.nextCursor as string | null;
  } while (cursor);
  return all;
}

/** The only delivery of a subscription (fails if there is not exactly one). */
export async function onlyDelivery(http: Http, subscriptionId: string): Promise<DeliveryView> {
  const deliveries = await deliveriesOf(http, subscriptionId);
  if (deliveries.length !== 1)
    throw new Error(`expected one delivery, got ${JSON.stringify(deliveries)}`);
  return deliveries[0];
}

/**
 * The pauses the dispatcher made between attempts: from the end of one (its start plus its
 * duration, when the backoff was computed) to the start of the next, in ms.
 */
export function waitsBetween(attempts: readonly AttemptView[]): number[] {
  const waits: number[] = [];
  for (let i = 1; i < attempts.length; i++) {
    const previousEnd = Date.parse(attempts[i - 1].attemptedAt) + attempts[i - 1].durationMs;
    waits.push(Date.parse(attempts[i].attemptedAt) - previousEnd);
  }
  return waits;
}

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/** The value of one sample of a Prometheus text exposition, or undefined when absent. */
export function metricSample(
  text: string,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(match[3]);
  }
  return undefined;
}

/**
 * The backoff bounds of API.md: the n-th retry (1-based) waits base × 2^(n-1), ±20% jitter.
 * Waits are measured in real time, so only the lower bound is exact (the dispatcher never sends
 * before the due time). It also carries the growth: the n-th wait is at least 0.8 × 2 = 1.6 times
 * the (n-1)-th nominal wait, above the 1.2 times the (n-1)-th may be scheduled at. Above the
 * nominal, the dispatcher may be late by its poll interval and a busy machine: `slackMs` bounds
 * that lateness only. (Comparing measured waits with each other can fail by chance on a loaded
 * machine: one late attempt makes its wait longer than the next one.)
 */
export function expectBackoff(
  waits: readonly number[],
  baseMs: number,
  options: { slackMs?: number } = {},
): void {
  const slackMs = options.slackMs ?? 1_500;
  waits.forEach((wait, i) => {
    const nominal = baseMs * 2 ** i;
    // Never earlier than the backoff allows (a few ms for timestamps stored to the millisecond).
    expect({ retry: i + 1, wait, atLeast: wait >= nominal * 0.8 - 5 }).toEqual({
      retry: i + 1,
      wait,
      atLeast: true,
    });
    expect({ retry: i + 1, wait, atMost: wait <= nominal * 1.2 + slackMs }).toEqual({
      retry: i + 1,
      wait,
      atMost: true,
    });
  });
}

/** Waits until the subscription has exactly one delivery and `until` accepts it; returns it. */
export async function waitForDelivery(
  http: Http,
  subscriptionId: string,
  until: (delivery: DeliveryView) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<DeliveryView> {
  const deadline = Date.now() + timeoutMs;
  let last: DeliveryView[] = [];
  for (;;) {
    last = await deliveriesOf(http, subscriptionId);
    if (last.length > 1) throw new Error(`expected one delivery, got ${JSON.stringify(last)}`);
    if (last.length === 1 && until(last[0])) return last[0];
    if (Date.now() > deadline)
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}; last: ${JSON.stringify(last)}`,
      );
    await sleep(25);
  }
}
