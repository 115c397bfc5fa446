import { DomainError, newId } from '../../shared/domain';
import { isWebhookEventType, WEBHOOK_EVENT_TYPES, type WebhookEventType } from './event-types';
import { WebhookSecret } from './webhook-secret';

export type SubscriptionStatus = 'ACTIVE' | 'DELETED';

export interface SubscriptionState {
  id: string;
  accountId: string;
  callbackUrl: string;
  eventTypes: WebhookEventType[];
  secret: string;
  status: SubscriptionStatus;
  createdAt: Date;
}

/** A URL that receives the account's payment events, signed with the subscription's secret. */
export class Subscription {
  private constructor(private readonly state: SubscriptionState) {}

  /** `eventTypes` absent or empty means every type; a secret is generated unless one is given. */
  static create(input: {
    accountId: string;
    callbackUrl: string;
    eventTypes?: readonly string[];
    secret?: string;
    now: Date;
  }): Subscription {
    const unknown = (input.eventTypes ?? []).filter((t) => !isWebhookEventType(t));
    if (unknown.length) {
      throw new DomainError(
        'invalid',
        'invalid-event-type',
        `unknown event type(s): ${unknown.join(', ')}; known: ${WEBHOOK_EVENT_TYPES.join(', ')}`,
      );
    }
    const eventTypes = input.eventTypes?.length
      ? [...new Set(input.eventTypes as WebhookEventType[])]
      : [...WEBHOOK_EVENT_TYPES];
    const secret =
      input.secret === undefined ? WebhookSecret.generate() : WebhookSecret.parse(input.secret);
    return new Subscription({
      id: newId(),
      accountId: input.accountId,
      callbackUrl: input.callbackUrl,
      eventTypes,
      secret: secret.value,
      status: 'ACTIVE',
      createdAt: input.now,
    });
  }

  static restore(state: SubscriptionState): Subscription {
    return new Subscription({ ...state });
  }

  get id() {
    return this.state.id;
  }
  get accountId() {
    return this.state.accountId;
  }
  get callbackUrl() {
    return this.state.callbackUrl;
  }
  get eventTypes(): readonly WebhookEventType[] {
    return this.state.eventTypes;
  }
  get secret() {
    return this.state.secret;
  }
  get status() {
    return this.state.status;
  }
  get createdAt() {
    return this.state.createdAt;
  }

  /** A subscription receives the events of the types it chose, while it is active. */
  wants(eventType: string): boolean {
    return (
      this.state.status === 'ACTIVE' && (this.state.eventTypes as string[]).includes(eventType)
    );
  }

  /** The secret is shown once, at creation; afterwards the view never carries it. */
  toView(options: { withSecret: boolean } = { withSecret: false }) {
    return {
      id: this.state.id,
      callbackUrl: this.state.callbackUrl,
      eventTypes: [...this.state.eventTypes],
      status: this.state.status,
      ...(options.withSecret ? { secret: this.state.secret } : {}),
      createdAt: this.state.createdAt.toISOString(),
    };
  }
}

export type SubscriptionView = ReturnType<Subscription['toView']>;
