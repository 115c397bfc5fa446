import { performance } from 'node:perf_hooks';
import { request } from 'undici';
import { PinnedAgents } from './pinned-agents';

export interface HttpWebhookSenderOptions {
  /** Budget for the whole exchange: connecting, the answer's headers and reading its body. */
  timeoutMs: number;
  /** Read at most this much of an answer; a longer one is cut off (and its connection closed). */
  maxResponseBytes?: number;
  userAgent: string;
  /** Sockets kept per receiver origin; undefined means as many as concurrent deliveries. */
  maxConnectionsPerOrigin?: number;
}

/** A delivery to a URL already checked by CallbackUrlGuard, with the address it resolved to. */
export interface WebhookHttpRequest {
  url: URL;
  address: string;
  family: 4 | 6;
  headers: Record<string, string>;
  body: string;
  /** A tighter budget than the sender's own for this request (e.g. what is left of a lease). */
  timeoutMs?: number;
}

export interface SendResult {
  /** The answer's status, or null when none came (refused, timeout, TLS failure, ...). */
  statusCode: number | null;
  durationMs: number;
  /** Why the exchange did not complete (short, without addresses), or null when it did. */
  error: string | null;
  /** The answer's raw Retry-After header, if any. */
  retryAfter: string | undefined;
}

/**
 * POSTs webhooks with undici over connections pinned to the checked address. Redirects are
 * never followed (undici's request does not): a 3xx is an answer like any other non-200, and
 * following it could lead anywhere, unchecked by the guard.
 */
export class HttpWebhookSender {
  private readonly agents: PinnedAgents;
  private readonly timeoutMs: number;
  private readonly maxResponseBytes: number;
  private readonly userAgent: string;

  constructor(options: HttpWebhookSenderOptions) {
    this.timeoutMs = options.timeoutMs;
    this.maxResponseBytes = options.maxResponseBytes ?? 64 * 1024;
    this.userAgent = options.userAgent;
    this.agents = new PinnedAgents(options);
  }

  /** Never throws: every failure is described in the result. */
  async send({
    url,
    address,
    family,
    headers,
    body,
    ...budget
  }: WebhookHttpRequest): Promise<SendResult> {
    const started = performance.now();
    const timeoutMs = Math.max(
      1,
      Math.floor(Math.min(this.timeoutMs, budget.timeoutMs ?? Infinity)),
    );
    const signal = AbortSignal.timeout(timeoutMs);
    let statusCode: number | null = null;
    let retryAfter: string | undefined;
    const result = (error: string | null): SendResult => {
      const durationMs = Math.round(performance.now() - started);
      return { statusCode, durationMs, error, retryAfter };
    };
    try {
      const response = await request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': this.userAgent, ...headers },
        body,
        signal,
        dispatcher: this.agents.for(address, family),
      });
      statusCode = response.statusCode;
      const header = response.headers['retry-after'];
      retryAfter = Array.isArray(header) ? header[0] : header;
      // Reading a small answer to its end is what lets its connection be reused.
      let received = 0;
      for await (const chunk of response.body as AsyncIterable<Buffer>) {
        received += chunk.length;
        // Leaving the loop destroys the body: a huge or endless answer costs one connection.
        if (received > this.maxResponseBytes) break;
      }
      return result(null);
    } catch (error) {
      const timedOut = signal.aborted || isTimeout(error);
      return result(timedOut ? `timeout after ${timeoutMs} ms` : describe(error));
    }
  }

  async close(): Promise<void> {
    await this.agents.close();
  }

  /** Nest calls this at shutdown when the sender is a provider. */
  onModuleDestroy(): Promise<void> {
    return this.close();
  }
}

type ErrorLike = Partial<NodeJS.ErrnoException> & { errors?: unknown[] };

const TIMEOUT_CODES = [
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
];

function isTimeout(error: unknown): boolean {
  return TIMEOUT_CODES.includes((error as ErrorLike | undefined)?.code ?? '');
}

/** "connect ECONNREFUSED", "CERT_HAS_EXPIRED: certificate has expired": no addresses, short. */
function describe(error: unknown): string {
  const { code, syscall, message, errors } = (error ?? {}) as ErrorLike;
  // Connection attempts to several addresses fail as an AggregateError; the first tells enough.
  if (!code && errors?.length) return describe(errors[0]);
  if (code && syscall) return `${syscall} ${code}`;
  const text = code ? `${code}: ${message}` : String(message ?? error);
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}
