/**
 * Helpers of the webhook operations suites (issue 12): PATCH, rotation, test send, recover and
 * the events API, over the same real receivers as the delivery suites.
 */
import { Webhook } from 'standardwebhooks';
import type { Response } from 'supertest';
import type { Http } from './payments-fixtures';
import { type Hook, SUBSCRIPTIONS } from './webhook-fixtures';

/** A subscription as GET answers it (never with a secret). */
export interface SubscriptionView {
  id: string;
  callbackUrl: string;
  eventTypes: string[];
  status: 'ACTIVE' | 'PAUSED' | 'DISABLED';
  disabledReason: string | null;
  description: string | null;
  rateLimitPerSecond: number | null;
  createdAt: string;
  updatedAt: string;
}

export function patchSubscription(http: Http, id: string, body: unknown): Promise<Response> {
  return http()
    .patch(`${SUBSCRIPTIONS}/${id}`)
    .send(body as object);
}

/** PATCHes and fails loudly unless 200. */
export async function patched(http: Http, id: string, body: unknown): Promise<SubscriptionView> {
  const res = await patchSubscription(http, id, body);
  if (res.status !== 200) throw new Error(`PATCH ${id}: ${res.status} ${res.text}`);
  return res.body as SubscriptionView;
}

export async function getSubscription(http: Http, id: string): Promise<SubscriptionView> {
  const res = await http().get(`${SUBSCRIPTIONS}/${id}`);
  if (res.status !== 200) throw new Error(`GET ${id}: ${res.status} ${res.text}`);
  return res.body as SubscriptionView;
}

/** A small seeded generator (mulberry32): a run's random schedule is reproducible from its seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Prints a test's seed or figures with its output (Jest shows console.log per test). */
export function report(label: string, figures: Record<string, unknown>): void {
  // eslint-disable-next-line no-console
  console.log(`${label}: ${JSON.stringify(figures)}`);
}

export function postRotate(http: Http, id: string, body: unknown = {}): Promise<Response> {
  return http()
    .post(`${SUBSCRIPTIONS}/${id}/rotate-secret`)
    .send(body as object);
}

/** Rotates and fails loudly unless 200. */
export async function rotated(
  http: Http,
  id: string,
  body: unknown = {},
): Promise<{ secret: string; previousSecretExpiresAt: string }> {
  const res = await postRotate(http, id, body);
  if (res.status !== 200) throw new Error(`rotate ${id}: ${res.status} ${res.text}`);
  return res.body as { secret: string; previousSecretExpiresAt: string };
}

/** Whether the reference library accepts the hook with this secret. */
export function verifies(secret: string, hook: Hook): boolean {
  const headers = Object.fromEntries(Object.entries(hook.headers).map(([k, v]) => [k, String(v)]));
  try {
    new Webhook(secret).verify(hook.body, headers);
    return true;
  } catch {
    return false;
  }
}
