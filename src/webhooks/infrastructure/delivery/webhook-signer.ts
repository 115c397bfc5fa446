import { Injectable } from '@nestjs/common';
import { Webhook } from 'standardwebhooks';

export interface StandardWebhookHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/** Enough for every busy subscription at once; beyond it the least recently used is rebuilt. */
const MAX_CACHED_SECRETS = 1000;

/**
 * Signs deliveries with the reference Standard Webhooks library, so that what receivers verify
 * with the same library cannot drift from what we send.
 */
@Injectable()
export class WebhookSigner {
  // Building a Webhook decodes the base64 secret; at thousands of deliveries a second to the
  // same few subscriptions that is worth caching. A Map iterates in insertion order, so
  // re-inserting on every hit makes its first key the least recently used.
  private readonly cache = new Map<string, Webhook>();

  /** The `webhook-signature` value (`v1,<base64 HMAC-SHA256 of id.timestamp.body>`). */
  sign(secret: string, msgId: string, timestamp: Date, body: string): string {
    return this.webhookFor(secret).sign(msgId, timestamp, body);
  }

  /**
   * One signature per secret, space-separated as Standard Webhooks allows: during a rotation's
   * overlap a receiver verifies with either its old or its new secret.
   */
  headers(
    secrets: string | readonly string[],
    msgId: string,
    timestamp: Date,
    body: string,
  ): StandardWebhookHeaders {
    const all = typeof secrets === 'string' ? [secrets] : secrets;
    return {
      'webhook-id': msgId,
      // Whole seconds, as the library signs them: the header must match the signed content.
      'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
      'webhook-signature': all.map((s) => this.sign(s, msgId, timestamp, body)).join(' '),
    };
  }

  private webhookFor(secret: string): Webhook {
    let webhook = this.cache.get(secret);
    if (webhook) {
      this.cache.delete(secret);
    } else {
      webhook = new Webhook(secret);
      if (this.cache.size >= MAX_CACHED_SECRETS) {
        this.cache.delete(this.cache.keys().next().value!);
      }
    }
    this.cache.set(secret, webhook);
    return webhook;
  }
}
