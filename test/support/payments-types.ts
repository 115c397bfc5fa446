/** The shapes and constants the Payments e2e suite shares: routes, API views, id formats, refs. */
import { randomUUID } from 'node:crypto';
import type request from 'supertest';
import { v7 as uuidv7 } from 'uuid';

export const PAYMENTS = '/api/v1/payments';
export const QUOTES = '/api/v1/payments/quote';
export const SANDBOX = '/api/v1/sandbox/payments';
export const ADMIN_ACCOUNTS = '/api/v1/admin/accounts';

/** Builds a supertest agent authorized with one account's key. */
export type Http = () => request.Agent;

export interface Quote {
  id: string;
  currency: string;
  country: string;
  fee: { amount: string; currency: string };
  minAmount: string | null;
  maxAmount: string | null;
  beneficiaryRequirements: { field: string; format: string; required: boolean; option?: string }[];
  expiresAt: string;
  createdAt: string;
}

export interface PaymentItem {
  quoteId: string;
  externalRef: string;
  amount: string | number;
  beneficiary: { name: string; accountNumber: string; bankCode?: string | null };
  reference?: string | null;
  purpose?: string | null;
  metadata?: Record<string, string> | null;
  [extra: string]: unknown;
}

export interface PaymentView {
  id: string;
  externalRef: string;
  quoteId: string;
  status: string;
  amount: string;
  currency: string;
  country: string;
  fee: { amount: string; currency: string };
  beneficiary: { name: string; accountNumber: string; bankCode: string | null };
  reference: string | null;
  purpose: string | null;
  metadata: Record<string, string>;
  failureReason: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const ISO_UTC_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

let refCounter = 0;
/** A unique externalRef, readable in failures: `<prefix>-<n>-<random>`. */
export const newRef = (prefix = 'ref'): string =>
  `${prefix}-${++refCounter}-${randomUUID().slice(0, 8)}`;

/** A well-formed UUID (v7) that names nothing stored. */
export const unknownId = (): string => uuidv7();
