import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { WebhooksConfig } from '../webhooks.config';
import {
  type SignedDelivery,
  CallbackUrlPolicy,
  WebhookTransport,
} from '../application/webhook-ports';
import type { AttemptResult } from '../domain/delivery-attempt';
import { parseRetryAfter } from '../domain/retry-policy';
import { CallbackUrlGuard } from './delivery/callback-url-guard';
import { HOST_RESOLVER, type HostResolver } from './delivery/host-resolver';
import { HttpWebhookSender } from './delivery/http-webhook-sender';
import { WebhookSigner } from './delivery/webhook-signer';

/**
 * Checks the URL again at every attempt (DNS may have changed since the subscription), pins the
 * connection to the address it checked, signs with the Standard Webhooks scheme and sends.
 */
@Injectable()
export class HttpWebhookTransport
  extends WebhookTransport
  implements CallbackUrlPolicy, OnModuleDestroy
{
  private readonly guard: CallbackUrlGuard;
  private readonly sender: HttpWebhookSender;
  private readonly signer = new WebhookSigner();

  constructor(config: WebhooksConfig, @Inject(HOST_RESOLVER) resolve: HostResolver) {
    super();
    this.guard = new CallbackUrlGuard({ allowPrivate: config.allowPrivateUrls, resolve });
    this.sender = new HttpWebhookSender({
      timeoutMs: config.timeoutMs,
      userAgent: 'payments-api-webhooks/1.0',
    });
  }

  async assertAllowed(url: string): Promise<void> {
    await this.guard.check(url);
  }

  async send(delivery: SignedDelivery): Promise<AttemptResult> {
    const started = performance.now();
    let target;
    try {
      target = await withTimeout(
        this.guard.check(delivery.url),
        delivery.timeoutMs,
        'the callback URL did not resolve in time',
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return {
        statusCode: null,
        durationMs: performance.now() - started,
        error: `callback URL refused: ${message}`,
      };
    }
    // The signature's timestamp is wall-clock time: receivers compare it with their own clocks.
    const headers = this.signer.headers(
      delivery.secrets,
      delivery.messageId,
      new Date(),
      delivery.body,
    );
    const result = await this.sender.send({
      url: target.url,
      address: target.address,
      family: target.family,
      headers: { ...headers, 'content-type': 'application/json' },
      body: delivery.body,
      timeoutMs: delivery.timeoutMs - (performance.now() - started),
    });
    return {
      statusCode: result.statusCode,
      durationMs: result.durationMs,
      error: result.error,
      retryAfterMs: parseRetryAfter(result.retryAfter, new Date()),
    };
  }

  async onModuleDestroy(): Promise<void> {
    await this.sender.close();
  }
}

/** DNS lookups have no timeout of their own: a slow resolver must not outlive the attempt's budget. */
function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), Math.max(ms, 0));
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
