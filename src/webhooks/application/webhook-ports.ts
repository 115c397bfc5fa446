import type { AttemptResult } from '../domain/delivery-attempt';

/** Refuses callback URLs the service must not call (see API.md "Webhooks"). */
export abstract class CallbackUrlPolicy {
  /** Throws DomainError `invalid-callback-url` when the URL is not allowed. */
  abstract assertAllowed(url: string): Promise<void>;
}

export interface SignedDelivery {
  url: string;
  /** Each signs: two during a rotation's overlap (`webhook-signature: v1,<new> v1,<old>`). */
  secrets: readonly string[];
  /** The event id: the same `webhook-id` on every attempt, so receivers can deduplicate. */
  messageId: string;
  body: string;
  /** The attempt must be over by then (URL check and HTTP exchange): what is left of its lease. */
  timeoutMs: number;
}

/** Sends one signed attempt; never throws: failures are results. */
export abstract class WebhookTransport {
  abstract send(delivery: SignedDelivery): Promise<AttemptResult>;
}
