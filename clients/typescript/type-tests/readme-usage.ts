/**
 * Type-level tests: the client used exactly as the README shows, compiled by `npm run lint:client`
 * (tsc --strict) and never run. If a change to docs/openapi.json breaks this usage (a field made
 * required, a type narrowed, an operation renamed), the build fails here first.
 */
import type { IncomingHttpHeaders } from 'node:http';
import {
  type Payment,
  type PaymentEventType,
  PaymentsApiError,
  PaymentsClient,
  verifyWebhook,
} from '../src';

export async function readmeWalkthrough(secret: string): Promise<Payment> {
  const api = new PaymentsClient({ baseUrl: 'http://127.0.0.1:3000', apiKey: 'sk_test_demo' });
  const quote = await api.createQuote({ currency: 'INR', country: 'IN' });
  // No `atomic`: it is optional, and must stay so.
  const { results } = await api.createPayments({
    payments: [
      {
        quoteId: quote.id,
        externalRef: 'order-8812',
        amount: '1250.50',
        beneficiary: { name: 'Asha Rao', accountNumber: '50100012345678' },
      },
    ],
  });
  const outcome: 'CREATED' | 'REPLAYED' | 'REJECTED' = results[0].outcome;
  void outcome;
  const payment = await api.getPayment(results[0].payment!.id);
  const page = await api.listPayments({ status: 'PENDING', limit: 20 });
  const next: string | null = page.nextCursor;
  if (next !== null) await api.listPayments({ cursor: next });
  try {
    await api.cancelPayment(payment.id);
  } catch (error) {
    if (!(error instanceof PaymentsApiError)) throw error;
    const fields: string[] = error.errors.map((e) => e.field);
    void [error.status, error.code, error.requestId, fields];
  }
  const created = await api.subscribe({
    callbackUrl: 'http://127.0.0.1:4000/hooks',
    eventTypes: ['payment.paid', 'payment.failed'],
  });
  const headers: IncomingHttpHeaders = {};
  const event = verifyWebhook(created.secret, Buffer.from('{}'), headers);
  const type: PaymentEventType = event.type;
  void [type, secret];
  return event.data;
}

/** What must not compile: each line names the rule of the contract it protects. */
export function refusedUsage(api: PaymentsClient): void {
  // @ts-expect-error a payment needs a beneficiary
  void api.createPayments({ payments: [{ quoteId: 'q', externalRef: 'r', amount: '1' }] });
  // @ts-expect-error statuses are an enum
  void api.listPayments({ status: 'SETTLED' });
  // @ts-expect-error event types are an enum
  void api.subscribe({ callbackUrl: 'http://127.0.0.1:4000', eventTypes: ['payment.lost'] });
  // @ts-expect-error auth is Bearer or ApiKey
  void new PaymentsClient({ baseUrl: 'http://127.0.0.1:3000', apiKey: 'k', auth: 'basic' });
}
