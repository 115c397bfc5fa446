/** Standard Webhooks verification of what a receiver got, with the reference library. */
import { Webhook } from 'standardwebhooks';
import type { PaymentView } from './payments-types';
import type { Hook, Receiver } from './webhook-receiver';

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
