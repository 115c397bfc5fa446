import { DomainError, newId, validationFailed } from '../../shared/domain';
import {
  isWebhookEventType,
  SUBSCRIBABLE_EVENT_TYPES,
  WEBHOOK_EVENT_TYPES,
  type WebhookEventType,
} from './event-types';
import { WebhookSecret } from './webhook-secret';

/** ACTIVE receives; PAUSED (by its owner) and DISABLED (by the service) keep their deliveries waiting. */
export type SubscriptionStatus = 'ACTIVE' | 'PAUSED' | 'DISABLED' | 'DELETED';

export const DESCRIPTION_MAX = 256;
export const RATE_LIMIT_MIN = 1;
export const RATE_LIMIT_MAX = 1000;
export const OVERLAP_MAX_SECONDS = 7 * 24 * 3600;
export const OVERLAP_DEFAULT_SECONDS = 24 * 3600;

export interface SubscriptionState {
  id: string;
  accountId: string;
  callbackUrl: string;
  eventTypes: WebhookEventType[];
  secret: string;
  /** The secret before the last rotation, which still signs until it expires. */
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
  status: SubscriptionStatus;
  disabledReason: string | null;
  description: string | null;
  rateLimitPerSecond: number | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What an owner may change with PATCH; absent fields stay as they are. */
export interface SubscriptionChanges {
  callbackUrl?: string;
  eventTypes?: readonly string[];
  description?: string | null;
  rateLimitPerSecond?: number | null;
  status?: 'ACTIVE' | 'PAUSED';
}

/** What a change means for the subscription's waiting deliveries. */
export type DeliveryEffect = 'resumed' | 'stopped' | 'none';

function checkEventTypes(types: readonly string[], field: string): WebhookEventType[] {
  const unknown = types.filter((t) => !isWebhookEventType(t));
  if (unknown.length) {
    throw validationFailed([
      {
        field,
        code: 'invalid-event-type',
        message: `unknown event type(s): ${unknown.join(', ')}; known: ${SUBSCRIBABLE_EVENT_TYPES.join(', ')}`,
      },
    ]);
  }
  return [...new Set(types as WebhookEventType[])];
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
        `unknown event type(s): ${unknown.join(', ')}; known: ${SUBSCRIBABLE_EVENT_TYPES.join(', ')}`,
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
      previousSecret: null,
      previousSecretExpiresAt: null,
      status: 'ACTIVE',
      disabledReason: null,
      description: null,
      rateLimitPerSecond: null,
      createdAt: input.now,
      updatedAt: input.now,
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
  get snapshot(): Readonly<SubscriptionState> {
    return this.state;
  }

  /** Only an ACTIVE subscription is sent anything; the others' deliveries wait. */
  get isActive(): boolean {
    return this.state.status === 'ACTIVE';
  }

  /**
   * A subscription that has not been deleted gets a delivery of every event of a type it chose,
   * whatever its status: a paused or disabled one keeps them waiting, so nothing is lost.
   */
  wants(eventType: string): boolean {
    return (
      this.state.status !== 'DELETED' && (this.state.eventTypes as string[]).includes(eventType)
    );
  }

  /**
   * Applies an owner's PATCH under the creation rules (a URL is checked by the caller, which
   * needs DNS). Each refusal names its field; nothing changes unless every field is valid.
   */
  update(changes: SubscriptionChanges, now: Date): DeliveryEffect {
    const refused = [];
    const { description, rateLimitPerSecond } = changes;
    let eventTypes: WebhookEventType[] | undefined;
    if (changes.eventTypes !== undefined) {
      if (changes.eventTypes.length === 0) {
        refused.push({
          field: 'eventTypes',
          code: 'empty-event-types',
          message: 'eventTypes must name at least one type',
        });
      } else {
        eventTypes = checkEventTypes(changes.eventTypes, 'eventTypes');
      }
    }
    if (typeof description === 'string' && description.length > DESCRIPTION_MAX) {
      refused.push({
        field: 'description',
        code: 'too-long',
        message: `description must be at most ${DESCRIPTION_MAX} characters`,
      });
    }
    if (
      typeof rateLimitPerSecond === 'number' &&
      (!Number.isInteger(rateLimitPerSecond) ||
        rateLimitPerSecond < RATE_LIMIT_MIN ||
        rateLimitPerSecond > RATE_LIMIT_MAX)
    ) {
      refused.push({
        field: 'rateLimitPerSecond',
        code: 'out-of-range',
        message: `rateLimitPerSecond must be null or an integer ${RATE_LIMIT_MIN}..${RATE_LIMIT_MAX}`,
      });
    }
    if (refused.length) throw validationFailed(refused);

    const wasActive = this.isActive;
    const s = this.state;
    if (changes.callbackUrl !== undefined) s.callbackUrl = changes.callbackUrl;
    if (eventTypes) s.eventTypes = eventTypes;
    if (description !== undefined) s.description = description;
    if (rateLimitPerSecond !== undefined) s.rateLimitPerSecond = rateLimitPerSecond;
    if (changes.status !== undefined && changes.status !== s.status) {
      s.status = changes.status;
      // An owner's ACTIVE re-enables a DISABLED subscription: the reason no longer holds.
      s.disabledReason = null;
    }
    s.updatedAt = now;
    if (!wasActive && this.isActive) return 'resumed';
    if (wasActive && !this.isActive) return 'stopped';
    return 'none';
  }

  /** The service disables a failing receiver; its deliveries wait like a paused one's. */
  disable(reason: string, now: Date): boolean {
    if (this.state.status !== 'ACTIVE') return false;
    this.state.status = 'DISABLED';
    this.state.disabledReason = reason;
    this.state.updatedAt = now;
    return true;
  }

  /**
   * Replaces the secret; the one it replaces keeps signing for `overlapSeconds`, so receivers can
   * switch at their pace. A rotation during an overlap ends the older one at once: only two
   * secrets ever sign, the newest and the one just before it.
   */
  rotateSecret(input: { secret?: string; overlapSeconds?: number }, now: Date) {
    const overlapSeconds = input.overlapSeconds ?? OVERLAP_DEFAULT_SECONDS;
    if (
      !Number.isInteger(overlapSeconds) ||
      overlapSeconds < 0 ||
      overlapSeconds > OVERLAP_MAX_SECONDS
    ) {
      throw validationFailed([
        {
          field: 'overlapSeconds',
          code: 'out-of-range',
          message: `overlapSeconds must be an integer 0..${OVERLAP_MAX_SECONDS}`,
        },
      ]);
    }
    let next: WebhookSecret;
    try {
      next =
        input.secret === undefined ? WebhookSecret.generate() : WebhookSecret.parse(input.secret);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      throw new DomainError(error.kind, error.code, error.message, [
        { field: 'secret', code: error.code, message: error.message },
      ]);
    }
    const expiresAt = new Date(now.getTime() + overlapSeconds * 1000);
    const s = this.state;
    s.previousSecret = overlapSeconds > 0 ? s.secret : null;
    s.previousSecretExpiresAt = overlapSeconds > 0 ? expiresAt : null;
    s.secret = next.value;
    s.updatedAt = now;
    return { secret: s.secret, previousSecretExpiresAt: expiresAt.toISOString() };
  }

  /** The secrets an attempt at `at` is signed with: the current one, and the previous one until it expires. */
  signingSecrets(at: Date): string[] {
    return signingSecrets(this.state, at);
  }

  /** The secret is shown once, at creation; afterwards the view never carries it. */
  toView(options: { withSecret: boolean } = { withSecret: false }) {
    return {
      id: this.state.id,
      callbackUrl: this.state.callbackUrl,
      eventTypes: [...this.state.eventTypes],
      status: this.state.status,
      disabledReason: this.state.disabledReason,
      description: this.state.description,
      rateLimitPerSecond: this.state.rateLimitPerSecond,
      ...(options.withSecret ? { secret: this.state.secret } : {}),
      createdAt: this.state.createdAt.toISOString(),
      updatedAt: this.state.updatedAt.toISOString(),
    };
  }
}

export type SubscriptionView = ReturnType<Subscription['toView']>;

/** See Subscription.signingSecrets; also applied to the columns a claim reads. */
export function signingSecrets(
  s: Pick<SubscriptionState, 'secret' | 'previousSecret' | 'previousSecretExpiresAt'>,
  at: Date,
): string[] {
  const previousValid =
    s.previousSecret !== null &&
    s.previousSecretExpiresAt !== null &&
    new Date(s.previousSecretExpiresAt).getTime() > at.getTime();
  return previousValid ? [s.secret, s.previousSecret!] : [s.secret];
}
