/** The subscription and delivery API calls of the Webhooks e2e and crash suites. */
import type { Response } from 'supertest';
import type { Http } from './payments-types';
import { sleep } from './wait-for';

export const SUBSCRIBE = '/api/v1/payments/subscribe';
export const SUBSCRIPTIONS = '/api/v1/payments/subscriptions';

export const ALL_EVENT_TYPES = [
  'payment.created',
  'payment.processing',
  'payment.paid',
  'payment.failed',
  'payment.cancelled',
];

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
