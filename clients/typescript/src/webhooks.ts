import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import type { WebhookEvent } from './models';

/** Headers as Node gives them (IncomingHttpHeaders), as fetch gives them, or a plain record. */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

/**
 * Verifies a delivery (Standard Webhooks: HMAC-SHA256 over `id.timestamp.body`, timestamps at most
 * 5 minutes away) and returns its event. `body` must be the raw bytes or text as received: a body
 * parsed and serialized again no longer matches its signature. Throws WebhookVerificationError.
 */
export function verifyWebhook(
  secret: string,
  body: string | Buffer,
  headers: WebhookHeaders,
): WebhookEvent {
  const event = new Webhook(secret).verify(body, plainHeaders(headers));
  if (!isEvent(event)) throw new WebhookVerificationError('Not a payment event envelope');
  return event;
}

function plainHeaders(headers: WebhookHeaders): Record<string, string> {
  const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers);
  const plain: Record<string, string> = {};
  for (const [name, value] of entries) {
    if (value === undefined) continue;
    plain[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return plain;
}

function isEvent(value: unknown): value is WebhookEvent {
  if (value === null || typeof value !== 'object') return false;
  const { id, type, data } = value as Record<string, unknown>;
  return (
    typeof id === 'string' && typeof type === 'string' && typeof data === 'object' && data !== null
  );
}

export { WebhookVerificationError };
