/**
 * The shapes the hostile-input suite works with: JSON documents, the fixtures a run draws real
 * ids from, one generated request (`Case`) and the per-endpoint arbitrary that makes them.
 */
import type fc from 'fast-check';

/** Replaced by a quote created just before the request (a quote can be used once). */
export const FRESH_QUOTE = '$FRESH_QUOTE$';
export const P = '/api/v1/payments';
export const SUBS = `${P}/subscriptions`;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface Fixtures {
  paymentIds: string[];
  quoteIds: string[];
  subscriptionIds: string[];
  deliveries: { subscriptionId: string; deliveryId: string }[];
  externalRefs: string[];
  paymentsCursor: string;
  subscriptionsCursor: string;
  otherKey: string;
}

export interface Case {
  endpoint: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  chunked?: boolean;
}

export interface EndpointSpec {
  name: string;
  method: 'GET' | 'POST' | 'DELETE';
  weight: number;
  arbitrary: (fx: Fixtures) => fc.Arbitrary<Case>;
}
