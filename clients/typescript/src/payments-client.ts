import createClient, { type Client } from 'openapi-fetch';
import type {
  CreatePaymentsRequest,
  CreatePaymentsResponse,
  CreateQuoteRequest,
  DeliveryPage,
  ListPaymentsQuery,
  Payment,
  PaymentPage,
  Quote,
  SubscribeRequest,
  Subscription,
  SubscriptionCreated,
  SubscriptionPage,
} from './models';
import type { paths } from './openapi-types';
import { PaymentsApiError } from './payments-api-error';
import { type RetryOptions, withRetry } from './retry';

export interface PaymentsClientOptions {
  /** The service's origin, e.g. http://localhost:3000 (the paths carry /api/v1). */
  baseUrl: string;
  apiKey: string;
  /** `Authorization: Bearer <key>` (default) or `ApiKey: <key>`. */
  auth?: 'bearer' | 'apiKey';
  /** Sent as the `AccountId` header: the service answers 403 if it is not the key's account. */
  accountId?: string;
  fetch?: (input: Request) => Promise<Response>;
  /** How `createPayments` retries network errors and 5xx answers. */
  retry?: RetryOptions;
}

type Result<T> = { data?: T; error?: unknown; response: Response };

/** Every non-2xx answer becomes a PaymentsApiError; a 2xx gives its typed body. */
async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw PaymentsApiError.fromResponse(response, error);
  return data as T;
}

/** Only failures that may not have reached the service, or that it did not finish: never a 4xx. */
function isTransient(error: unknown): boolean {
  return error instanceof PaymentsApiError ? error.status >= 500 : true;
}

/** A thin layer over openapi-fetch: auth, typed errors, and safe retries of payment creation. */
export class PaymentsClient {
  /** The generated openapi-fetch client, for anything this class does not wrap. */
  readonly raw: Client<paths>;

  constructor(private readonly options: PaymentsClientOptions) {
    const auth =
      options.auth === 'apiKey'
        ? { ApiKey: options.apiKey }
        : { Authorization: `Bearer ${options.apiKey}` };
    this.raw = createClient<paths>({
      baseUrl: options.baseUrl,
      fetch: options.fetch,
      headers: { ...auth, ...(options.accountId ? { AccountId: options.accountId } : {}) },
    });
  }

  createQuote(body: CreateQuoteRequest): Promise<Quote> {
    return unwrap(this.raw.POST('/api/v1/payments/quote', { body }));
  }

  /**
   * Creates a batch. Retried on network errors and 5xx answers (bounded, exponential backoff):
   * safe because each item's externalRef is its idempotency key, so a request that did reach the
   * service comes back REPLAYED instead of paying twice. A 4xx is never retried.
   */
  createPayments(body: CreatePaymentsRequest): Promise<CreatePaymentsResponse> {
    const send = () => unwrap(this.raw.POST('/api/v1/payments', { body }));
    return withRetry(send, isTransient, this.options.retry);
  }

  getPayment(id: string): Promise<Payment> {
    return unwrap(this.raw.GET('/api/v1/payments/{id}', { params: { path: { id } } }));
  }

  listPayments(query: ListPaymentsQuery = {}): Promise<PaymentPage> {
    return unwrap(this.raw.GET('/api/v1/payments', { params: { query } }));
  }

  cancelPayment(id: string): Promise<Payment> {
    return unwrap(this.raw.POST('/api/v1/payments/{id}/cancel', { params: { path: { id } } }));
  }

  subscribe(body: SubscribeRequest): Promise<SubscriptionCreated> {
    return unwrap(this.raw.POST('/api/v1/payments/subscribe', { body }));
  }

  listSubscriptions(query: { limit?: number; cursor?: string } = {}): Promise<SubscriptionPage> {
    return unwrap(this.raw.GET('/api/v1/payments/subscriptions', { params: { query } }));
  }

  getSubscription(id: string): Promise<Subscription> {
    const params = { path: { id } };
    return unwrap(this.raw.GET('/api/v1/payments/subscriptions/{id}', { params }));
  }

  async deleteSubscription(id: string): Promise<void> {
    const params = { path: { id } };
    await unwrap(this.raw.DELETE('/api/v1/payments/subscriptions/{id}', { params }));
  }

  listDeliveries(subscriptionId: string): Promise<DeliveryPage> {
    const params = { path: { id: subscriptionId } };
    return unwrap(this.raw.GET('/api/v1/payments/subscriptions/{id}/deliveries', { params }));
  }
}
