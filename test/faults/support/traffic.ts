/**
 * Steady payment traffic against a service that may vanish at any moment: each loop creates a
 * quote, then a payment with a new externalRef, and retries that same payment (same quote, same
 * content) until it gets an answer, as a careful client does. A payment counts as committed only
 * when the client got 201 or 200 for it. Every request is logged with its time, status and
 * duration, so that tests can judge the answers given during an outage.
 */
import { randomUUID } from 'node:crypto';

export interface RequestRecord {
  kind: 'quote' | 'payment';
  startedAt: number;
  endedAt: number;
  /** HTTP status, or 0 when no answer came (refused, reset, timeout). */
  status: number;
  contentType: string;
  code?: string;
  error?: string;
}

export interface TrafficOptions {
  /** The service to talk to right now (undefined while none runs). */
  baseUrl: () => string | undefined;
  apiKey: string;
  loops?: number;
  prefix?: string;
  /** A request with no answer after this long is abandoned (and recorded as a timeout). */
  timeoutMs?: number;
  /** Pause after a failed request. */
  backoffMs?: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class PaymentTraffic {
  /** externalRef → payment id, for every payment the client saw committed. */
  readonly committed = new Map<string, string>();
  /** Quote ids the client saw created (201). */
  readonly quotes = new Set<string>();
  readonly log: RequestRecord[] = [];
  /** Answers that no careful client should ever get for its retry (e.g. 409, 422, a REJECTED item). */
  readonly anomalies: string[] = [];
  private stopping = false;
  private deadline = Infinity;
  private loops: Promise<void>[] = [];
  private counter = 0;
  private readonly run = randomUUID().slice(0, 8);

  constructor(private readonly options: TrafficOptions) {}

  start(): void {
    const n = this.options.loops ?? 4;
    for (let i = 0; i < n; i++) this.loops.push(this.loop());
  }

  /** Stops starting payments; each loop finishes the one it has begun (until `graceMs`). */
  async stop(graceMs = 60_000): Promise<void> {
    this.stopping = true;
    this.deadline = Date.now() + graceMs;
    await Promise.all(this.loops);
  }

  /** Payments begun but neither committed nor abandoned when stop() returned. */
  unfinished = 0;

  get requests(): number {
    return this.log.length;
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      const quoteId = await this.createQuote();
      if (!quoteId) continue;
      const ref = `${this.options.prefix ?? 'traffic'}-${this.run}-${++this.counter}`;
      const body = JSON.stringify({
        payments: [
          {
            quoteId,
            externalRef: ref,
            amount: '25.00',
            beneficiary: {
              name: 'Asha Rao',
              accountNumber: '50100012345678',
              bankCode: '021000021',
            },
            metadata: { ref },
          },
        ],
      });
      // Once a payment request may have reached the service, retry it until it is answered.
      for (;;) {
        const res = await this.send('payment', '/api/v1/payments', body);
        if (res.status === 201 || res.status === 200) {
          const result = (res.json as { results: { outcome: string; payment: { id: string } }[] })
            .results[0];
          this.committed.set(ref, result.payment.id);
          break;
        }
        if (res.status >= 400 && res.status < 500 && res.status !== 429) {
          this.anomalies.push(`${ref}: ${res.status} ${res.text.slice(0, 200)}`);
          break;
        }
        if (res.status === 207) {
          this.anomalies.push(`${ref}: 207 ${res.text.slice(0, 200)}`);
          break;
        }
        if (Date.now() > this.deadline) {
          this.unfinished++;
          return;
        }
        await sleep(this.options.backoffMs ?? 50);
      }
    }
  }

  private async createQuote(): Promise<string | undefined> {
    const res = await this.send(
      'quote',
      '/api/v1/payments/quote',
      '{"currency":"USD","country":"US"}',
    );
    if (res.status === 201) {
      const id = (res.json as { id: string }).id;
      this.quotes.add(id);
      return id;
    }
    await sleep(this.options.backoffMs ?? 50);
    return undefined;
  }

  private async send(
    kind: RequestRecord['kind'],
    path: string,
    body: string,
  ): Promise<{ status: number; json: unknown; text: string }> {
    const base = this.options.baseUrl();
    const startedAt = Date.now();
    const record: RequestRecord = {
      kind,
      startedAt,
      endedAt: startedAt,
      status: 0,
      contentType: '',
    };
    if (!base) {
      await sleep(this.options.backoffMs ?? 50);
      return { status: 0, json: undefined, text: '' };
    }
    try {
      const res = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${this.options.apiKey}`,
          'content-type': 'application/json',
        },
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
      const text = await res.text();
      record.status = res.status;
      record.contentType = res.headers.get('content-type') ?? '';
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      record.code = (json as { code?: string } | undefined)?.code;
      return { status: res.status, json, text };
    } catch (error) {
      const e = error as Error & { cause?: { code?: string } };
      record.error = e.name === 'TimeoutError' ? 'timeout' : (e.cause?.code ?? e.message);
      return { status: 0, json: undefined, text: '' };
    } finally {
      record.endedAt = Date.now();
      this.log.push(record);
    }
  }
}

/** Counts of records by "status" (0 → the error name). */
export function outcomes(records: readonly RequestRecord[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of records) {
    const key = r.status === 0 ? `error:${r.error}` : String(r.status);
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}
